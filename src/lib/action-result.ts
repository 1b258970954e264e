/** What every server action returns. Messages are i18n keys, never raw errors. */
export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      fieldErrors?: FieldErrors;
      formError?: string;
      /** Interpolation values for formError */
      formParams?: Record<string, string>;
      values?: Record<string, string>;
      /** Reference id of an unexpected failure, as written in the server log */
      reference?: string;
    };

/** The shape of every form-bound server action (what the wrapper in src/server/action.ts returns). */
export type FormAction<R = undefined> = (prev: unknown, form: FormData) => Promise<ActionResult<R>>;

/**
 * A message key: "validation.x" / "errors.x" in the common namespace, or
 * "<namespace>:<key>". Schemas give keys as messages; anything else is zod's
 * own text and is replaced by a generic key.
 */
export function isMessageKey(message: string): boolean {
  return /^((validation|errors)\.[\w.]+|[a-z][a-z-]*:[\w.-]+)$/.test(message);
}

export const initialResult = { ok: false } as ActionResult<never>;

export function ok<T>(data: T, message?: string): ActionResult<T> {
  return { ok: true, data, message };
}

export function fail(formError: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}
