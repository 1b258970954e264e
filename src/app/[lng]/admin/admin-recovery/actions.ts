"use server";
import { revalidatePath } from "next/cache";
import { decideRecovery } from "@/features/supplier-users/admin-recovery";
import { decideAdminRightsSchema } from "@/features/supplier-users/schemas";
import { fail, ok } from "@/lib/action-result";
import { staffAction } from "@/server/action";

/** Support staff and administrators grant or refuse a request for company admin rights. */
export const decideAdminRightsAction = staffAction("SUPPORT", decideAdminRightsSchema, async (input, { user, ip, lng }) => {
  const result = await decideRecovery(input.id, input.decision, input.comment, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`settings:recoveryAdmin.${result.error}`);
  revalidatePath(`/${lng}/admin/admin-recovery`);
  return ok(undefined, input.decision === "GRANTED" ? "settings:recoveryAdmin.granted" : "settings:recoveryAdmin.refused");
});
