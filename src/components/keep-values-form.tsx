"use client";
import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ActionResult } from "@/lib/action-result";

type Action<R> = (prev: unknown, form: FormData) => Promise<ActionResult<R>>;

/**
 * Like ActionForm, but submitted by hand rather than through the form's action
 * prop, so React does not reset the form afterwards: radios and selects keep
 * what the user chose when the server answers with field errors.
 */
export function KeepValuesForm<R>({
  action,
  lng,
  children,
  success,
  className,
}: {
  action: Action<R>;
  lng: string;
  children: (state: ActionResult<R> | undefined, pending: boolean) => ReactNode;
  success?: (state: Extract<ActionResult<R>, { ok: true }>) => ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const [state, formAction, pending] = useActionState(action, undefined);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  if (state?.ok && success) return <>{success(state)}</>;
  return (
    // method="post": a submit before hydration must never put fields (a password) in the URL.
    <form onSubmit={onSubmit} method="post" className={className ?? "space-y-4"} noValidate>
      <input type="hidden" name="lng" value={lng} />
      {state && !state.ok && state.formError && (
        <p role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {t(state.formError)}
        </p>
      )}
      {children(state, pending)}
    </form>
  );
}
