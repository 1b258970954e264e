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

/**
 * The message key of one zod issue: its own message when that is a key
 * (schemas give keys), else a generic key by the kind of rule broken. The
 * action wrapper (src/server/action.ts) and the forms' checks in the browser
 * (ActionForm's `schema`) both use it, so a field says the same words before
 * and after a submit.
 */
export function issueMessageKey(issue: { code: string; message: string; format?: string }): string {
  if (isMessageKey(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_small":
      return "validation.required";
    case "too_big":
      return "validation.tooLong";
    case "invalid_format":
      return issue.format === "email" ? "validation.email" : "validation.invalid";
    default:
      return "validation.invalid";
  }
}

export const initialResult = { ok: false } as ActionResult<never>;

export function ok<T>(data: T, message?: string): ActionResult<T> {
  return { ok: true, data, message };
}

export function fail(formError: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}
