"use server";
import { redirect } from "next/navigation";
import { confirmSignUpSchema, forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from "@/features/accounts/schemas";
import { requestPasswordReset, resetPassword } from "@/features/accounts/service";
import { confirmSignUp, joinFromSignUp, requestSignUp } from "@/features/accounts/sign-up";
import { fail, ok } from "@/lib/action-result";
import { publicAction } from "@/server/action";
import { continueWithSecondStep, nextAfterSignIn } from "@/server/second-step";
import { startSession, startSessionWithTicket } from "@/server/auth";

export const signInAction = publicAction(signInSchema, async (input, { lng }) => {
  const error = await startSession(input.email, input.password);
  if (typeof error === "object" && error) await continueWithSecondStep(error.secondStep, lng, nextAfterSignIn(input.next, lng));
  if (error) return fail(error as string);
  // Straight to the supplier's start page, which the response carries (the language root would answer with one more
  // redirect). Staff confirm a second step above; one who has not enrolled yet is sent on by the portal's layout.
  redirect(nextAfterSignIn(input.next, lng, `/${lng}/home`));
});

/** One answer for every sign-up: what to do next is in the email to that address. */
export const signUpAction = publicAction(signUpSchema, async (input, { ip }) => {
  await requestSignUp(input, ip);
  return ok(undefined, "accounts:signUp.sent");
});

/** From the emailed link: create the account (and sign in), or ask to join the company of the domain. */
export const confirmSignUpAction = publicAction(confirmSignUpSchema, async (input, { ip, lng }) => {
  if (input.choice === "join") {
    const joined = await joinFromSignUp(input.token, ip);
    if (!joined.ok) return fail(joined.error === "accountExists" ? "accounts:confirm.accountExists" : "accounts:confirm.invalid");
    return ok(undefined, "accounts:confirm.joinSent");
  }
  const created = await confirmSignUp(input.token, ip);
  if (!created.ok) return fail(created.error === "accountExists" ? "accounts:confirm.accountExists" : "accounts:confirm.invalid");
  // The account exists now; if signing in fails for any reason, the sign-in page is the way on.
  const signedIn = await startSessionWithTicket(created.ticket);
  redirect(signedIn ? `/${created.locale}/home` : `/${lng}/sign-in`);
});

export const forgotPasswordAction = publicAction(forgotPasswordSchema, async (input, { ip }) => {
  await requestPasswordReset(input.email, ip);
  return ok(undefined, "accounts:forgot.sent");
});

export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, { ip, lng }) => {
  const done = await resetPassword(input.token, input.password, ip);
  if (!done) return fail("accounts:reset.invalidTitle");
  redirect(`/${lng}/sign-in?reset=1`);
});
