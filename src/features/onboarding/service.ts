import { relationshipScope, type ScopedUser } from "@/server/access";
import { customerName } from "@/lib/customer-name";
import { notify } from "@/features/notifications/service";
import { checkUpload, isUpload, storeDocument, type CheckedUpload } from "@/features/profile/documents";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { can, parsePermissions, type Permission } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { inputName, parseAnswers, validateStep, type Answers } from "@/features/requirements/fields";
import { isStepDone, nextState, progress, type OnboardingState } from "./progress";
import { parseRequirements } from "@/features/requirements/requirements";

/**
 * Customer onboarding ("Finish Setup"): the supplier answers each step of a
 * customer's requirements, saves drafts, submits steps; staff approve the
 * whole onboarding or ask for changes. Every read and write is limited to the
 * caller's company and to the customers the caller may see (customerScope).
 */
export type OnboardingUser = ScopedUser & { permissions: Permission[] };

const LOCKED: OnboardingState[] = ["SUBMITTED", "APPROVED"];
const PLACEHOLDER_DOC = "pendingupload";

export interface StepAnswers {
  status: string;
  data: Answers;
  comment: string;
  submittedAt: Date | null;
  updatedAt: Date;
}


/** Everything the Finish Setup page shows, or null when the caller may not see this customer's onboarding. */
export async function loadOnboarding(user: ScopedUser, customerId: string) {
  const relationship = await db.customerRelationship.findFirst({
    where: { ...relationshipScope(user), customerId },
    include: { customer: true, submissions: true },
  });
  if (!relationship) return null;
  const steps = parseRequirements(relationship.customer.requirements);
  const answers: Record<string, StepAnswers> = {};
  for (const s of relationship.submissions) {
    answers[s.stepKey] = { status: s.status, data: parseAnswers(s.data), comment: s.comment, submittedAt: s.submittedAt, updatedAt: s.updatedAt };
  }
  const docIds = Object.values(answers).flatMap((a) =>
    steps.flatMap((st) => st.fields.filter((f) => f.type === "document").map((f) => a.data[f.key])),
  ).filter((v): v is string => typeof v === "string");
  const documents = docIds.length
    ? await db.supplierDocument.findMany({ where: { id: { in: docIds }, supplierId: user.supplierId }, select: { id: true, filename: true, size: true } })
    : [];
  const others = await db.customerRelationship.findMany({
    where: { ...relationshipScope(user), customerId: { not: customerId }, submissions: { some: {} } },
    include: { customer: { select: { id: true, name: true, nameZh: true } } },
  });
  return {
    relationship: {
      id: relationship.id,
      state: relationship.onboardingState as OnboardingState,
      note: relationship.onboardingNote,
      locked: LOCKED.includes(relationship.onboardingState as OnboardingState),
    },
    customer: { id: relationship.customer.id, name: relationship.customer.name, nameZh: relationship.customer.nameZh },
    steps,
    answers,
    documents,
    progress: progress(steps, relationship.submissions),
    copySources: others.map((o) => o.customer),
  };
}

export type OnboardingView = NonNullable<Awaited<ReturnType<typeof loadOnboarding>>>;

/** The first step not yet submitted, or null when every step is in. */
function openStep(steps: { key: string }[], submissions: { stepKey: string; status: string }[]): string | null {
  const done = new Set(submissions.filter((s) => isStepDone(s.status)).map((s) => s.stepKey));
  return steps.find((s) => !done.has(s.key))?.key ?? null;
}

interface Caller {
  user: OnboardingUser;
  ip?: string;
}

async function findRelationship(tx: Tx, user: ScopedUser, customerId: string) {
  return tx.customerRelationship.findFirst({
    where: { ...relationshipScope(user), customerId },
    include: { customer: true, submissions: true },
  });
}

/**
 * Saves one step as a draft or submits it. Bad values answer field errors
 * keyed by input name and write nothing (an uploaded file included).
 */
