"use server";
import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/action-result";
import { changeRoleSchema, createStaffSchema, staffIdSchema } from "@/features/staff-accounts/schemas";
import { changeStaffRole, createStaffAccount, deactivateStaff, reactivateStaff, type StaffResult } from "@/features/staff-accounts/service";
import { resetByEmailSchema } from "@/features/second-factor/schemas";
import { resetSecondFactorByEmail } from "@/features/second-factor/service";
import { staffAction } from "@/server/action";
import type { ActionResult } from "@/lib/action-result";

function answer(result: StaffResult, lng: string, message: string): ActionResult<{ userId: string }> {
  if (!result.ok) return fail(`staff:staff.errors.${result.error}`);
  revalidatePath(`/${lng}/admin/staff`);
  return ok({ userId: result.userId }, message);
}

export const createStaffAction = staffAction("ADMINISTRATOR", createStaffSchema, async (input, { user, ip, lng }) => {
  const result = await createStaffAccount(input, { type: "STAFF", id: user.id, ip });
  if (!result.ok && result.error === "emailTaken") return fail("staff:staff.errors.emailTaken", { email: ["staff:staff.errors.emailTaken"] });
  return answer(result, lng, input.setup === "link" ? "staff:staff.createdLink" : "staff:staff.createdPassword");
});

export const deactivateStaffAction = staffAction("ADMINISTRATOR", staffIdSchema, async ({ id }, { user, ip, lng }) =>
  answer(await deactivateStaff(id, { type: "STAFF", id: user.id, ip }), lng, "staff:staff.deactivated"),
);

export const reactivateStaffAction = staffAction("ADMINISTRATOR", staffIdSchema, async ({ id }, { user, ip, lng }) =>
  answer(await reactivateStaff(id, { type: "STAFF", id: user.id, ip }), lng, "staff:staff.reactivated"),
);

export const changeStaffRoleAction = staffAction("ADMINISTRATOR", changeRoleSchema, async ({ id, role }, { user, ip, lng }) =>
  answer(await changeStaffRole(id, role, { type: "STAFF", id: user.id, ip }), lng, "staff:staff.roleChanged"),
);

/** An administrator removes the second factors of a user who lost theirs (any user; audited, the user is emailed). */
export const resetSecondFactorAction = staffAction(
  "ADMINISTRATOR",
  resetByEmailSchema,
  async ({ email }, { user, ip }) => {
    if (!(await resetSecondFactorByEmail(email, user, ip))) return fail("mfa:errors.notFound");
    return ok(undefined, "mfa:reset.done");
  },
  { stepUp: true },
);
