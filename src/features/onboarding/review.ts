import { z } from "zod";
import { db } from "@/server/db";
import type { Answer } from "@/features/requirements/fields";
import { parseRequirements, type RequirementField } from "@/features/requirements/requirements";

/**
 * The staff side of onboarding: a submitted onboarding with its answers laid
 * out step by step, for approval or sending back (approveOnboarding /
 * requestChanges in service.ts make the change).
 */

const id = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(40, "validation.tooLong");

export const approveSchema = z.object({ id });
export const sendBackSchema = z.object({
  id,
  comment: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(2000, "validation.tooLong"),
  "steps[]": z.array(z.string().max(40)).max(12).optional(),
});

export interface ReviewField {
  key: string;
  type: RequirementField["type"];
  label: { en: string; zh: string };
  required: boolean;
  /** The answer as text: the option's label, the document's file name, yes/no; null when unanswered */
  value: string | { en: string; zh: string } | boolean | null;
}

export async function onboardingForReview(relationshipId: string) {
  const rel = await db.customerRelationship.findUnique({
    where: { id: relationshipId },
    include: { customer: true, supplier: { select: { id: true, name: true } }, submissions: true },
  });
  if (!rel) return null;
  const steps = parseRequirements(rel.customer.requirements);
  const answers = new Map(rel.submissions.map((s) => [s.stepKey, s]));
  const docIds = rel.submissions.flatMap((s) => Object.values(safeJson(s.data))).filter((v): v is string => typeof v === "string");
  const docs = await db.supplierDocument.findMany({ where: { id: { in: docIds }, supplierId: rel.supplierId }, select: { id: true, filename: true } });
  const docName = new Map(docs.map((d) => [d.id, d.filename]));
  return {
    id: rel.id,
    state: rel.onboardingState,
    note: rel.onboardingNote,
    updatedAt: rel.updatedAt,
    supplier: rel.supplier,
    customer: { id: rel.customer.id, name: rel.customer.name, nameZh: rel.customer.nameZh },
    steps: steps.map((step) => {
      const sub = answers.get(step.key);
      const data = sub ? safeJson(sub.data) : {};
      return {
        key: step.key,
        title: step.title,
        status: sub?.status ?? "DRAFT",
        submittedAt: sub?.submittedAt ?? null,
        comment: sub?.comment ?? "",
        fields: step.fields.map<ReviewField>((f) => ({
          key: f.key,
          type: f.type,
          label: f.label,
          required: f.required,
          value: shown(f, data[f.key], docName),
        })),
      };
    }),
  };
}
export type OnboardingReview = NonNullable<Awaited<ReturnType<typeof onboardingForReview>>>;

function shown(field: RequirementField, answer: Answer | undefined, docName: Map<string, string>): ReviewField["value"] {
  if (answer === undefined || answer === "") return null;
  if (typeof answer === "boolean") return answer;
  if (field.type === "select") return field.options?.find((o) => o.value === answer)?.label ?? answer;
  if (field.type === "document") return docName.get(answer) ?? answer;
  return answer;
}

function safeJson(json: string): Record<string, Answer> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, Answer>) : {};
  } catch {
    return {};
  }
}
