import { Prisma } from "@/generated/prisma/client";
import { isFreeMailDomain } from "@/lib/free-mail";
import { emailDomain } from "@/lib/validation";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { env } from "@/server/env";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/server/passwords";
import { portalUrl, sendMail } from "@/server/mail";
import { clearLimit, hitLimit } from "@/server/rate-limit";
import { claimSignInAttempt } from "@/server/sql/counters";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import type { SignUpInput } from "./schemas";

const RESET_TTL_MS = 60 * 60 * 1000;

export type AuthResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; error: "invalid" | "too_many" }
  /** The password is right and the user has a second factor: sign-in goes on at its second step (src/features/second-factor). */
  | { ok: false; error: "second_factor"; userId: string };

/**
 * Checks a sign-in. Unknown email, wrong password and deactivated account all
 * answer "invalid"; limits per address and per email, and the account lock,
 * answer "too_many" — for unknown emails too, so the answer reveals nothing.
 *
 * Each attempt is claimed in the database BEFORE the password is checked (one
 * atomic statement that counts it and locks the account at the limit), so
 * however many requests and processes race, at most SIGN_IN_MAX_FAILURES
 * passwords are checked before the lock, and during the lock none is.
 */
export async function authenticate(rawEmail: string, password: string, ip: string): Promise<AuthResult> {
  const email = rawEmail.trim().toLowerCase();
  if (!email || !password || password.length > 200) return { ok: false, error: "invalid" };

  if (!(await hitLimit("signInIp", ip)).allowed) return { ok: false, error: "too_many" };

  const now = new Date();
  const lockUntil = new Date(now.getTime() + env.SIGN_IN_LOCK_MINUTES * 60_000);
  const user = await db.$transaction(async (tx) => {
    const claimed = await claimSignInAttempt(tx, email, now, env.SIGN_IN_MAX_FAILURES, lockUntil);
    if (claimed?.lockedUntil) {
      await audit(tx, { type: "ANONYMOUS", ip }, { action: "user.locked", entityType: "User", entityId: claimed.id });
    }
    return claimed;
  });
  if (!user) {
    // Locked, or no such account: an unknown email counts its failures in the
    // rate-limit table with the same threshold, claimed before the check too.
    if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, error: "too_many" };
    if (!(await hitLimit("signInUnknownEmail", email)).allowed) return { ok: false, error: "too_many" };
    await verifyPassword(password, DUMMY_PASSWORD_HASH); // so both answers take as long
    return { ok: false, error: "invalid" };
  }

  const matches = await verifyPassword(password, user.passwordHash);
  if (!matches || user.status !== "ACTIVE") return { ok: false, error: "invalid" };
  // The attempt stays counted as a failure until the second factor is given too, so the password alone
  // never resets the lockout and codes cannot be guessed without limit.
  if (user.secondFactorSince !== null) return { ok: false, error: "second_factor", userId: user.id };

  const signedIn = await db.$transaction(async (tx) => {
    const row = await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
    });
    await audit(
      tx,
      { type: user.kind === "STAFF" ? "STAFF" : "USER", id: user.id, ip },
      {
        action: "user.signed_in",
        entityType: "User",
        entityId: user.id,
      },
    );
    return row;
  });
  await clearLimit("signInUnknownEmail", email);
  return {
    ok: true,
    user: { id: signedIn.id, email: signedIn.email, name: signedIn.name, sessionVersion: signedIn.sessionVersion },
  };
}

export type CreateAccountResult = { ok: true; userId: string; supplierId: string } | { ok: false; error: "emailTaken" };

/** Creates a supplier company and its first (admin) user, in one transaction. */
export async function createSupplierAccount(
  /** The password, or its bcrypt hash (a confirmed sign-up stored only the hash) */
  input: Omit<SignUpInput, "password"> & ({ password: string } | { passwordHash: string }),
  actor: { ip?: string },
  /** Runs inside the same transaction (e.g. to connect an inviting customer). */
  also?: (tx: Tx, ids: { userId: string; supplierId: string }) => Promise<void>,
): Promise<CreateAccountResult> {
  const passwordHash = "passwordHash" in input ? input.passwordHash : await hashPassword(input.password);
  const domain = emailDomain(input.email);
  try {
    return await db.$transaction(async (tx) => {
      const supplier = await tx.supplierCompany.create({ data: { name: input.companyName, locale: input.locale } });
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          kind: "SUPPLIER",
          supplierId: supplier.id,
          permissions: "admin",
          allCustomers: true,
        },
      });
      if (!isFreeMailDomain(domain)) {
        const taken = await tx.supplierDomain.findUnique({ where: { domain } });
        if (!taken) await tx.supplierDomain.create({ data: { domain, supplierId: supplier.id } });
      }
      const by: Actor = { type: "USER", id: user.id, ip: actor.ip };
      await audit(tx, by, { action: "supplier.created", entityType: "SupplierCompany", entityId: supplier.id, after: { name: supplier.name } });
      await audit(tx, by, { action: "user.created", entityType: "User", entityId: user.id, after: { email: user.email, permissions: "admin" } });
      const ids = { userId: user.id, supplierId: supplier.id };
      if (also) await also(tx, ids);
      return { ok: true as const, ...ids };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, error: "emailTaken" };
    }
    throw error;
  }
}

