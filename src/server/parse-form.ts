import type { z } from "zod";
import type { ActionResult, FieldErrors } from "@/lib/action-result";

/**
 * Validates form input with a schema whose messages may be namespaced keys
 * ("staff:customers.errors.domain") as well as the shared "validation.*" keys.
 * One message per field: the first rule it breaks.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.output<S> } | { ok: false; result: ActionResult<never> } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    const key = /^(validation\.|[a-z]+:)/.test(issue.message) ? issue.message : "validation.invalid";
    fieldErrors[field] ??= [key];
  }
  return { ok: false, result: { ok: false, fieldErrors } };
}
