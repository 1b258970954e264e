import type { RequirementStep } from "@/features/requirements/requirements";

/**
 * Where a supplier stands with one customer's onboarding, computed from the
 * customer's steps and the supplier's step submissions. Pure.
 */
export const onboardingStates = ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"] as const;
export type OnboardingState = (typeof onboardingStates)[number];

export const stepStatuses = ["DRAFT", "SUBMITTED", "APPROVED", "CHANGES_REQUESTED"] as const;
export type StepStatus = (typeof stepStatuses)[number];

export interface StepSubmissionLike {
  stepKey: string;
  status: string;
}

export const isStepDone = (status: string | undefined) => status === "SUBMITTED" || status === "APPROVED";

export function progress(steps: RequirementStep[], submissions: StepSubmissionLike[]): { done: number; total: number; percent: number } {
  const byKey = new Map(submissions.map((s) => [s.stepKey, s.status]));
  const done = steps.filter((s) => isStepDone(byKey.get(s.key))).length;
  const total = steps.length;
  return { done, total, percent: total === 0 ? 100 : Math.round((done / total) * 100) };
}

/** The first step that still needs work (or the first step). */
export function firstOpenStep(steps: RequirementStep[], submissions: StepSubmissionLike[], kind?: RequirementStep["kind"]): string | undefined {
  const byKey = new Map(submissions.map((s) => [s.stepKey, s.status]));
  const candidates = kind ? steps.filter((s) => s.kind === kind) : steps;
  return (candidates.find((s) => !isStepDone(byKey.get(s.key))) ?? candidates[0])?.key;
}

export interface Banners {
  /** "<Customer> needs additional information to do business with you" -> Start receiving payments */
  payment?: { stepKey: string };
  /** "You are a few steps away from doing business with <Customer>" -> Get started */
  steps?: { stepKey: string };
}

/**
 * The banners of the guide. Payment: a payment step is not submitted yet.
 * Steps: onboarding is not finished and something other than payment is still
 * open (or nothing was started). A submitted or approved onboarding shows none.
 */
export function banners(state: string, steps: RequirementStep[], submissions: StepSubmissionLike[]): Banners {
  if (steps.length === 0 || state === "SUBMITTED" || state === "APPROVED") return {};
  const byKey = new Map(submissions.map((s) => [s.stepKey, s.status]));
  const open = steps.filter((s) => !isStepDone(byKey.get(s.key)));
  if (open.length === 0) return {};
  const out: Banners = {};
  const payment = open.find((s) => s.kind === "payment");
  if (payment) out.payment = { stepKey: payment.key };
  const other = open.find((s) => s.kind !== "payment");
  if (other || state === "NOT_STARTED") out.steps = { stepKey: (other ?? open[0]).key };
  return out;
}

/** The relationship's state after a step changed. */
export function nextState(current: string, steps: RequirementStep[], submissions: StepSubmissionLike[]): OnboardingState {
  if (current === "APPROVED") return "APPROVED";
  const { done, total } = progress(steps, submissions);
  if (total > 0 && done === total) return "SUBMITTED";
  if (current === "CHANGES_REQUESTED") return "CHANGES_REQUESTED";
  return submissions.length > 0 ? "IN_PROGRESS" : "NOT_STARTED";
}
