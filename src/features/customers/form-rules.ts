import { z } from "zod";
import { requirementsSchema, type RequirementStep } from "@/features/requirements/requirements";

// Client-safe rules of the customer form: the form and the requirements editor
// (client components) validate with these, the server with `./schemas`.
// Keep heavy or server-only imports out (the free-mail list lives in ./schemas).

export const aliasKinds = ["TRADING", "CHINESE", "FORMER", "OTHER"] as const;
export type AliasKind = (typeof aliasKinds)[number];

/** NONE: every inbound request waits for the contact or support. OWN_DOMAIN_INVITED: see the form's explanation. */
export const autoApproveRules = ["NONE", "OWN_DOMAIN_INVITED"] as const;
export type AutoApproveRule = (typeof autoApproveRules)[number];

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** One domain as typed: trimmed, lower-cased, without a leading "@" or "www.". */
export function normaliseDomain(raw: string): string {
  return raw.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
}

export function isDomain(value: string): boolean {
  return DOMAIN.test(value);
}

/**
 * The extra rules a requirements document must meet to be edited here, on top
 * of the onboarding schema: unique field keys per step, select fields with
 * distinct options.
 */
export const directoryRequirementsSchema = requirementsSchema.superRefine((steps, ctx) => {
  steps.forEach((step, s) => {
    const seen = new Set<string>();
    step.fields.forEach((field, f) => {
      if (seen.has(field.key)) ctx.addIssue({ code: "custom", path: [s, "fields", f, "key"], message: "duplicateFieldKey" });
      seen.add(field.key);
      if (field.type === "select") {
        const options = field.options ?? [];
        if (options.length === 0) ctx.addIssue({ code: "custom", path: [s, "fields", f, "options"], message: "optionsRequired" });
        const values = new Set<string>();
        options.forEach((o, i) => {
          if (values.has(o.value)) ctx.addIssue({ code: "custom", path: [s, "fields", f, "options", i, "value"], message: "duplicateOption" });
          values.add(o.value);
        });
      }
    });
  });
});

export interface RequirementProblem {
  /** i18n key in the staff namespace */
  key: string;
  params: Record<string, string | number>;
}

/** Turns the schema's issues into localizable sentences that say where the problem is. */
export function describeRequirementIssues(error: z.ZodError): RequirementProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path;
    const step = typeof path[0] === "number" ? path[0] + 1 : undefined;
    const field = path[1] === "fields" && typeof path[2] === "number" ? path[2] + 1 : undefined;
    const option = path[3] === "options" && typeof path[4] === "number" ? path[4] + 1 : undefined;
    const last = String(path[path.length - 1] ?? "");
    const prev = String(path[path.length - 2] ?? "");
    let problem: string;
    if (issue.message === "duplicate step key") problem = "duplicateStepKey";
    else if (["duplicateFieldKey", "optionsRequired", "duplicateOption"].includes(issue.message)) problem = issue.message;
    else if (last === "key") problem = "keyFormat";
    else if (last === "en" || last === "zh") problem = issue.code === "too_big" ? `${prev}TooLong` : `${prev}Missing`;
    else if (last === "fields" && issue.code === "too_small") problem = "noFields";
    else if (last === "fields" || path.length === 0) problem = issue.code === "too_big" ? (last === "fields" ? "tooManyFields" : "tooManySteps") : "shape";
    else if (last === "value") problem = "optionValue";
    else if (last === "type") problem = "fieldType";
    else problem = "shape";
    const where = option ? "whereOption" : field ? "whereField" : step ? "whereStep" : "whereAll";
    return {
      key: `requirements.issues.${problem}`,
      params: { where: `requirements.issues.${where}`, step: step ?? 0, field: field ?? 0, option: option ?? 0, lang: last === "zh" ? "zh" : "en" },
    };
  });
}

export type RequirementsCheck = { ok: true; steps: RequirementStep[] } | { ok: false; json: boolean; problems: RequirementProblem[] };

/** Parses and validates a requirements JSON text. */
export function checkRequirements(text: string): RequirementsCheck {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === "" ? "[]" : text);
  } catch {
    return { ok: false, json: true, problems: [{ key: "requirements.issues.json", params: {} }] };
  }
  const parsed = directoryRequirementsSchema.safeParse(value);
  if (!parsed.success) return { ok: false, json: false, problems: describeRequirementIssues(parsed.error) };
  return { ok: true, steps: parsed.data };
}
