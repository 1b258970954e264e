import { relationshipScope, type ScopedUser } from "@/server/access";
import { checkUpload, documentsByIds, isUpload, storeDocument, type CheckedUpload } from "@/features/profile/documents";
import { customersWithAnswers, relationshipWithSubmissions, setOnboardingState } from "@/features/relationships/service";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { can, type Permission } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { inputName, parseAnswers, validateStep, type Answers } from "@/features/requirements/fields";
import { usableDocumentId } from "./documents";
import { isStepDone, nextState, progress, type OnboardingState } from "./progress";
import { parseRequirements } from "@/features/requirements/requirements";

/**
 * Customer onboarding ("Finish Setup"), the supplier's side: the page's view
 * of one customer's steps, and saving a step as a draft or submitting it.
 * Copying answers from another customer is in ./copy.ts, the staff review in
 * ./review.ts. Every read and write is limited to the caller's company and to
 * the customers the caller may see (relationshipScope).
 */
export type OnboardingUser = ScopedUser & { permissions: Permission[] };

/** States in which the supplier can no longer change answers. */
export const LOCKED: OnboardingState[] = ["SUBMITTED", "APPROVED"];
const PLACEHOLDER_DOC = "pendingupload";

export interface StepAnswers {
  status: string;
  data: Answers;
  comment: string;
  submittedAt: Date | null;
  updatedAt: Date;
}

export interface Caller {
  user: OnboardingUser;
  ip?: string;
}

/** The caller's relationship with one customer, with the customer and every step submission. */
export function callerRelationship(client: Tx, user: ScopedUser, customerId: string) {
  return relationshipWithSubmissions({ ...relationshipScope(user), customerId }, client);
}

/** Everything the Finish Setup page shows, or null when the caller may not see this customer's onboarding. */
export async function loadOnboarding(user: ScopedUser, customerId: string) {
  const relationship = await callerRelationship(db, user, customerId);
  if (!relationship) return null;
  const steps = parseRequirements(relationship.customer.requirements);
  const answers: Record<string, StepAnswers> = {};
  for (const s of relationship.submissions) {
    answers[s.stepKey] = { status: s.status, data: parseAnswers(s.data), comment: s.comment, submittedAt: s.submittedAt, updatedAt: s.updatedAt };
  }
  const docIds = Object.values(answers)
    .flatMap((a) => steps.flatMap((st) => st.fields.filter((f) => f.type === "document").map((f) => a.data[f.key])))
    .filter((v): v is string => typeof v === "string");
  const documents = await documentsByIds(user.supplierId, docIds);
  const copySources = await customersWithAnswers({ ...relationshipScope(user), customerId: { not: customerId } });
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
    copySources,
  };
}

export type OnboardingView = NonNullable<Awaited<ReturnType<typeof loadOnboarding>>>;

/** The first step not yet submitted, or null when every step is in. */
function openStep(steps: { key: string }[], submissions: { stepKey: string; status: string }[]): string | null {
  const done = new Set(submissions.filter((s) => isStepDone(s.status)).map((s) => s.stepKey));
  return steps.find((s) => !done.has(s.key))?.key ?? null;
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
  const rel = await callerRelationship(db, user, input.customerId);
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
      const usable = await usableDocumentId(user, current, { id: rel.id });
      if (usable) values[name] = usable;
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
      const current = await callerRelationship(tx, user, input.customerId);
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
        await setOnboardingState(tx, current.id, state);
      }
      await audit(
        tx,
        { type: "USER", id: user.id, ip },
        {
          action: status === "SUBMITTED" ? "onboarding.step_submitted" : "onboarding.draft_saved",
          entityType: "CustomerRelationship",
          entityId: current.id,
          before: { state: current.onboardingState, stepStatus: existing?.status ?? null },
          after: { state, stepKey: step.key, stepStatus: status },
        },
      );
      if (state === "SUBMITTED" && current.onboardingState !== "SUBMITTED") {
        await audit(
          tx,
          { type: "USER", id: user.id, ip },
          {
            action: "onboarding.submitted",
            entityType: "CustomerRelationship",
            entityId: current.id,
            before: { state: current.onboardingState },
            after: { state },
          },
        );
      }
      return ok({ state, stepStatus: status, next: openStep(steps, after) });
    });
  } catch (error) {
    await Promise.all(discards.map((d) => d()));
    throw error;
  }
}