/** The supplier company that owns an email's domain, if any (free-mail never matches). */
export async function companyForDomain(email: string) {
  const domain = emailDomain(email);
  if (isFreeMailDomain(domain)) return null;
  const row = await db.supplierDomain.findUnique({ where: { domain }, include: { supplier: true } });
  return row?.supplier ?? null;
}

/**
 * Emails a reset link when the email belongs to an active user. The caller
 * answers the same either way.
 */
export async function requestPasswordReset(rawEmail: string, ip: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  const limited = !(await hitLimit("resetEmail", email)).allowed || !(await hitLimit("resetIp", ip)).allowed;
  if (limited) return;
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.status !== "ACTIVE") return;

  await issueResetLink(user, { type: "ANONYMOUS", ip }, "user.password_reset_requested");
}

/** A new reset link for the user (older unused ones stop working), audited, then emailed. */
async function issueResetLink(user: { id: string; email: string; name: string; locale: string }, actor: Actor, action: string) {
  const { token, hash } = newToken();
  await db.$transaction(async (tx) => {
    // A new link replaces older unused ones.
    await tx.oneTimeToken.deleteMany({ where: { purpose: "PASSWORD_RESET", userId: user.id, usedAt: null } });
    await tx.oneTimeToken.create({
      data: { tokenHash: hash, purpose: "PASSWORD_RESET", userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
    });
    await audit(tx, actor, { action, entityType: "User", entityId: user.id });
  });
  return sendMail({
    to: user.email,
    locale: user.locale,
    template: "accounts:resetMail",
    params: { name: user.name },
    actionUrl: portalUrl(`/${user.locale}/reset-password/${token}`),
    secret: { kind: "passwordReset", id: user.id },
  });
}

/**
 * Staff resend a reset email that failed: the stored copy holds no link, so a
 * fresh one is issued (the old one stops working). Only for active users.
 */
export async function reissuePasswordReset(userId: string, actor: Actor): Promise<{ ok: true; mailStatus: string } | { ok: false }> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.status !== "ACTIVE") return { ok: false };
  const mail = await issueResetLink(user, actor, "user.password_reset_reissued");
  return { ok: true, mailStatus: mail.status };
}

async function findLiveResetToken(token: string) {
  if (!isTokenShaped(token)) return null;
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== "PASSWORD_RESET" || row.usedAt || row.expiresAt <= new Date()) return null;
  return row;
}

export async function isResetTokenValid(token: string): Promise<boolean> {
  return (await findLiveResetToken(token)) !== null;
}

/** Sets a new password from a reset link: single use, ends every other session. */
export async function resetPassword(token: string, password: string, ip: string): Promise<boolean> {
  const row = await findLiveResetToken(token);
  if (!row?.userId) return false;
  const passwordHash = await hashPassword(password);
  const userId = row.userId;
  return db.$transaction(async (tx) => {
    const used = await tx.oneTimeToken.updateMany({
      where: { tokenHash: row.tokenHash, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return false;
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedSignIns: 0, lockedUntil: null },
    });
    await audit(tx, { type: "USER", id: userId, ip }, { action: "user.password_reset", entityType: "User", entityId: userId });
    return true;
  });
}

/** Creates a staff account (CLI and seed only; never public sign-up). */
export async function createStaffUser(input: { email: string; name: string; password: string; role: "SUPPORT" | "ADMINISTRATOR"; locale?: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email.trim().toLowerCase(),
        name: input.name,
        passwordHash,
        kind: "STAFF",
        staffRole: input.role,
        locale: input.locale ?? "en",
      },
    });
    await audit(tx, { type: "SYSTEM" }, { action: "staff.created", entityType: "User", entityId: user.id, after: { email: user.email, role: input.role } });
    return user;
  });
}

export async function setUserLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/**
 * Keeps the time zone the user's browser named at sign-in (the `tz` cookie,
 * already validated), so emails show times in it. A change is audited; the
 * same zone again writes nothing.
 */
export async function rememberTimeZone(userId: string, timeZone: string | null, ip?: string | null): Promise<void> {
  if (!timeZone) return;
  // Almost every sign-in comes from the zone already kept: a plain read, no write transaction.
  const kept = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  if (!kept || kept.timeZone === timeZone) return;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { kind: true, timeZone: true } });
    if (!user || user.timeZone === timeZone) return;
    await tx.user.update({ where: { id: userId }, data: { timeZone } });
    await audit(
      tx,
      { type: user.kind === "STAFF" ? "STAFF" : "USER", id: userId, ip: ip ?? undefined },
      { action: "user.time_zone_changed", entityType: "User", entityId: userId, before: { timeZone: user.timeZone }, after: { timeZone } },
    );
  });
}
