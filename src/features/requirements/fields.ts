import {
  isValidBankAccount,
  isValidIban,
  isValidPhone,
  isValidRoutingNumber,
  isValidSwift,
  normalizeBankAccount,
  normalizeIban,
  normalizeSwift,
} from "@/lib/bank";
import { isCountryCode } from "@/lib/countries";
import { emailField } from "@/lib/validation";
import type { RequirementField } from "./requirements";

/**
 * Validation of one onboarding step's answers. Pure (no database, no files):
 * the same rules run in the browser and on the server. Messages are i18n keys
 * (`validation.*` in common, `onboarding:validation.*` for the field types).
 */
export type Answer = string | boolean;
export type Answers = Record<string, Answer>;

/** Stored answers (JSON text); anything unreadable reads as no answers. */
export function parseAnswers(json: string): Answers {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Answers) : {};
  } catch {
    return {};
  }
}
export type Mode = "draft" | "submit";

/** Form inputs carry this prefix so field keys never collide with the form's own names. */
export const inputName = (key: string) => `f_${key}`;

export const MAX_TEXT = 500;

type Check = { ok: true; value: Answer } | { ok: false; error: string };
const bad = (error: string): Check => ({ ok: false, error });
const good = (value: Answer): Check => ({ ok: true, value });

/** The part of a field definition validation needs (profile sections reuse it). */
export type FieldRule = Pick<RequirementField, "key" | "type" | "required" | "options">;

/** Checks one non-empty value of a field. */
export function checkValue(field: FieldRule, raw: string): Check {
  const v = raw.trim();
  if (v.length > (field.type === "address" ? 1000 : MAX_TEXT)) return bad("validation.tooLong");
  switch (field.type) {
    case "text":
      return good(v);
    case "address":
      return v.length < 5 ? bad("onboarding:validation.address") : good(v);
    case "number":
      return /^-?\d{1,15}([.,]\d{1,6})?$/.test(v) ? good(v.replace(",", ".")) : bad("onboarding:validation.number");
    case "date": {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return bad("onboarding:validation.date");
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      const real = d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
      return real && +m[1] >= 1800 && +m[1] <= 2200 ? good(v) : bad("onboarding:validation.date");
    }
    case "select":
      return field.options?.some((o) => o.value === v) ? good(v) : bad("onboarding:validation.select");
    case "country":
      return isCountryCode(v.toUpperCase()) ? good(v.toUpperCase()) : bad("onboarding:validation.country");
    case "email": {
      const parsed = emailField.safeParse(v);
      return parsed.success ? good(parsed.data) : bad("validation.email");
    }
    case "phone":
      return isValidPhone(v) ? good(v) : bad("onboarding:validation.phone");
    case "iban":
      return isValidIban(v) ? good(normalizeIban(v)) : bad("onboarding:validation.iban");
    case "swift":
      return isValidSwift(v) ? good(normalizeSwift(v)) : bad("onboarding:validation.swift");
    case "bankAccount":
      return isValidBankAccount(v) ? good(normalizeBankAccount(v)) : bad("onboarding:validation.bankAccount");
    case "routingNumber":
      return isValidRoutingNumber(v) ? good(v.replace(/[\s-]/g, "")) : bad("onboarding:validation.routingNumber");
    case "confirm":
      return v === "on" || v === "true" ? good(true) : bad("validation.mustConfirm");
    case "document":
      // A document answer is the id of one of the supplier's documents (checked by the service).
      return /^[a-z0-9]{10,40}$/.test(v) ? good(v) : bad("validation.invalid");
  }
}

/**
 * Validates raw form values (keyed by input name) for a step. Drafts may leave
 * required fields empty but never store a malformed value; a submission needs
 * every required field. Returns normalised answers keyed by field key, or
 * errors keyed by input name.
 */
export function validateStep(
  step: { fields: FieldRule[] },
  raw: Record<string, unknown>,
  mode: Mode,
): { ok: true; answers: Answers } | { ok: false; errors: Record<string, string[]>; answers: Answers } {
  const answers: Answers = {};
  const errors: Record<string, string[]> = {};
  for (const field of step.fields) {
    const name = inputName(field.key);
    const value = raw[name];
    const text = typeof value === "string" ? value : typeof value === "boolean" ? (value ? "on" : "") : "";
    if (text.trim() === "") {
      if (mode === "submit" && field.required) {
        errors[name] = [
          field.type === "confirm" ? "validation.mustConfirm" : field.type === "document" ? "onboarding:validation.documentRequired" : "validation.required",
        ];
      }
      continue;
    }
    const check = checkValue(field, text);
    if (check.ok) answers[field.key] = check.value;
    else errors[name] = [check.error];
  }
  return Object.keys(errors).length ? { ok: false, errors, answers } : { ok: true, answers };
}

/** Answers that count: a step is complete when every required field has one. */
export function isStepComplete(step: { fields: FieldRule[] }, answers: Answers): boolean {
  return step.fields.every((f) => !f.required || (answers[f.key] !== undefined && answers[f.key] !== "" && answers[f.key] !== false));
}
