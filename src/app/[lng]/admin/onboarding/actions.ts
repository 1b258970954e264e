"use server";
import { revalidatePath } from "next/cache";
import { approveOnboarding, requestChanges } from "@/features/onboarding/review";
import { approveSchema, sendBackSchema } from "@/features/onboarding/schemas";
import { ok } from "@/lib/action-result";
import { staffAction } from "@/server/action";

// Support staff and administrators review submitted onboarding.

export const approveOnboardingAction = staffAction("SUPPORT", approveSchema, async ({ id }, { user, ip, lng }) => {
  const result = await approveOnboarding({ id: user.id, ip }, id);
  if (!result.ok) return result;
  revalidatePath(`/${lng}/admin/onboarding`, "layout");
  return ok(result.data, "staff:onboarding.approved");
});

export const sendBackOnboardingAction = staffAction("SUPPORT", sendBackSchema, async (input, { user, ip, lng }) => {
  const result = await requestChanges({ id: user.id, ip }, input.id, input.comment, input["steps[]"]);
  if (!result.ok) return result;
  revalidatePath(`/${lng}/admin/onboarding`, "layout");
  return ok(result.data, "staff:onboarding.sentBack");
});
