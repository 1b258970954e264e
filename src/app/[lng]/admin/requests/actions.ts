"use server";
import { revalidatePath } from "next/cache";
import { bulkDecideSchema, decideSchema, resetAttemptsSchema } from "@/features/connection-requests/queue/schemas";
import { bulkDecide, decideOne, resetAttempts } from "@/features/connection-requests/queue/service";
import { fail, ok } from "@/lib/action-result";
import { staffAction } from "@/server/action";

// Support staff and administrators work the connection-request queue.

export const decideRequestAction = staffAction("SUPPORT", decideSchema, async (input, { user, ip, lng }) => {
  const result = await decideOne(input, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:queue.errors.${result.error}`);
  revalidatePath(`/${lng}/admin/requests`, "layout");
  return ok({ decision: input.decision }, `staff:queue.decided.${input.decision}`);
});

export const bulkDecideAction = staffAction("SUPPORT", bulkDecideSchema, async (input, { user, ip, lng }) => {
  const counts = await bulkDecide(input, { type: "STAFF", id: user.id, ip });
  revalidatePath(`/${lng}/admin/requests`, "layout");
  return ok(counts, "staff:queue.bulkDone");
});

export const resetAttemptsAction = staffAction("SUPPORT", resetAttemptsSchema, async ({ supplierId }, { user, ip, lng }) => {
  const allowance = await resetAttempts(supplierId, { type: "STAFF", id: user.id, ip });
  if (!allowance) return fail("staff:queue.errors.notFound");
  revalidatePath(`/${lng}/admin/requests`, "layout");
  return ok({ used: allowance.used, limit: allowance.limit }, "staff:queue.attemptsReset");
});
