import bcrypt from "bcryptjs";
import QRCode from "qrcode";
import { markSessionVerified } from "@/features/sessions/service";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { env } from "@/server/env";
import { portalUrl, sendMail } from "@/server/mail";
import { claimUserAttempt } from "@/server/sql/counters";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import { decryptSecret, encryptSecret } from "./crypto";
import { verifyPasskeyAssertion, type PasskeyAssertion } from "./passkeys";
import { hashRecoveryCode, isRecoveryShaped, isTotpShaped, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from "./totp";

/** A sensitive change asks again when the session's last check is older than this. */
export const STEP_UP_MAX_AGE_MS = 10 * 60 * 1000;
/** Time to enter the second factor after the password at sign-in. */
const PENDING_SIGN_IN_MS = 10 * 60 * 1000;
/** An unconfirmed authenticator-app enrolment is offered this long. */
const PENDING_ENROLMENT_MS = 30 * 60 * 1000;

type UserRef = { id: string; kind: string };
const actorOf = (user: UserRef, ip?: string): Actor => ({ type: user.kind === "STAFF" ? "STAFF" : "USER", id: user.id, ip });

/** A second-factor answer: a code (authenticator app or recovery code) or a passkey assertion. */
export type Proof = { code: string } | { passkey: PasskeyAssertion };
export type ProofError = "invalid" | "too_many";
type Factor = "totp" | "recovery" | "passkey";

// ------------------------------------------------------------------ what the user has

export interface SecondFactorStatus {
  enabled: boolean;
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
}

export async function secondFactorStatus(userId: string): Promise<SecondFactorStatus> {
  const [user, totp, left, passkeys] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { secondFactorSince: true } }),
    db.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
    db.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true, lastUsedAt: true } }),
  ]);
  return { enabled: Boolean(user.secondFactorSince), totp: Boolean(totp?.confirmedAt), recoveryCodesLeft: left, passkeys };
}

/** Whether a session may go on without enrolling: staff always need a factor, supplier users when their company asks. */
export function mustEnrol(user: { kind: string; secondFactorSince: Date | null; supplier?: { requireSecondFactor: boolean } | null }): boolean {
  return !user.secondFactorSince && (user.kind === "STAFF" || Boolean(user.supplier?.requireSecondFactor));
}

/** Whether the session's last check (sign-in or step-up) is recent enough for a sensitive change. */
export function isRecentlyVerified(verifiedAt: Date | null | undefined, now = Date.now()): boolean {
  return Boolean(verifiedAt) && now - verifiedAt!.getTime() <= STEP_UP_MAX_AGE_MS;
}

// ------------------------------------------------------------------ authenticator app enrolment

/** Starts (or restarts) an authenticator-app enrolment; a confirmed app keeps working until the new one is confirmed. */
export async function startTotpEnrolment(user: UserRef, ip?: string): Promise<void> {
  const pendingSecret = encryptSecret(newTotpSecret());
  await db.$transaction(async (tx) => {
    await tx.totpFactor.upsert({
      where: { userId: user.id },
      create: { userId: user.id, pendingSecret, pendingAt: new Date() },
      update: { pendingSecret, pendingAt: new Date() },
    });
    await audit(tx, actorOf(user, ip), { action: "second_factor.totp_enrolment_started", entityType: "User", entityId: user.id });
  });
}

/** The enrolment waiting for its first code: the secret as text and its QR code (an SVG data: URL, made here). */
export async function pendingTotpEnrolment(userId: string, email: string, now = Date.now()) {
  const row = await db.totpFactor.findUnique({ where: { userId } });
  if (!row?.pendingSecret || !row.pendingAt || now - row.pendingAt.getTime() > PENDING_ENROLMENT_MS) return null;
  const secret = decryptSecret(row.pendingSecret);
  const uri = totpUri(secret, email);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: "invalid" | "expired" };

/**
 * Confirms the pending enrolment with a first code: the pending secret replaces
 * any earlier one (a QR code of an older enrolment is useless from now on) and
 * ten new recovery codes replace the old ones; they are returned once.
 */
