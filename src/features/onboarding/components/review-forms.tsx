"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { Outcome } from "@/components/action-button";
import { ui } from "@/components/ui";
import type { ActionResult, FormAction } from "@/lib/action-result";

/** The action's answer; field errors are shown beside their fields, not here. */
function Answer({ state }: { state: ActionResult<unknown> | undefined }) {
  return <Outcome state={state && !state.ok ? { ...state, fieldErrors: undefined } : state} fallback="staff:queue.done" />;
}

export function ApproveOnboardingForm({ action, lng, id }: { action: FormAction<unknown>; lng: string; id: string }) {
  const { t } = useTranslation("staff");
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="id" value={id} />
      <Answer state={state} />
      {!state?.ok && (
        <button type="submit" className={ui.primary} disabled={pending}>
          {t("onboarding.approve")}
        </button>
      )}
    </form>
  );
}

/** Sends the onboarding back with a comment; the ticked steps (all, when none) reopen. */
export function SendBackForm({ action, lng, id, steps }: { action: FormAction<unknown>; lng: string; id: string; steps: { key: string; title: string }[] }) {
  const { t } = useTranslation("staff");
  const { t: tm } = useTranslation();
  const [state, formAction, pending] = useActionState(action, undefined);
  const error = state && !state.ok ? state.fieldErrors?.comment?.[0] : undefined;
  if (state?.ok) return <Answer state={state} />;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="id" value={id} />
      <Answer state={state} />
      <fieldset>
        <legend className={ui.label}>{t("onboarding.stepsToReopen")}</legend>
        <div className="mt-1 flex flex-col gap-1">
          {steps.map((s) => (
            <label key={s.key} className="flex items-center gap-2">
              <input type="checkbox" name="steps[]" value={s.key} className="h-5 w-5" /> {s.title}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="sendback-comment" className={ui.label}>
          {t("onboarding.comment")}
        </label>
        <textarea
          id="sendback-comment"
          name="comment"
          rows={4}
          maxLength={2000}
          defaultValue={state && !state.ok ? state.values?.comment : undefined}
          className={ui.input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "error-comment" : undefined}
        />
        {error && (
          <p id="error-comment" data-testid="error-comment" className="mt-1 text-sm text-red-700">
            {tm(error)}
          </p>
        )}
      </div>
      <button type="submit" className={ui.button} disabled={pending}>
        {t("onboarding.sendBack")}
      </button>
    </form>
  );
}