export async function saveStep(
  { user, ip }: Caller,
  input: { customerId: string; stepKey: string; intent: "draft" | "submit" },
  raw: Record<string, unknown>,
): Promise<ActionResult<{ state: OnboardingState; stepStatus: string; next: string | null }>> {
  if (!can(user.permissions, "onboarding")) return fail("errors.notAllowed");
  const rel = await findRelationship(db, user, input.customerId);
  if (!rel) return fail("onboarding:errors.notFound");
  const steps = parseRequirements(rel.customer.requirements);
  const step = steps.find((s) => s.key === input.stepKey);
  if (!step) return fail("onboarding:errors.notFound");
  if (LOCKED.includes(rel.onboardingState as OnboardingState)) return fail("onboarding:errors.locked");

  // Documents: a new file, or the one already attached (which must be the company's).
  const values: Record<string, unknown> = { ...raw };
  const uploads = new Map<string, CheckedUpload>();
  const fileErrors: Record<string, string[]> = {};
  for (const field of step.fields.filter((f) => f.type === "document")) {
    const name = inputName(field.key);
    const file = raw[name];
    const current = typeof raw[`${name}__current`] === "string" ? (raw[`${name}__current`] as string) : "";
    values[name] = "";
    if (isUpload(file)) {
      const checked = await checkUpload(file);
      if (!checked.ok) fileErrors[name] = [checked.error];
      else {
        uploads.set(field.key, checked.file);
        values[name] = PLACEHOLDER_DOC;
      }
    } else if (current) {
      // The company's document, and one the caller may read: any, with the profile permission; else one already attached here.
      const owned = await db.supplierDocument.findFirst({ where: { id: current, supplierId: user.supplierId }, select: { id: true } });
      const readable = can(user.permissions, "profile") || rel.submissions.some((s) => s.data.includes(JSON.stringify(current)));
      if (owned && readable) values[name] = owned.id;
      else fileErrors[name] = ["validation.invalid"];
    }
  }
  const checked = validateStep(step, values, input.intent);
  if (!checked.ok || Object.keys(fileErrors).length) {
    return { ok: false, fieldErrors: { ...(checked.ok ? {} : checked.errors), ...fileErrors } };
  }
  const answers = checked.answers;

  const discards: (() => Promise<void>)[] = [];
  try {
    return await db.$transaction(async (tx) => {
      const current = await findRelationship(tx, user, input.customerId);
      if (!current) return fail("onboarding:errors.notFound");
      if (LOCKED.includes(current.onboardingState as OnboardingState)) return fail("onboarding:errors.locked");
      const existing = current.submissions.find((s) => s.stepKey === step.key);
      const status = input.intent === "submit" ? "SUBMITTED" : "DRAFT";
      if (uploads.size === 0 && existing && existing.status === status && existing.data === JSON.stringify(answers)) {
        // A repeated click: nothing changes.
        return ok({ state: current.onboardingState as OnboardingState, stepStatus: status, next: openStep(steps, current.submissions) });
      }
      for (const [key, file] of uploads) {
        const { doc, discard } = await storeDocument(tx, user.supplierId, file);
        discards.push(discard);
        answers[key] = doc.id;
      }
      const data = JSON.stringify(answers);
      const submittedAt = status === "SUBMITTED" ? new Date() : null;
      await tx.onboardingSubmission.upsert({
        where: { relationshipId_stepKey: { relationshipId: current.id, stepKey: step.key } },
        create: { relationshipId: current.id, stepKey: step.key, data, status, submittedAt },
        update: { data, status, submittedAt },
      });
      const after = [...current.submissions.filter((s) => s.stepKey !== step.key), { stepKey: step.key, status }];
      const state = nextState(current.onboardingState, steps, after);
      if (state !== current.onboardingState) {
        await tx.customerRelationship.update({ where: { id: current.id }, data: { onboardingState: state } });
      }
      await audit(tx, { type: "USER", id: user.id, ip }, {
        action: status === "SUBMITTED" ? "onboarding.step_submitted" : "onboarding.draft_saved",
        entityType: "CustomerRelationship",
        entityId: current.id,
        before: { state: current.onboardingState, stepStatus: existing?.status ?? null },
        after: { state, stepKey: step.key, stepStatus: status },
      });
      if (state === "SUBMITTED" && current.onboardingState !== "SUBMITTED") {
        await audit(tx, { type: "USER", id: user.id, ip }, {
          action: "onboarding.submitted",
          entityType: "CustomerRelationship",
          entityId: current.id,
          before: { state: current.onboardingState },
          after: { state },
        });
      }
      return ok({ state, stepStatus: status, next: openStep(steps, after) });
    });
  } catch (error) {
    await Promise.all(discards.map((d) => d()));
    throw error;
  }
}

