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

export const initialResult = { ok: false } as ActionResult<never>;

export function ok<T>(data: T, message?: string): ActionResult<T> {
  return { ok: true, data, message };
}

export function fail(formError: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}
