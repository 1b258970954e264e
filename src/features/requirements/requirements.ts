import { z } from "zod";

/**
 * A customer's onboarding requirements are data: steps of typed fields. Labels
 * are the customer's own words in both languages, so they live here rather than
 * in the locale bundles.
 */
export const fieldTypes = [
  "text",
  "number",
  "date",
  "select",
  "country",
  "address",
  "email",
  "phone",
  "iban",
  "swift",
  "bankAccount",
  "routingNumber",
  "confirm",
  "document",
] as const;
export type FieldType = (typeof fieldTypes)[number];

const localized = z.object({ en: z.string().min(1).max(200), zh: z.string().min(1).max(200) });

export const requirementFieldSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  type: z.enum(fieldTypes),
  label: localized,
  required: z.boolean().default(true),
  options: z.array(z.object({ value: z.string().min(1).max(60), label: localized })).optional(),
});

export const requirementStepSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  /** "payment" steps are what "Start receiving payments" opens */
  kind: z.enum(["business", "payment", "other"]).default("other"),
  title: localized,
  fields: z.array(requirementFieldSchema).min(1).max(40),
});

export const requirementsSchema = z
  .array(requirementStepSchema)
  .max(12)
  .refine((steps) => new Set(steps.map((s) => s.key)).size === steps.length, "duplicate step key");

export type RequirementField = z.output<typeof requirementFieldSchema>;
export type RequirementStep = z.output<typeof requirementStepSchema>;

export function parseRequirements(json: string): RequirementStep[] {
  const parsed = requirementsSchema.safeParse(JSON.parse(json || "[]"));
  return parsed.success ? parsed.data : [];
}