/**
 * Copies answers given to another customer into a step (as a draft): every
 * field with the same key and type that has an answer there.
 */
export async function copyAnswers(
  { user, ip }: Caller,
  input: { customerId: string; stepKey: string; fromCustomerId: string },
): Promise<ActionResult<{ copied: number }>> {
  if (!can(user.permissions, "onboarding")) return fail("errors.notAllowed");
  if (input.fromCustomerId === input.customerId) return fail("onboarding:copy.nothing");
  return db.$transaction(async (tx) => {
    const target = await findRelationship(tx, user, input.customerId);
    const source = await findRelationship(tx, user, input.fromCustomerId);
    if (!target || !source) return fail("onboarding:errors.notFound");
    if (LOCKED.includes(target.onboardingState as OnboardingState)) return fail("onboarding:errors.locked");
    const steps = parseRequirements(target.customer.requirements);
    const step = steps.find((s) => s.key === input.stepKey);
    if (!step) return fail("onboarding:errors.notFound");

    const sourceSteps = parseRequirements(source.customer.requirements);
    const given = new Map<string, { type: string; value: Answers[string] }>();
    for (const sub of source.submissions) {
      const data = parseAnswers(sub.data);
      const sourceStep = sourceSteps.find((s) => s.key === sub.stepKey);
      for (const f of sourceStep?.fields ?? []) {
        if (data[f.key] !== undefined && data[f.key] !== "") given.set(f.key, { type: f.type, value: data[f.key] });
      }
    }
    const existing = target.submissions.find((s) => s.stepKey === step.key);
    const answers = existing ? parseAnswers(existing.data) : {};
    let copied = 0;
    for (const f of step.fields) {
      const g = given.get(f.key);
      if (!g || g.type !== f.type) continue;
      if (f.type === "select" && !f.options?.some((o) => o.value === g.value)) continue;
      answers[f.key] = g.value;
      copied++;
    }
    if (copied === 0) return fail("onboarding:copy.nothing");
    await tx.onboardingSubmission.upsert({
      where: { relationshipId_stepKey: { relationshipId: target.id, stepKey: step.key } },
      create: { relationshipId: target.id, stepKey: step.key, data: JSON.stringify(answers), status: "DRAFT" },
      update: { data: JSON.stringify(answers), status: "DRAFT", submittedAt: null },
    });
    const after = [...target.submissions.filter((s) => s.stepKey !== step.key), { stepKey: step.key, status: "DRAFT" }];
    const state = nextState(target.onboardingState, steps, after);
    if (state !== target.onboardingState) {
      await tx.customerRelationship.update({ where: { id: target.id }, data: { onboardingState: state } });
    }
    await audit(tx, { type: "USER", id: user.id, ip }, {
      action: "onboarding.answers_copied",
      entityType: "CustomerRelationship",
      entityId: target.id,
      before: { state: target.onboardingState, stepStatus: existing?.status ?? null },
      after: { state, stepKey: step.key, fromCustomerId: source.customerId, copied },
    });
    return ok({ copied });
  });
}

// ------------------------------------------------------------ staff review

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
type Review = { kind: "approved" | "changesRequested"; customerId: string; name: string; nameZh: string; comment: string; recipients: { id: string; email: string; locale: string }[] };

