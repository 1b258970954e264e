import { z } from "zod";

/**
 * Shared field schemas. Messages are i18n keys in the `common` namespace
 * (`validation.*`); forms translate them, so both sides say the same thing.
 * Client-safe: keep heavy dependencies out of this module.
 */
export const emailField = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"));

// The new-password rule (`passwordField`) lives in `./passwords`: it needs the
// zxcvbn dictionaries, which must stay out of client bundles.

/** Only checks presence and bcrypt's limit: sign-in must not reveal the rules. */
export const currentPasswordField = z.string({ error: "validation.required" }).min(1, "validation.required").max(200, "validation.tooLong");

const utf8Bytes = (v: string) => new TextEncoder().encode(v).length;

/**
 * The rules of a new password that the browser can check too: 8 to 72 bytes
 * (bcrypt's limit), a letter and a digit. The server adds the strength check
 * (`passwordField` in `./passwords`, server only: its dictionaries weigh
 * megabytes).
 */
export const passwordRulesField = z
  .string({ error: "validation.required" })
  .min(1, "validation.required")
  .refine((v) => utf8Bytes(v) >= 8, "validation.passwordTooShort")
  .refine((v) => utf8Bytes(v) <= 72, "validation.passwordTooLong")
  .refine((v) => /\p{L}/u.test(v) && /\p{Nd}/u.test(v), "validation.passwordLetterDigit");

export const nameField = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(120, "validation.tooLong");

export const companyNameField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .min(2, "validation.tooShort")
  .max(160, "validation.tooLong");

export const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional().default("");

export const lngField = z.enum(["en", "zh"], { error: "validation.invalid" });

export const checkboxField = z.union([z.literal("on"), z.literal("true"), z.literal(true)], { error: "validation.mustConfirm" }).transform(() => true);

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** A row id (cuid) from a form or a URL: the one id field every schema uses. */
export const idField = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.invalid")
  // "*": an empty id is reported once, as required.
  .regex(/^[a-z0-9]*$/i, "validation.invalid");

/** `{ id }`: the schema of every action that names one row. */
export const idSchema = z.object({ id: idField });
