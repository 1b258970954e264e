"use server";
import { respondSchema } from "@/features/connection-requests/schemas";
import { respondToRequest } from "@/features/connection-requests/service";
import { fail, ok } from "@/lib/action-result";
import { publicAction } from "@/server/action";

/** The customer contact's answer: no account, the single-use token is the authority. */
export const respondAction = publicAction(respondSchema, async (input, { ip }) => {
  const res = await respondToRequest(input.token, input.decision, input.comment, ip);
  if (!res.ok) return fail(res.error === "tooMany" ? "requests:respond.tooMany" : "requests:respond.invalidBody");
  return ok<{ decision: string }>({ decision: input.decision });
});
