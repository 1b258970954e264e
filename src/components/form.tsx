"use client";
import { useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { createContext, useActionState, useContext, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslation } from "react-i18next";
import type { ActionResult } from "@/lib/action-result";
import { languages } from "@/lib/i18n/config";
import { SuccessNotice } from "@/components/notice";

type FormActionFn<R> = (prev: ActionResult<R> | undefined, form: FormData) => Promise<ActionResult<R>>;

/**
 * A browser-side check of a form's fields (see ./form-validation.ts, which
 * makes one from the action's zod schema). A form passes a loader of it, so
 * that zod (about 40 KB gzip) is fetched when the user first focuses the form,
 * not with the page.
 */
export type FormValidator = (context: {
  form: HTMLFormElement;
  submitter: HTMLInputElement | HTMLButtonElement | null;
  formData: FormData;
}) => Submission<Record<string, unknown>, string[]>;

/** The field errors (message keys) of the surrounding ActionForm: its checks in the browser and the server's answer. */
const FormErrorsContext = createContext<Record<string, string[] | undefined> | null>(null);

/** Names conform reads as plain keys; the errors of list fields ("permissions[]") are read from the answer itself. */
const plainName = (name: string) => /^[\w-]+$/.test(name);

/** The server's answer in conform's terms: its field errors shown (and the first invalid field focused), the posted values kept. */
function toSubmissionResult(state: ActionResult<unknown> | undefined): SubmissionResult<string[]> | undefined {
  if (!state || state.ok) return undefined;
  const error = Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([name]) => plainName(name)));
  return {
    status: "error",
    initialValue: state.values ?? {},
    error,
    state: { validated: Object.fromEntries(Object.keys(error).map((name) => [name, true])) },
  };
}

/**
 * A form bound to a server action, through conform (`@conform-to/react`):
 * - it posts with React's form action, so before hydration (and without
 *   JavaScript) it is a plain POST and the page comes back with the errors and
 *   the posted values (never a password, token or captcha: the wrapper does not
 *   echo them);
 * - with `validate` (a loader of `checkedWith(the zod schema the action
 *   parses)`, when it can run in the browser; loaded when the user first
 *   focuses a field, until then the server checks alone) a field is checked
 *   when the user leaves it, again as they type once it has shown an error,
 *   and the whole form on submit: a form the server would refuse is not
 *   posted. The server still checks everything;
 * - a refused submit keeps what the user entered (React resets a form after its
 *   action; that reset is cancelled then, passwords apart), shows the field
 *   errors and moves the focus to the first invalid field; a successful one
 *   resets the form, or shows `success` instead.
 * It always carries the page language and shows the form-level error.
 */
export function ActionForm<R>({
  action,
  lng,
  children,
  className,
  success,
  validate,
  ariaLabel,
}: {
  action: FormActionFn<R>;
  lng: string;
  children: (state: ActionResult<R> | undefined, pending: boolean) => ReactNode;
  className?: string;
  /** Rendered instead of the form after a successful submit, when given */
  success?: (state: Extract<ActionResult<R>, { ok: true }>) => ReactNode;
  /** Loads the browser's check: `checkedWith(the action's zod schema, or a client-safe part of it)` */
  validate?: () => Promise<FormValidator>;
  ariaLabel?: string;
}) {
  const { t } = useTranslation();
  const [state, formAction, pending] = useActionState(action, undefined);
  const check = useLazyCheck(validate);
  const lastResult = useMemo(() => toSubmissionResult(state), [state]);
  const [form] = useForm<Record<string, unknown>>({
    lastResult,
    onValidate: check.validator,
    // Without a check conform would ask the server on blur: it only shows the server's answer then.
    shouldValidate: check.validator ? "onBlur" : "onSubmit",
    shouldRevalidate: check.validator ? "onInput" : "onSubmit",
  });
  const errors = form.allErrors;
  // React resets the form once its action has answered (it runs this handler first, with this render's state):
  // after a refusal the user's entries stay, except a password, which is never shown again.
  const keepEntriesAfterRefusal = (event: FormEvent<HTMLFormElement>) => {
    if (!state || state.ok) return;
    event.preventDefault();
    for (const element of Array.from(event.currentTarget.elements)) {
      if (element instanceof HTMLInputElement && element.type === "password") element.value = "";
    }
  };
  if (state?.ok && success) return <>{success(state)}</>;
  return (
    <FormErrorsContext.Provider value={errors}>
      <form
        id={form.id}
        action={formAction}
        onSubmit={form.onSubmit}
        onReset={keepEntriesAfterRefusal}
        onFocus={check.load}
        data-checks={check.status}
        className={className ?? "space-y-4"}
        aria-label={ariaLabel}
        noValidate
      >
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
        {children(state, pending)}
      </form>
    </FormErrorsContext.Provider>
  );
}

