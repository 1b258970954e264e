import { setOnboardingState } from "@/features/relationships/service";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { can } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import { parseAnswers, type Answers } from "@/features/requirements/fields";
import { parseRequirements } from "@/features/requirements/requirements";
import { callerRelationship, LOCKED, type Caller } from "./answers";
import { nextState, type OnboardingState } from "./progress";

/**
 * "Copy answers from another customer": answers the supplier already gave one
 * customer fill a step of another's onboarding as a draft.
 */
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
    const target = await callerRelationship(tx, user, input.customerId);
    const source = await callerRelationship(tx, user, input.fromCustomerId);
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
      await setOnboardingState(tx, target.id, state);
    }
    await audit(
      tx,
      { type: "USER", id: user.id, ip },
      {
        action: "onboarding.answers_copied",
        entityType: "CustomerRelationship",
        entityId: target.id,
        before: { state: target.onboardingState, stepStatus: existing?.status ?? null },
        after: { state, stepKey: step.key, fromCustomerId: source.customerId, copied },
      },
    );
    return ok({ copied });
  });
}
