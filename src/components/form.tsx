"use client";
import { useActionState, useId, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslation } from "react-i18next";
import type { ActionResult } from "@/lib/action-result";
import { languages } from "@/lib/i18n/config";
import { SuccessNotice } from "@/components/notice";

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
      {state?.ok && state.message && <SuccessNotice>{t(state.message)}</SuccessNotice>}
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
  const id = useId();
  const errors = fieldError(state, name);
  const value = echoed(state, name) ?? defaultValue;
  return (
    <FieldShell id={id} name={name} label={label} required={required} hint={hint} errors={errors}>
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
        aria-describedby={describedBy(id, hint, errors)}
        autoComplete={autoComplete}
        readOnly={readOnly}
        maxLength={maxLength}
        className={`block w-full rounded border px-3 py-2 text-base shadow-sm ${errors ? "border-red-600" : "border-gray-300"} ${readOnly ? "bg-gray-100" : "bg-white"}`}
      />
    </FieldShell>
  );
}

/** A labelled multi-line text field, with the same hint and error display as Field. */
export function TextAreaField({
  label,
  name,
  state,
  defaultValue,
  hint,
  required,
  readOnly,
  maxLength,
}: {
  label: string;
  name: string;
  state?: ActionResult<unknown>;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  readOnly?: boolean;
  maxLength: number;
}) {
  const id = useId();
  const errors = fieldError(state, name);
  const value = echoed(state, name) ?? defaultValue;
  return (
    <FieldShell id={id} name={name} label={label} required={required} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        // The key resets the uncontrolled field when the server echoes a new value.
        key={value}
        defaultValue={value}
        required={required}
        aria-required={required}
        readOnly={readOnly}
        rows={3}
        maxLength={maxLength}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={`block w-full rounded border px-3 py-2 ${errors ? "border-red-600" : "border-gray-300"} ${readOnly ? "bg-gray-100" : "bg-white"}`}
      />
    </FieldShell>
  );
}

/** The ids a control's `aria-describedby` lists: its hint and its error, as FieldShell renders them. */
export function describedBy(id: string, hint: string | undefined, errors: string[] | undefined): string | undefined {
  return [hint ? `${id}-hint` : "", errors ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/**
 * What every form field has around its control: the label (with the required
 * mark), the hint and the localised error, tied to the control by `id`
 * (pass `aria-describedby={describedBy(id, hint, errors)}` to the control).
 */
export function FieldShell({
  id,
  name,
  label,
  required,
  hint,
  errors,
  children,
}: {
  id: string;
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors?: string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
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
      {children}
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
  const id = useId();
  const errors = fieldError(state, name);
  const value = echoed(state, name) ?? defaultValue;
  return (
    <FieldShell id={id} name={name} label={label} required={required} errors={errors}>
      <select
        id={id}
        name={name}
        key={value}
        defaultValue={value}
        required={required}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, undefined, errors)}
        className={`block w-full rounded border bg-white px-3 py-2 ${errors ? "border-red-600" : "border-gray-300"}`}
      >
        {children}
      </select>
    </FieldShell>
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