export async function confirmTotpEnrolment(
  user: UserRef & { email: string; locale: string },
  code: string,
  ip?: string,
  now = Date.now(),
): Promise<ConfirmResult> {
  const row = await db.totpFactor.findUnique({ where: { userId: user.id } });
  if (!row?.pendingSecret || !row.pendingAt || now - row.pendingAt.getTime() > PENDING_ENROLMENT_MS) return { ok: false, error: "expired" };
  const step = totpStep(decryptSecret(row.pendingSecret), code.trim(), now);
  if (step === null) return { ok: false, error: "invalid" };
  const codes = newRecoveryCodes();
  const done = await db.$transaction(async (tx) => {
    const moved = await tx.totpFactor.updateMany({
      where: { userId: user.id, pendingSecret: row.pendingSecret },
      data: { secret: row.pendingSecret, confirmedAt: new Date(now), pendingSecret: null, pendingAt: null, lastStep: step },
    });
    if (moved.count !== 1) return false;
    await tx.user.updateMany({ where: { id: user.id, secondFactorSince: null }, data: { secondFactorSince: new Date(now) } });
    await replaceRecoveryCodes(tx, user.id, codes);
    await audit(tx, actorOf(user, ip), { action: "second_factor.totp_enabled", entityType: "User", entityId: user.id });
    return true;
  });
  if (!done) return { ok: false, error: "expired" };
  await securityMail(user, "totpEnabled");
  return { ok: true, recoveryCodes: codes };
}

async function replaceRecoveryCodes(tx: Tx, userId: string, codes: string[]) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
}

/** Ten new recovery codes (the old ones stop working); returned once. Null when the user has no second factor. */
export async function regenerateRecoveryCodes(user: UserRef, ip?: string): Promise<string[] | null> {
  const codes = newRecoveryCodes();
  return db.$transaction(async (tx) => {
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { secondFactorSince: true } });
    if (!row.secondFactorSince) return null;
    await replaceRecoveryCodes(tx, user.id, codes);
    await audit(tx, actorOf(user, ip), { action: "second_factor.recovery_codes_renewed", entityType: "User", entityId: user.id });
    return codes;
  });
}

/** After a factor went away: without any left, two-factor sign-in is off and the recovery codes go. */
async function settleFactors(tx: Tx, userId: string) {
  const [totp, passkeys] = await Promise.all([tx.totpFactor.count({ where: { userId, confirmedAt: { not: null } } }), tx.passkey.count({ where: { userId } })]);
  if (totp + passkeys > 0) return;
  await tx.user.update({ where: { id: userId }, data: { secondFactorSince: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}

/** Removes the authenticator app. False when there was none. */
export async function disableTotp(user: UserRef & { email: string; locale: string }, ip?: string): Promise<boolean> {
  const done = await db.$transaction(async (tx) => {
    // A confirmed app only (an unfinished enrolment is not a factor); the pending one goes with it.
    const removed = await tx.totpFactor.deleteMany({ where: { userId: user.id, confirmedAt: { not: null } } });
    if (removed.count !== 1) return false;
    await settleFactors(tx, user.id);
    await audit(tx, actorOf(user, ip), { action: "second_factor.totp_disabled", entityType: "User", entityId: user.id });
    return true;
  });
  if (done) await securityMail(user, "totpDisabled");
  return done;
}

/** Removes one of the user's passkeys. False when it is not theirs. */
export async function removePasskey(user: UserRef & { email: string; locale: string }, passkeyId: string, ip?: string): Promise<boolean> {
  const done = await db.$transaction(async (tx) => {
    const removed = await tx.passkey.deleteMany({ where: { id: passkeyId, userId: user.id } });
    if (removed.count !== 1) return false;
    await settleFactors(tx, user.id);
    await audit(tx, actorOf(user, ip), { action: "second_factor.passkey_removed", entityType: "Passkey", entityId: passkeyId });
    return true;
  });
  if (done) await securityMail(user, "passkeyRemoved");
  return done;
}

// ------------------------------------------------------------------ checking a proof

/**
 * Checks a proof for the user, consuming what is single-use: an authenticator
 * code only for a time step later than the last accepted one (one conditional
 * update, so two requests cannot both use it), a recovery code only once.
 */
async function checkProof(userId: string, proof: Proof, now: number): Promise<Factor | null> {
  if ("passkey" in proof) return (await verifyPasskeyAssertion(proof.passkey, { userId })) ? "passkey" : null;
  const code = proof.code.trim();
  if (isTotpShaped(code)) {
    const row = await db.totpFactor.findUnique({ where: { userId } });
    if (!row?.secret) return null;
    const step = totpStep(decryptSecret(row.secret), code, now);
    if (step === null || step <= row.lastStep) return null;
    const used = await db.totpFactor.updateMany({ where: { userId, lastStep: { lt: step } }, data: { lastStep: step } });
    return used.count === 1 ? "totp" : null;
  }
  if (isRecoveryShaped(code)) {
    const used = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: new Date(now) } });
    return used.count === 1 ? "recovery" : null;
  }
  return null;
}

