"use server";
import { respondSchema } from "@/features/connection-requests/schemas";
import { respondToRequest } from "@/features/connection-requests/service";
import { redirect } from "next/navigation";
import { fail } from "@/lib/action-result";
import { publicAction } from "@/server/action";

/** The customer contact's answer: no account, the single-use token is the authority. */
export const respondAction = publicAction(respondSchema, async (input, { ip, lng }) => {
  const res = await respondToRequest(input.token, input.decision, input.comment, ip);
  if (!res.ok) return fail(res.error === "tooMany" ? "requests:respond.tooMany" : "requests:respond.invalidBody");
  // The token is dead now: the page itself says thank you.
  redirect(`/${lng}/respond/${input.token}?answered=${input.decision}`);
});