async function tell(review: Review) {
  for (const r of review.recipients) {
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
    const rel = await tx.customerRelationship.findUnique({ where: { id: relationshipId }, include: { customer: true } });
    if (!rel) return { res: fail("onboarding:errors.notFound") };
    if (rel.onboardingState === "APPROVED") return { res: ok({ state: "APPROVED" as OnboardingState }) };
    if (rel.onboardingState !== "SUBMITTED") return { res: fail("onboarding:review.notSubmitted") };
    const changed = await tx.customerRelationship.updateMany({
      where: { id: rel.id, onboardingState: "SUBMITTED" },
      data: { onboardingState: "APPROVED", onboardingNote: "" },
    });
    if (changed.count === 0) return { res: ok({ state: "APPROVED" as OnboardingState }) };
    await tx.onboardingSubmission.updateMany({ where: { relationshipId: rel.id, status: "SUBMITTED" }, data: { status: "APPROVED", comment: "" } });
    await audit(tx, { type: "STAFF", id: actor.id, ip: actor.ip }, {
      action: "onboarding.approved",
      entityType: "CustomerRelationship",
      entityId: rel.id,
      before: { state: rel.onboardingState },
      after: { state: "APPROVED" },
    });
    const recipients = await onboardingRecipients(tx, rel.supplierId, rel.customerId);
    await notify(tx, recipients.map((r) => r.id), "onboarding:events.approved", { customer: rel.customer.name }, `/setup/customers?c=${rel.customerId}`);
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
    const rel = await tx.customerRelationship.findUnique({ where: { id: relationshipId }, include: { customer: true } });
    if (!rel) return { res: fail("onboarding:errors.notFound") };
    if (rel.onboardingState === "CHANGES_REQUESTED" && rel.onboardingNote === text) {
      return { res: ok({ state: "CHANGES_REQUESTED" as OnboardingState }) };
    }
    if (rel.onboardingState !== "SUBMITTED" && rel.onboardingState !== "APPROVED") return { res: fail("onboarding:review.notSubmitted") };
    const changed = await tx.customerRelationship.updateMany({
      where: { id: rel.id, onboardingState: rel.onboardingState },
      data: { onboardingState: "CHANGES_REQUESTED", onboardingNote: text },
    });
    if (changed.count === 0) return { res: ok({ state: "CHANGES_REQUESTED" as OnboardingState }) };
    await tx.onboardingSubmission.updateMany({
      where: { relationshipId: rel.id, ...(stepKeys?.length ? { stepKey: { in: stepKeys } } : {}) },
      data: { status: "CHANGES_REQUESTED", comment: text },
    });
    await audit(tx, { type: "STAFF", id: actor.id, ip: actor.ip }, {
      action: "onboarding.changes_requested",
      entityType: "CustomerRelationship",
      entityId: rel.id,
      before: { state: rel.onboardingState },
      after: { state: "CHANGES_REQUESTED", comment: text, stepKeys: stepKeys ?? null },
    });
    const recipients = await onboardingRecipients(tx, rel.supplierId, rel.customerId);
    await notify(tx, recipients.map((r) => r.id), "onboarding:events.changesRequested", { customer: rel.customer.name }, `/setup/customers/${rel.customerId}/onboarding`);
    const review: Review = { kind: "changesRequested", customerId: rel.customerId, name: rel.customer.name, nameZh: rel.customer.nameZh, comment: text, recipients };
    return { res: ok({ state: "CHANGES_REQUESTED" as OnboardingState }), review };
  });
  if (result.review) await tell(result.review);
  return result.res;
}

/** Submitted onboardings for the staff screen (another issue builds the page). */
export function submittedOnboardings(take = 100) {
  return db.customerRelationship.findMany({
    where: { onboardingState: "SUBMITTED" },
    include: { customer: { select: { id: true, name: true, nameZh: true } }, supplier: { select: { id: true, name: true } }, submissions: true },
    orderBy: { updatedAt: "asc" },
    take,
  });
}