/**
 * One attempt on the account's failure counter (shared with passwords): the
 * attempt is claimed first, so a locked account is not checked at all, and a
 * success resets the count.
 */
async function attempt(
  user: UserRef,
  ip: string | undefined,
  now: number,
  check: () => Promise<Factor | null>,
): Promise<{ ok: true; factor: Factor } | { ok: false; error: ProofError }> {
  const lockUntil = new Date(now + env.SIGN_IN_LOCK_MINUTES * 60_000);
  const claimed = await db.$transaction(async (tx) => {
    const c = await claimUserAttempt(tx, user.id, new Date(now), env.SIGN_IN_MAX_FAILURES, lockUntil);
    if (c?.lockedUntil) await audit(tx, { type: "ANONYMOUS", ip }, { action: "user.locked", entityType: "User", entityId: user.id });
    return c;
  });
  if (!claimed) return { ok: false, error: "too_many" };
  const factor = await check();
  if (!factor) {
    await db.$transaction((tx) => audit(tx, actorOf(user, ip), { action: "second_factor.failed", entityType: "User", entityId: user.id }));
    return { ok: false, error: claimed.lockedUntil ? "too_many" : "invalid" };
  }
  await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
  return { ok: true, factor };
}

// ------------------------------------------------------------------ sign-in

/** After a correct password for a user with a second factor: a ten-minute ticket for the second step (only its hash is stored). */
export async function beginSecondFactorSignIn(userId: string): Promise<string> {
  const { token, hash } = newToken();
  await db.oneTimeToken.create({ data: { tokenHash: hash, purpose: "SECOND_FACTOR", userId, expiresAt: new Date(Date.now() + PENDING_SIGN_IN_MS) } });
  return token;
}

/** The user a second-step ticket belongs to, and which factors they can use; null when it is not live. */
export async function pendingSignIn(ticket: string, now = new Date()) {
  if (!isTokenShaped(ticket)) return null;
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(ticket) } });
  if (!row || row.purpose !== "SECOND_FACTOR" || row.usedAt || row.expiresAt <= now || !row.userId) return null;
  const user = await db.user.findUnique({ where: { id: row.userId }, include: { totp: true, _count: { select: { passkeys: true } } } });
  if (!user || user.status !== "ACTIVE") return null;
  return { user, hasTotp: Boolean(user.totp?.confirmedAt), hasPasskeys: user._count.passkeys > 0 };
}

export type SignInStepResult =
  { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } } | { ok: false; error: ProofError | "expired" };

/** The second step of a sign-in: the ticket from the password step and a proof. Failures count toward the lockout. */
export async function completeSecondFactorSignIn(ticket: string, proof: Proof, ip: string, now = Date.now()): Promise<SignInStepResult> {
  const pending = await pendingSignIn(ticket, new Date(now));
  if (!pending) return { ok: false, error: "expired" };
  const { user } = pending;
  const checked = await attempt(user, ip, now, () => checkProof(user.id, proof, now));
  if (!checked.ok) return checked;
  const signedIn = await db.$transaction(async (tx) => {
    const used = await tx.oneTimeToken.updateMany({ where: { tokenHash: hashToken(ticket), usedAt: null }, data: { usedAt: new Date(now) } });
    if (used.count !== 1) return null;
    const row = await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(now) } });
    await audit(tx, actorOf(user, ip), { action: "user.signed_in", entityType: "User", entityId: user.id, after: { factor: checked.factor } });
    return row;
  });
  if (!signedIn) return { ok: false, error: "expired" };
  return { ok: true, user: { id: signedIn.id, email: signedIn.email, name: signedIn.name, sessionVersion: signedIn.sessionVersion } };
}

/**
 * Passwordless sign-in: a passkey that verified its user (PIN or biometrics)
 * stands for both factors. A locked or deactivated account is refused.
 */
export async function signInWithPasskey(response: PasskeyAssertion, ip: string, now = new Date()): Promise<SignInStepResult> {
  const userId = await verifyPasskeyAssertion(response, { userId: null });
  if (!userId) return { ok: false, error: "invalid" };
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.status !== "ACTIVE") return { ok: false, error: "invalid" };
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, error: "too_many" };
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now, failedSignIns: 0, lockedUntil: null } });
    await audit(tx, actorOf(user, ip), { action: "user.signed_in", entityType: "User", entityId: user.id, after: { factor: "passkey", passwordless: true } });
    return updated;
  });
  return { ok: true, user: { id: row.id, email: row.email, name: row.name, sessionVersion: row.sessionVersion } };
}

