import { customerName } from "@/lib/customer-name";
import { recipientsWanting } from "@/features/notifications/preferences";
import { notify } from "@/features/notifications/service";
import { documentsByIds } from "@/features/profile/documents";
import { moveOnboarding, relationshipForReview, relationshipWithCustomer, submittedRelationships } from "@/features/relationships/service";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { can, parsePermissions } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import type { Answer } from "@/features/requirements/fields";
import { parseRequirements, type RequirementField } from "@/features/requirements/requirements";
import type { OnboardingState } from "./progress";

/**
 * The staff side of onboarding: the submitted onboardings waiting for review,
 * one laid out step by step, and the review itself (approve, or send back with
 * a comment), which notifies and emails the supplier's users who handle it.
 * The forms' schemas are in ./schemas.ts.
 */

export interface ReviewField {
  key: string;
  type: RequirementField["type"];
  label: { en: string; zh: string };
  required: boolean;
  /** The answer as text: the option's label, the document's file name, yes/no; null when unanswered */
  value: string | { en: string; zh: string } | boolean | null;
}

export async function onboardingForReview(relationshipId: string) {
  const rel = await relationshipForReview(relationshipId);
  if (!rel) return null;
  const steps = parseRequirements(rel.customer.requirements);
  const answers = new Map(rel.submissions.map((s) => [s.stepKey, s]));
  const docIds = rel.submissions.flatMap((s) => Object.values(safeJson(s.data))).filter((v): v is string => typeof v === "string");
  const docs = await documentsByIds(rel.supplierId, docIds);
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

// ------------------------------------------------------------ the review

/** Supplier users who handle onboarding for this customer (admins included). */
async function onboardingRecipients(tx: Tx, supplierId: string, customerId: string) {
  const users = await tx.user.findMany({
    where: {
      supplierId,
      kind: "SUPPLIER",
      status: "ACTIVE",
      OR: [{ allCustomers: true }, { customerAccess: { some: { customerId } } }],
    },
    select: { id: true, email: true, locale: true, permissions: true },
  });
  return users.filter((u) => can(parsePermissions(u.permissions), "onboarding"));
}

type StaffActor = { id: string; ip?: string };
type Review = {
  kind: "approved" | "changesRequested";
  customerId: string;
  name: string;
  nameZh: string;
  comment: string;
  recipients: { id: string; email: string; locale: string }[];
};

async function tell(review: Review) {
  const wanting = new Set(
    await recipientsWanting(
      db,
      review.recipients.map((r) => r.id),
      "onboarding",
      "email",
    ),
  );
  for (const r of review.recipients.filter((x) => wanting.has(x.id))) {
    const lng = r.locale === "zh" ? "zh" : "en";
    await sendMail({
      to: r.email,
      locale: lng,
      template: `onboarding:mail.${review.kind}`,
      params: { customer: customerName(review, lng), comment: review.comment },
      actionUrl: portalUrl(`/${lng}/setup/customers?c=${review.customerId}`),
    });
  }
}

/** Staff approve a submitted onboarding. Repeating it changes nothing. */
export async function approveOnboarding(actor: StaffActor, relationshipId: string): Promise<ActionResult<{ state: OnboardingState }>> {
  const result = await db.$transaction(async (tx) => {
    const rel = await relationshipWithCustomer(relationshipId, tx);
    if (!rel) return { res: fail("onboarding:errors.notFound") };
    if (rel.onboardingState === "APPROVED") return { res: ok({ state: "APPROVED" as OnboardingState }) };
    if (rel.onboardingState !== "SUBMITTED") return { res: fail("onboarding:review.notSubmitted") };
    const changed = await moveOnboarding(tx, rel.id, "SUBMITTED", "APPROVED", "");
    if (!changed) return { res: ok({ state: "APPROVED" as OnboardingState }) };
    await tx.onboardingSubmission.updateMany({ where: { relationshipId: rel.id, status: "SUBMITTED" }, data: { status: "APPROVED", comment: "" } });
    await audit(
      tx,
      { type: "STAFF", id: actor.id, ip: actor.ip },
      {
        action: "onboarding.approved",
        entityType: "CustomerRelationship",
        entityId: rel.id,
        before: { state: rel.onboardingState },
        after: { state: "APPROVED" },
      },
    );
    const recipients = await onboardingRecipients(tx, rel.supplierId, rel.customerId);
    await notify(
      tx,
      recipients.map((r) => r.id),
      "onboarding:events.approved",
      { customer: rel.customer.name, customerId: rel.customerId },
      `/setup/customers?c=${rel.customerId}`,
    );
    const review: Review = { kind: "approved", customerId: rel.customerId, name: rel.customer.name, nameZh: rel.customer.nameZh, comment: "", recipients };
    return { res: ok({ state: "APPROVED" as OnboardingState }), review };
  });
  if (result.review) await tell(result.review);
  return result.res;
}

/**
 * Staff send a submitted (or approved) onboarding back with a comment. The
 * named steps (all, when none are named) reopen for the supplier.
 */
export async function requestChanges(
  actor: StaffActor,
  relationshipId: string,
  comment: string,
  stepKeys?: string[],
): Promise<ActionResult<{ state: OnboardingState }>> {
  const text = comment.trim();
  if (!text) return { ok: false, fieldErrors: { comment: ["validation.required"] } };
  if (text.length > 2000) return { ok: false, fieldErrors: { comment: ["validation.tooLong"] } };
  const result = await db.$transaction(async (tx) => {
    const rel = await relationshipWithCustomer(relationshipId, tx);
    if (!rel) return { res: fail("onboarding:errors.notFound") };
    if (rel.onboardingState === "CHANGES_REQUESTED" && rel.onboardingNote === text) {
      return { res: ok({ state: "CHANGES_REQUESTED" as OnboardingState }) };
    }
    if (rel.onboardingState !== "SUBMITTED" && rel.onboardingState !== "APPROVED") return { res: fail("onboarding:review.notSubmitted") };
    const changed = await moveOnboarding(tx, rel.id, rel.onboardingState, "CHANGES_REQUESTED", text);
    if (!changed) return { res: ok({ state: "CHANGES_REQUESTED" as OnboardingState }) };
    await tx.onboardingSubmission.updateMany({
      where: { relationshipId: rel.id, ...(stepKeys?.length ? { stepKey: { in: stepKeys } } : {}) },
      data: { status: "CHANGES_REQUESTED", comment: text },
    });
    await audit(
      tx,
      { type: "STAFF", id: actor.id, ip: actor.ip },
      {
        action: "onboarding.changes_requested",
        entityType: "CustomerRelationship",
        entityId: rel.id,
        before: { state: rel.onboardingState },
        after: { state: "CHANGES_REQUESTED", comment: text, stepKeys: stepKeys ?? null },
      },
    );
    const recipients = await onboardingRecipients(tx, rel.supplierId, rel.customerId);
    await notify(
      tx,
      recipients.map((r) => r.id),
      "onboarding:events.changesRequested",
      { customer: rel.customer.name, customerId: rel.customerId },
      `/setup/customers/${rel.customerId}/onboarding`,
    );
    const review: Review = {
      kind: "changesRequested",
      customerId: rel.customerId,
      name: rel.customer.name,
      nameZh: rel.customer.nameZh,
      comment: text,
      recipients,
    };
    return { res: ok({ state: "CHANGES_REQUESTED" as OnboardingState }), review };
  });
  if (result.review) await tell(result.review);
  return result.res;
}

/** Submitted onboardings for the staff screen, the longest-waiting first. */
export function submittedOnboardings(take = 100) {
  return submittedRelationships(take);
}
