"use client";
import { useActionState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ActionButton, Outcome } from "@/components/action-button";
import { ui } from "@/components/ui";
import type { ActionResult, FormAction } from "@/lib/action-result";

/** The answer of a decision: its form error only; field errors are shown at their fields. */
function DecisionOutcome<R>({ state }: { state: ActionResult<R> | undefined }) {
  return <Outcome state={state && !state.ok ? { ...state, fieldErrors: undefined } : state} fallback="staff:queue.done" />;
}

function FieldMessage({ state, name }: { state: ActionResult<unknown> | undefined; name: string }) {
  const { t } = useTranslation();
  const message = state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
  if (!message) return null;
  return (
    <p id={`error-${name}`} data-testid={`error-${name}`} className="mt-1 text-sm text-red-700">
      {t(message)}
    </p>
  );
}

/** Approve or reject, with the comment the supplier reads. */
function DecisionFields({ state, pending, idPrefix }: { state: ActionResult<unknown> | undefined; pending: boolean; idPrefix: string }) {
  const { t } = useTranslation("staff");
  const commentError = state && !state.ok && state.fieldErrors?.comment;
  return (
    <>
      <fieldset>
        <legend className={ui.label}>{t("queue.decision")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="decision" value="APPROVED" defaultChecked /> {t("queue.approve")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="decision" value="REJECTED" /> {t("queue.reject")}
          </label>
        </div>
        <FieldMessage state={state} name="decision" />
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-comment`} className={ui.label}>
          {t("queue.comment")}
        </label>
        <textarea
          id={`${idPrefix}-comment`}
          name="comment"
          rows={3}
          maxLength={1000}
          className={ui.input}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={`${idPrefix}-comment-hint${commentError ? " error-comment" : ""}`}
        />
        <p id={`${idPrefix}-comment-hint`} className="mt-1 text-sm text-gray-600">
          {t("queue.commentHint")}
        </p>
        <FieldMessage state={state} name="comment" />
      </div>
      <button type="submit" className={ui.primary} disabled={pending}>
        {t("queue.submitDecision")}
      </button>
    </>
  );
}

export function DecideForm({ action, lng, id }: { action: FormAction<unknown>; lng: string; id: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="id" value={id} />
      <DecisionOutcome state={state} />
      {!state?.ok && <DecisionFields state={state} pending={pending} idPrefix="decide" />}
    </form>
  );
}

/** The queue table sits inside this form: its checkboxes select the requests to decide at once. */
export function BulkDecideForm({
  action,
  lng,
  selectable,
  children,
}: {
  action: FormAction<{ changed: number; skipped: number }>;
  lng: string;
  /** Whether any listed request can still be decided */
  selectable: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation("staff");
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={t("queue.bulkTitle")}>
      <input type="hidden" name="lng" value={lng} />
      {/* The report stays after the decided rows leave the list. */}
      <DecisionOutcome state={state} />
      {children}
      {selectable && (
        <div className="space-y-3 rounded border bg-white p-3">
          <h2 className="font-semibold">{t("queue.bulkTitle")}</h2>
          <FieldMessage state={state} name="ids[]" />
          <DecisionFields state={state} pending={pending} idPrefix="bulk" />
        </div>
      )}
    </form>
  );
}

/** One button: give the supplier its search attempts back. */
export function ResetAttemptsForm({ action, lng, supplierId }: { action: FormAction<{ used: number; limit: number }>; lng: string; supplierId: string }) {
  const { t } = useTranslation("staff");
  return (
    <div className="mt-2">
      <ActionButton action={action} lng={lng} fields={{ supplierId }} className={ui.button} doneMessage="staff:queue.done">
        {t("queue.resetAttempts")}
      </ActionButton>
    </div>
  );
}
