"use server";
import { requestEmailChange } from "@/features/accounts/email-change";
import { changeEmailSchema } from "@/features/accounts/schemas";
import { fail, ok } from "@/lib/action-result";
import { userAction } from "@/server/action";

/** Starts a verified change of the sign-in email (nothing changes until the link sent to the new address is opened). */
export const changeEmailAction = userAction(changeEmailSchema, async (input, { user, ip }) => {
  const result = await requestEmailChange(user.id, { newEmail: input.newEmail, password: input.password }, ip);
  if (!result.ok) {
    if (result.error === "wrongPassword") return { ok: false, fieldErrors: { password: [`settings:emailChange.wrongPassword`] } };
    return fail(`settings:emailChange.${result.error}`);
  }
  return ok(undefined, "settings:emailChange.sent");
});
