"use server";
import { redirect } from "next/navigation";
import { acceptAfterSignIn, acceptInvitation, registerFromInvitation, type AcceptResult } from "@/features/customer-invitations/accept";
import { forwardInvitation, requestToJoin } from "@/features/customer-invitations/forward";
import { invitedEmail } from "@/features/customer-invitations/landing";
import { acceptSchema, forwardSchema, joinRequestSchema, registerSchema, signInAcceptSchema } from "@/features/customer-invitations/schemas";
import { fail, ok } from "@/lib/action-result";
import { isLng } from "@/lib/i18n/config";
import { continueWithSecondStep } from "@/server/second-step";
import { publicAction, userAction } from "@/server/action";
import { signOut, startSession } from "@/server/auth";
import { isTokenShaped } from "@/server/tokens";

// Thin actions for the invitation link. A link that died meanwhile sends the
// visitor back to the landing page, which explains what happened.

const landing = (lng: string, token: string) => `/${lng}/invite/${isTokenShaped(token) ? token : "invalid"}`;

function afterAccept(result: AcceptResult, lng: string, token: string) {
  if (result.ok) redirect(`/${lng}/invite/${token}/done`);
  if (result.error === "wrongUser") return fail("invitations:errors.wrongUser");
  redirect(landing(lng, token));
}

export const registerAction = publicAction(registerSchema, async (input, { ip }) => {
  const result = await registerFromInvitation(input, ip);
  if (!result.ok) {
    // An account exists meanwhile (the page then offers sign-in) or the link died.
    redirect(landing(input.locale, input.token));
  }
  await startSession(result.email!, input.password);
  redirect(`/${input.locale}/invite/${input.token}/done`);
});

export const signInAcceptAction = publicAction(signInAcceptSchema, async (input, { ip, lng }) => {
  const email = await invitedEmail(input.token);
  if (!email) redirect(landing(lng, input.token));
  const error = await startSession(email, input.password);
  // With a second factor the sign-in goes on at the code page, which comes back here (signed in, the page offers "accept").
  if (typeof error === "object" && error) await continueWithSecondStep(error.secondStep, lng, landing(lng, input.token));
  if (error) return fail(error as string);
  return afterAccept(await acceptAfterSignIn(input.token, email, ip), lng, input.token);
});

export const acceptAction = userAction(acceptSchema, async (input, { ip, lng, user }) => {
  return afterAccept(await acceptInvitation(input.token, user.id, ip), lng, input.token);
});

export const joinRequestAction = publicAction(joinRequestSchema, async (input, { ip, lng }) => {
  const result = await requestToJoin(input, ip);
  if (result.ok) return ok({ company: result.company });
  if (result.error === "noCompany" || result.error === "accountExists") return fail(`invitations:errors.${result.error}`);
  redirect(landing(lng, input.token));
});

export const forwardAction = publicAction(forwardSchema, async (input, { ip, lng }) => {
  const result = await forwardInvitation(input, ip);
  // The confirmation is a page of its own: the link is dead now, and re-rendering the form's page
  // (a submit before hydration does) would show the dead-link page instead.
  if (result.ok) redirect(`/${lng}/invite/${input.token}/forward?sent=1`);
  if ("field" in result) return { ok: false, fieldErrors: { email: [`invitations:errors.${result.error}`] }, values: { email: input.email } };
  redirect(landing(lng, input.token));
});

/** Signed in as somebody else: sign out and come back to the same invitation. */
export async function switchAccountAction(form: FormData): Promise<void> {
  const lng = form.get("lng");
  const token = String(form.get("token") ?? "");
  await signOut({ redirectTo: landing(isLng(lng) ? lng : "en", token) });
}
