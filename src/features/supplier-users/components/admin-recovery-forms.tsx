"use client";
import { useActionState, useId } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, SubmitButton } from "@/components/form";
import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";

function TextArea({ name, label, error }: { name: string; label: string; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={ui.label}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={1000}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={ui.input}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`error-${name}`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

/** A user of a company without an active admin asks support for admin rights. */
export function AskAdminRightsForm({ action, lng }: { action: FormAction; lng: string }) {
  const { t } = useTranslation("settings");
  return (
    <ActionForm
      action={action}
      lng={lng}
      success={() => (
        <p role="status" data-testid="recovery-sent" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          {t("recovery.sent")}
        </p>
      )}
    >
      {(state) => (
        <>
          <TextArea name="reason" label={t("recovery.reason")} error={state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined} />
          <SubmitButton>{t("recovery.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Support grants or refuses a request, with a comment (one form, two buttons). */
export function DecideRecoveryForm({ action, lng, id }: { action: FormAction<unknown>; lng: string; id: string }) {
  const { t } = useTranslation("settings");
  const { t: tc } = useTranslation();
  const [state, formAction, pending] = useActionState(action, undefined);
  if (state?.ok) {
    return (
      <p role="status" data-testid="recovery-decided" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
        {t(state.message?.replace(/^settings:/, "") ?? "recoveryAdmin.decided")}
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && state.formError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {tc(state.formError)}
        </p>
      )}
      <TextArea name="comment" label={t("recoveryAdmin.comment")} error={state && !state.ok ? state.fieldErrors?.comment?.[0] : undefined} />
      <div className="flex gap-2">
        <button type="submit" name="decision" value="GRANTED" className={ui.primary} disabled={pending}>
          {t("recoveryAdmin.grant")}
        </button>
        <button type="submit" name="decision" value="REFUSED" className={ui.button} disabled={pending}>
          {t("recoveryAdmin.refuse")}
        </button>
      </div>
    </form>
  );
}
