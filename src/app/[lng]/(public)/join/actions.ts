"use server";
import { redirect } from "next/navigation";
import { joinSchema } from "@/features/supplier-users/schemas";
import { acceptInvitation } from "@/features/supplier-users/service";
import { fail } from "@/lib/action-result";
import { publicAction } from "@/server/action";
import { startSession } from "@/server/auth";

/** Registers an invited colleague from their link, signs them in and opens the portal. */
export const joinAction = publicAction(joinSchema, async (input, { ip }) => {
  const joined = await acceptInvitation(input.token, input, ip);
  if (!joined.ok) return fail(joined.error === "emailTaken" ? "users:register.emailTaken" : "users:register.invalidTitle");
  // The account exists; if the session could not start, sign-in will do.
  const failed = await startSession(joined.email, input.password);
  redirect(`/${input.locale}/${failed ? "sign-in" : "home"}`);
});
