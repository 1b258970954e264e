"use client";
import { useActionState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ActionResult, FormAction } from "@/lib/action-result";

/**
 * What an action answered: its success message (interpolated with its data) or
 * its form error. Messages are keys with their namespace ("staff:…"), or
 * "validation.…" / "errors.…" in common.
 */
export function Outcome<R>({ state, fallback }: { state: ActionResult<R> | undefined; fallback?: string }) {
  const { t } = useTranslation();
  if (!state) return null;
  if (state.ok) {
    const message = state.message ?? fallback;
    if (!message) return null;
    return (
      <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
        {t(message, (state.data ?? {}) as Record<string, unknown>)}
      </p>
    );
  }
  const error = state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0];
  if (!error) return null;
  return (
    <p role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {t(error, state.formParams)}
    </p>
  );
}

/**
 * A form of one button posting hidden fields to an action (resend, revoke,
 * cancel, assign …), with the answer beside it. Works before hydration too.
 */
export function ActionButton<R>({
  action,
  lng,
  fields,
  children,
  className,
  confirm,
  doneMessage,
  ariaLabel,
}: {
  action: FormAction<R>;
  lng: string;
  /** Hidden fields, e.g. { id } */
  fields: Record<string, string>;
  /** The button's label */
  children: ReactNode;
  className?: string;
  /** Asked with window.confirm before posting, when given (already translated) */
  confirm?: string;
  /** Shown on success when the action returns no message */
  doneMessage?: string;
  /** The button's accessible name when the label alone is ambiguous in a list ("Deactivate Lin"), already translated */
  ariaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form
      action={formAction}
      method="post"
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="lng" value={lng} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className={className ?? "rounded border px-3 py-1 text-sm hover:bg-gray-50"} disabled={pending} aria-busy={pending} aria-label={ariaLabel}>
        {children}
      </button>
      <Outcome state={state} fallback={doneMessage} />
    </form>
  );
}
