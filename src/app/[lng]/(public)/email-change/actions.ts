"use server";
import { redirect } from "next/navigation";
import { cancelEmailChange, confirmEmailChange } from "@/features/accounts/email-change";
import { emailChangeTokenSchema } from "@/features/accounts/schemas";
import { fail } from "@/lib/action-result";
import { publicAction } from "@/server/action";

/** The button on the page the link to the new address opens; on success, the result page (the link is spent). */
export const confirmEmailChangeAction = publicAction(emailChangeTokenSchema, async (input, { ip, lng }) => {
  const result = await confirmEmailChange(input.token, ip);
  if (!result.ok) return fail(result.error === "invalid" ? "settings:emailChange.invalidTitle" : `settings:emailChange.${result.error}`);
  redirect(`/${lng}/email-change/done/confirmed`);
});

/** "It wasn't me", from the notice sent to the old address. */
export const cancelEmailChangeAction = publicAction(emailChangeTokenSchema, async (input, { ip, lng }) => {
  const result = await cancelEmailChange(input.token, ip);
  if (!result.ok) return fail("settings:emailChange.invalidTitle");
  redirect(`/${lng}/email-change/done/cancelled`);
});
