"use server";
import { redirect } from "next/navigation";
import { acceptColleagueInvitation } from "@/features/supplier-users/colleague-join";
import { colleagueJoinSchema } from "@/features/supplier-users/schemas";
import { fail } from "@/lib/action-result";
import { publicAction } from "@/server/action";
import { startSession } from "@/server/auth";

/** Registers an invited colleague from their link, signs them in and opens the portal. */
export const colleagueJoinAction = publicAction(colleagueJoinSchema, async (input, { ip }) => {
  const joined = await acceptColleagueInvitation(input.token, input, ip);
  if (!joined.ok) return fail(joined.error === "emailTaken" ? "users:register.emailTaken" : "users:register.invalidTitle");
  // The account exists; if the session could not start, sign-in will do.
  const failed = await startSession(joined.email, input.password);
  redirect(`/${input.locale}/${failed ? "sign-in" : "home"}`);
});
