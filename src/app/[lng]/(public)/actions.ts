"use server";
import { redirect } from "next/navigation";
import { forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from "@/features/accounts/schemas";
import { companyForDomain, createSupplierAccount, requestPasswordReset, resetPassword } from "@/features/accounts/service";
import { fail, ok } from "@/lib/action-result";
import { publicAction } from "@/server/action";
import { startSession } from "@/server/auth";

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | undefined, lng: string): string {
  return next && /^\/(en|zh)\/[^/]/.test(next) && !next.startsWith("//") ? next : `/${lng}`;
}


export const signInAction = publicAction(signInSchema, async (input, { lng }) => {
  const error = await startSession(input.email, input.password);
  if (error) return fail(error);
  redirect(safeNext(input.next, lng));
});

export const signUpAction = publicAction(signUpSchema, async (input, { ip }) => {
  // Duplicate companies are a top complaint: warn before creating a second one.
  const existing = input.separateCompany ? null : await companyForDomain(input.email);
  if (existing) {
    return { ok: false, formError: "accounts:signUp.domainTaken", formParams: { company: existing.name } };
  }
  const created = await createSupplierAccount(input, { ip });
  if (!created.ok) return { ok: false, fieldErrors: { email: ["accounts:signUp.emailTaken"] } };
  await startSession(input.email, input.password);
  redirect(`/${input.locale}/home`);
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
