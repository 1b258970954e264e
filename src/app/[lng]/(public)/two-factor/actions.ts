"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addPasskey, authenticationOptions, registrationOptions } from "@/features/second-factor/passkeys";
import {
  addPasskeySchema,
  companyPolicySchema,
  confirmTotpSchema,
  emptySchema,
  passkeyIdSchema,
  passkeyOptionsSchema,
  passkeySignInOptionsSchema,
  passkeySignInSchema,
  resetFactorSchema,
  stepUpSchema,
  verifySignInSchema,
} from "@/features/second-factor/schemas";
import {
  confirmTotpEnrolment,
  disableTotp,
  pendingSignIn,
  regenerateRecoveryCodes,
  removePasskey,
  resetSecondFactor,
  securityMail,
  setCompanyRequirement,
  startTotpEnrolment,
  stepUp,
} from "@/features/second-factor/service";
import { fail, ok } from "@/lib/action-result";
import { publicAction, supplierAction, userAction } from "@/server/action";
import { startSessionWithSecondFactor } from "@/server/auth";
import { hitLimit } from "@/server/rate-limit";
import { dropSecondStep, nextAfterSignIn, secondStepTicket } from "@/server/second-step";

const refresh = (lng: string) => revalidatePath(`/${lng}/two-factor`);

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------ sign-in (public)

const signInError = (error: string) =>
  error === "too_many"
    ? "accounts:signIn.tooMany"
    : error === "expired"
      ? "mfa:verify.expired"
      : error === "invalid"
        ? "mfa:verify.invalid"
        : "errors.unexpected";

/** The second step of a password sign-in: a code or a passkey, with the ticket from the password step's cookie. */
export const verifySignInAction = publicAction(verifySignInSchema, async (input, { lng }) => {
  const ticket = await secondStepTicket();
  if (!ticket) return fail("mfa:verify.expired");
  const result = await startSessionWithSecondFactor({ ticket, code: input.passkey ? undefined : input.code, passkey: input.passkey });
  if (!result.ok) {
    if (result.error === "expired") await dropSecondStep();
    return fail(signInError(result.error));
  }
  await dropSecondStep();
  redirect(nextAfterSignIn(input.next, lng));
});

/** Passwordless sign-in with a passkey that verified its user. */
export const passkeySignInAction = publicAction(passkeySignInSchema, async (input, { lng }) => {
  const result = await startSessionWithSecondFactor({ passkey: input.passkey });
  if (!result.ok) return fail(result.error === "too_many" ? "accounts:signIn.tooMany" : "mfa:passkeys.signInFailed");
  redirect(nextAfterSignIn(input.next, lng));
});

/** WebAuthn options for signing in: anybody's passkey (passwordless) or the pending sign-in's user's (second step). Counted per address like sign-ins. */
export const passkeySignInOptionsAction = publicAction(passkeySignInOptionsSchema, async (input, { ip }) => {
  if (!(await hitLimit("signInIp", ip)).allowed) return fail("accounts:signIn.tooMany");
  if (input.purpose === "signIn") return ok(await authenticationOptions(null));
  const pending = await pendingSignIn((await secondStepTicket()) ?? "");
  if (!pending) return fail("mfa:verify.expired");
  return ok(await authenticationOptions(pending.user.id));
});

// ------------------------------------------------------------------ the signed-in user's own factors

/** WebAuthn options for the signed-in user: adding a passkey, or a step-up check with one. */
export const passkeyOptionsAction = userAction(passkeyOptionsSchema, async (input, { user }) => {
  if (input.purpose === "register") return ok<unknown>(await registrationOptions(user));
  return ok<unknown>(await authenticationOptions(user.id));
});

export const startTotpAction = userAction(emptySchema, async (_input, { user, ip, lng }) => {
  await startTotpEnrolment(user, ip);
  refresh(lng);
  return ok(undefined);
});

export const confirmTotpAction = userAction(confirmTotpSchema, async (input, { user, ip }) => {
  const result = await confirmTotpEnrolment(user, input.code, ip);
  if (!result.ok) return fail(result.error === "expired" ? "mfa:totp.expired" : "mfa:totp.wrongCode");
  // No page refresh here: it would replace the form that shows the recovery codes (once) before they are read.
  return ok({ codes: result.recoveryCodes });
});

export const addPasskeyAction = userAction(addPasskeySchema, async (input, { user, ip, lng }) => {
  const response = parseJson(input.passkey);
  if (!response || !(await addPasskey(user, input.name, response as never, ip))) return fail("mfa:passkeys.addFailed");
  await securityMail(user, "passkeyAdded");
  refresh(lng);
  return ok(undefined, "mfa:passkeys.added");
});

// Turning a factor off is a step-up change.
export const disableTotpAction = userAction(
  emptySchema,
  async (_input, { user, ip, lng }) => {
    if (!(await disableTotp(user, ip))) return fail("mfa:errors.notFound");
    refresh(lng);
    return ok(undefined, "mfa:totp.disabled");
  },
  { stepUp: true },
);

export const removePasskeyAction = userAction(
  passkeyIdSchema,
  async (input, { user, ip, lng }) => {
    if (!(await removePasskey(user, input.passkeyId, ip))) return fail("mfa:errors.notFound");
    refresh(lng);
    return ok(undefined, "mfa:passkeys.removed");
  },
  { stepUp: true },
);

export const regenerateCodesAction = userAction(
  emptySchema,
  async (_input, { user, ip }) => {
    const codes = await regenerateRecoveryCodes(user, ip);
    return codes ? ok({ codes }) : fail("mfa:errors.noFactor");
  },
  { stepUp: true },
);

/** The step-up check: the password or a second factor; then back to the page the change was made on. */
export const stepUpAction = userAction(stepUpSchema, async (input, { user, ip, lng }) => {
  const proof = input.passkey ? { passkey: parseJson(input.passkey) as never } : input.code ? { code: input.code } : { password: input.password ?? "" };
  const result = await stepUp(user, user.sessionId, proof, ip);
  if (!result.ok) return fail(result.error === "too_many" ? "accounts:signIn.tooMany" : "mfa:stepUp.invalid");
  redirect(nextAfterSignIn(input.next, lng));
});

// ------------------------------------------------------------------ company admins

/** A company admin requires (or stops requiring) a second factor of every user of the company. */
export const companyPolicyAction = supplierAction(
  "admin",
  companyPolicySchema,
  async (input, { user, supplierId, ip, lng }) => {
    await setCompanyRequirement(supplierId, input.required === "on", user, ip);
    refresh(lng);
    return ok(undefined, input.required === "on" ? "mfa:policy.turnedOn" : "mfa:policy.turnedOff");
  },
  { stepUp: true },
);

/** A company admin removes the second factors of a colleague who lost theirs (audited, the colleague is emailed). */
export const resetColleagueFactorAction = supplierAction(
  "admin",
  resetFactorSchema,
  async (input, { user, supplierId, ip, lng }) => {
    if (!(await resetSecondFactor(input.userId, supplierId, user, ip))) return fail("mfa:errors.notFound");
    refresh(lng);
    return ok(undefined, "mfa:reset.done");
  },
  { stepUp: true },
);