// ------------------------------------------------------------------ step-up

/**
 * Proves again who the user is before a sensitive change: the password, or a
 * second factor when they have one. Failures count toward the lockout; a
 * success marks the session as checked now.
 */
export async function stepUp(user: UserRef, sessionId: string | undefined, proof: Proof | { password: string }, ip?: string, now = Date.now()) {
  if (!sessionId) return { ok: false as const, error: "invalid" as const };
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  const checked = await attempt(user, ip, now, async () => {
    if ("password" in proof) return (await bcrypt.compare(proof.password.slice(0, 200), row.passwordHash)) ? ("password" as Factor) : null;
    return checkProof(user.id, proof, now);
  });
  if (!checked.ok) return checked;
  await markSessionVerified(sessionId, user.id, new Date(now));
  await db.$transaction((tx) =>
    audit(tx, actorOf(user, ip), { action: "user.step_up", entityType: "Session", entityId: sessionId, after: { factor: checked.factor } }),
  );
  return { ok: true as const };
}

// ------------------------------------------------------------------ policy and recovery by others

/** A supplier company admin requires (or stops requiring) a second factor of every user of the company. */
export async function setCompanyRequirement(supplierId: string, required: boolean, actor: UserRef, ip?: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await tx.supplierCompany.updateMany({ where: { id: supplierId, requireSecondFactor: !required }, data: { requireSecondFactor: required } });
    if (changed.count !== 1) return false;
    await audit(tx, actorOf(actor, ip), {
      action: "supplier.second_factor_policy",
      entityType: "SupplierCompany",
      entityId: supplierId,
      before: { required: !required },
      after: { required },
    });
    return true;
  });
}

export async function companyRequiresSecondFactor(supplierId: string): Promise<boolean> {
  return (await db.supplierCompany.findUniqueOrThrow({ where: { id: supplierId }, select: { requireSecondFactor: true } })).requireSecondFactor;
}

/**
 * Removes every second factor of a user who lost theirs, on behalf of a
 * company admin (`supplierId`: a user of that company only) or an
 * administrator (`supplierId` null: anyone). Audited; the user is emailed. False
 * when no such user has a factor.
 */
export async function resetSecondFactor(targetId: string, supplierId: string | null, actor: UserRef, ip?: string): Promise<boolean> {
  const target = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: targetId, secondFactorSince: { not: null }, ...(supplierId ? { supplierId, kind: "SUPPLIER" } : {}) },
      select: { id: true, email: true, name: true, locale: true },
    });
    if (!user || user.id === actor.id) return null;
    await tx.totpFactor.deleteMany({ where: { userId: user.id } });
    await tx.passkey.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.user.update({ where: { id: user.id }, data: { secondFactorSince: null } });
    await audit(tx, actorOf(actor, ip), { action: "second_factor.reset", entityType: "User", entityId: user.id });
    return user;
  });
  if (!target) return false;
  await securityMail(target, "reset");
  return true;
}

/** An administrator's reset, for a user named by email (any user). */
export async function resetSecondFactorByEmail(email: string, actor: UserRef, ip?: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user ? resetSecondFactor(user.id, null, actor, ip) : false;
}

/** Users of a company with a second factor, for the admin's reset list. */
export async function companyUsersWithFactor(supplierId: string) {
  return db.user.findMany({
    where: { supplierId, kind: "SUPPLIER", secondFactorSince: { not: null } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

// ------------------------------------------------------------------ seed and tests

/**
 * Enrols an authenticator app with a KNOWN secret, confirmed, for the demo
 * seed's staff and for test fixtures (the code is computed from the secret).
 * Never called by the app itself.
 */
export async function enrolKnownTotp(userId: string, secret: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const data = { secret: encryptSecret(secret), confirmedAt: new Date(), pendingSecret: null, pendingAt: null, lastStep: 0 };
    await tx.totpFactor.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    await tx.user.updateMany({ where: { id: userId, secondFactorSince: null }, data: { secondFactorSince: new Date() } });
    await audit(tx, { type: "SYSTEM" }, { action: "second_factor.totp_enabled", entityType: "User", entityId: userId });
  });
}

// ------------------------------------------------------------------ emails

async function securityMail(user: { email: string; locale: string }, kind: "totpEnabled" | "totpDisabled" | "passkeyAdded" | "passkeyRemoved" | "reset") {
  await sendMail({
    to: user.email,
    locale: user.locale,
    template: `mfa:mail.${kind}`,
    actionUrl: portalUrl(`/${user.locale === "zh" ? "zh" : "en"}/two-factor`),
  });
}
export { securityMail };
