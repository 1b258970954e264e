"use client";
import { useActionState, useId, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslation } from "react-i18next";
import type { ActionResult } from "@/lib/action-result";
import { languages } from "@/lib/i18n/config";

type FormActionFn<R> = (prev: ActionResult<R> | undefined, form: FormData) => Promise<ActionResult<R>>;

/**
 * A form bound to a server action: shows the form error, passes field errors
 * and echoed values to its fields, and always carries the page language.
 */
export function ActionForm<R>({
  action,
  lng,
  children,
  className,
  success,
}: {
  action: FormActionFn<R>;
  lng: string;
  children: (state: ActionResult<R> | undefined) => ReactNode;
  className?: string;
  /** Rendered instead of the form after a successful submit, when given */
  success?: (state: Extract<ActionResult<R>, { ok: true }>) => ReactNode;
}) {
  const { t } = useTranslation();
  const [state, formAction] = useActionState(action, undefined);
  if (state?.ok && success) return <>{success(state)}</>;
  return (
    <form action={formAction} className={className ?? "space-y-4"} noValidate>
      <input type="hidden" name="lng" value={lng} />
      {state && !state.ok && state.formError && (
        <p role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {t(state.formError, state.formParams)}
          {state.reference && (
            <span className="mt-1 block text-xs" data-testid="error-reference">
              {t("errors:reference", { id: state.reference })}
            </span>
          )}
        </p>
      )}
      {state?.ok && state.message && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
          {t(state.message)}
        </p>
      )}
      {children(state)}
    </form>
  );
}

export function fieldError(state: ActionResult<unknown> | undefined, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

export function echoed(state: ActionResult<unknown> | undefined, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}

export function Field({
  label,
  name,
  type = "text",
  state,
  defaultValue,
  hint,
  required,
  autoComplete,
  readOnly,
  maxLength,
}: {
  label: string;
  name: string;
  type?: string;
  state?: ActionResult<unknown>;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  readOnly?: boolean;
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errors = fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : "", errors ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const value = echoed(state, name) ?? defaultValue;
  return (
    <div className="space-y-1">
      <div className="flex text-sm font-medium text-gray-800">
        {required && (
          <span className="mr-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        )}
        <label htmlFor={id}>{label}</label>
      </div>
      <input
        id={id}
        name={name}
        type={type}
        // The key resets the uncontrolled input when the server echoes a new value.
        key={value}
        defaultValue={type === "password" ? undefined : value}
        required={required}
        aria-required={required}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete}
        readOnly={readOnly}
        maxLength={maxLength}
        className={`block w-full rounded border px-3 py-2 text-base shadow-sm ${errors ? "border-red-600" : "border-gray-300"} ${readOnly ? "bg-gray-100" : "bg-white"}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      {errors && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`error-${name}`}>
          {errors.map((e) => t(e)).join(" ")}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({ children, className }: { children: ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  const { t } = useTranslation();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={className ?? "w-full rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-70"}
    >
      {pending ? t("loading") : children}
    </button>
  );
}

/** A labelled select with the same error display as Field (the label points at the select itself). */
export function SelectField({
  label,
  name,
  state,
  defaultValue,
  required,
  children,
}: {
  label: string;
  name: string;
  state?: ActionResult<unknown>;
  defaultValue?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errors = fieldError(state, name);
  const value = echoed(state, name) ?? defaultValue;
  return (
    <div className="space-y-1">
      <div className="flex text-sm font-medium text-gray-800">
        {required && (
          <span className="mr-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        )}
        <label htmlFor={id}>{label}</label>
      </div>
      <select
        id={id}
        name={name}
        key={value}
        defaultValue={value}
        required={required}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={`block w-full rounded border bg-white px-3 py-2 ${errors ? "border-red-600" : "border-gray-300"}`}
      >
        {children}
      </select>
      {errors && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`error-${name}`}>
          {errors.map((e) => t(e)).join(" ")}
        </p>
      )}
    </div>
  );
}

/** The language choice (en / zh), labelled in the page language. */
export function LanguageField({
  label,
  name = "locale",
  state,
  defaultValue,
}: {
  label: string;
  name?: string;
  state?: ActionResult<unknown>;
  defaultValue: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} name={name} state={state} defaultValue={defaultValue}>
      {languages.map((l) => (
        <option key={l} value={l}>
          {t(`languages.${l}`)}
        </option>
      ))}
    </SelectField>
  );
}