const noSubscription = () => () => {};
const isBrowser = () => true;
const isServer = () => false;

/**
 * The browser's check of a form, loaded once, when `load` is first called (the
 * form's focus). `status`: undefined before hydration (or without a check),
 * "idle" until loaded, "ready" once the check runs.
 */
function useLazyCheck(loader: (() => Promise<FormValidator>) | undefined) {
  const [validator, setValidator] = useState<FormValidator>();
  // False in the server's HTML and while hydrating, true once the page is interactive.
  const hydrated = useSyncExternalStore(noSubscription, isBrowser, isServer);
  const requested = useRef(false);
  const load = () => {
    if (!loader || requested.current) return;
    requested.current = true;
    loader().then(
      (loaded) => setValidator(() => loaded),
      // Not loaded (offline, a new deployment): the server still checks every submit; the next focus tries again.
      () => (requested.current = false),
    );
  };
  return { validator, load, status: !loader || !hydrated ? undefined : validator ? "ready" : "idle" };
}

export function fieldError(state: ActionResult<unknown> | undefined, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/**
 * A field's errors (message keys): inside an ActionForm from conform (the browser's
 * check and the server's answer), else from the `state` of a form that keeps its own.
 */
export function useFieldErrors(name: string, state: ActionResult<unknown> | undefined): string[] | undefined {
  const formErrors = useContext(FormErrorsContext);
  if (!formErrors || !plainName(name)) return fieldError(state, name);
  const errors = formErrors[name];
  return errors?.length ? errors : undefined;
}

export function echoed(state: ActionResult<unknown> | undefined, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}

/** What Field and TextAreaField share. */
interface TextFieldProps {
  label: string;
  name: string;
  state?: ActionResult<unknown>;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  readOnly?: boolean;
}

/** A text control's id, its errors, and its value: shown again after a refused submit without JavaScript (the server echoes what was posted). */
function useTextField({ name, state, defaultValue }: TextFieldProps) {
  const id = useId();
  const errors = useFieldErrors(name, state);
  return { id, errors, value: echoed(state, name) ?? defaultValue };
}

/** The attributes a text control shares: name, required, read-only, and its ties to the hint and the error. */
function controlProps({ name, hint, required, readOnly }: TextFieldProps, id: string, errors: string[] | undefined) {
  return {
    id,
    name,
    required,
    "aria-required": required,
    readOnly,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": describedBy(id, hint, errors),
  };
}

const controlClass = (errors: string[] | undefined, readOnly: boolean | undefined) =>
  `block w-full rounded border px-3 py-2 ${errors ? "border-red-600" : "border-gray-300"} ${readOnly ? "bg-gray-100" : "bg-white"}`;

export function Field(props: TextFieldProps & { type?: string; autoComplete?: string; maxLength?: number }) {
  const { label, name, type = "text", hint, required, autoComplete, readOnly, maxLength } = props;
  const { id, errors, value } = useTextField(props);
  return (
    <FieldShell id={id} name={name} label={label} required={required} hint={hint} errors={errors}>
      <input
        {...controlProps(props, id, errors)}
        type={type}
        defaultValue={type === "password" ? undefined : value}
        autoComplete={autoComplete}
        maxLength={maxLength}
        className={`${controlClass(errors, readOnly)} text-base shadow-sm`}
      />
    </FieldShell>
  );
}

/** A labelled multi-line text field, with the same hint and error display as Field. */
export function TextAreaField(props: TextFieldProps & { maxLength: number }) {
  const { label, name, hint, required, readOnly, maxLength } = props;
  const { id, errors, value } = useTextField(props);
  return (
    <FieldShell id={id} name={name} label={label} required={required} hint={hint} errors={errors}>
      <textarea {...controlProps(props, id, errors)} defaultValue={value} rows={3} maxLength={maxLength} className={controlClass(errors, readOnly)} />
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
  const errors = useFieldErrors(name, state);
  // Shown again after a refused submit without JavaScript (the server echoes what was posted).
  const value = echoed(state, name) ?? defaultValue;
  return (
    <FieldShell id={id} name={name} label={label} required={required} errors={errors}>
      <select
        id={id}
        name={name}
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
