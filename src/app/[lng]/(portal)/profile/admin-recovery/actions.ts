"use server";
import { requestAdminRights } from "@/features/supplier-users/admin-recovery";
import { adminRightsRequestSchema } from "@/features/supplier-users/schemas";
import { fail, ok } from "@/lib/action-result";
import { userAction } from "@/server/action";

/** A user of a company without an active admin asks support for admin rights. */
export const requestAdminRightsAction = userAction(adminRightsRequestSchema, async (input, { user, ip }) => {
  const result = await requestAdminRights(user.id, input.reason, ip);
  if (!result.ok) return fail("settings:recovery.notEligible");
  return ok(undefined, "settings:recovery.sent");
});
