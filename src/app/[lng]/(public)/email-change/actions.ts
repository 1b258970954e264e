"use server";
import { cancelEmailChange, confirmEmailChange } from "@/features/accounts/email-change";
import { emailChangeTokenSchema } from "@/features/accounts/schemas";
import { fail, ok } from "@/lib/action-result";
import { publicAction } from "@/server/action";

/** The button on the page the link to the new address opens. */
export const confirmEmailChangeAction = publicAction(emailChangeTokenSchema, async (input, { ip }) => {
  const result = await confirmEmailChange(input.token, ip);
  if (!result.ok) return fail(result.error === "invalid" ? "settings:emailChange.invalidTitle" : `settings:emailChange.${result.error}`);
  return ok({ message: "emailChange.confirmed", email: result.email });
});

/** "It wasn't me", from the notice sent to the old address. */
export const cancelEmailChangeAction = publicAction(emailChangeTokenSchema, async (input, { ip }) => {
  const result = await cancelEmailChange(input.token, ip);
  if (!result.ok) return fail("settings:emailChange.invalidTitle");
  return ok({ message: "emailChange.cancelled" });
});
