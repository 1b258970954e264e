import bcrypt from "bcryptjs";
import { endAllSessionsIn } from "@/features/sessions/service";
import { INVITE_PURPOSE } from "@/features/supplier-users/core";
import { isFreeMailDomain } from "@/lib/free-mail";
import { can, parsePermissions } from "@/lib/permissions";
import { emailDomain } from "@/lib/validation";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { hitLimit } from "@/server/rate-limit";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";

/**
 * Verified change of the sign-in email (docs/decisions/0020-email-change-and-devices.md).
 * A request stores two single-use tokens (hashes only): the confirmation link
 * goes to the NEW address and expires in a day; the "it wasn't me" link goes
 * to the OLD address and keeps working for a week, also after the change was
 * confirmed, so the old owner can undo a change made by someone else.
 */
export const CONFIRM_PURPOSE = "EMAIL_CHANGE";
export const CANCEL_PURPOSE = "EMAIL_CHANGE_CANCEL";
export const CONFIRM_TTL_MS = 24 * 60 * 60 * 1000;
export const CANCEL_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface ConfirmData {
  from: string;
  cancelHash: string;
}
interface CancelData {
  to: string;
  confirmHash: string;
}

/**
 * The one check of "is it really you" before a sensitive change: the current
 * password, at most 5 tries per user in 15 minutes. (A general step-up with a
 * second factor replaces this function's body; its callers stay the same.)
 */
export async function checkCurrentPassword(userId: string, password: string): Promise<"ok" | "wrong" | "tooMany"> {
  if (!(await hitLimit("passwordCheckUser", userId)).allowed) return "tooMany";
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || password.length > 200) return "wrong";
  return (await bcrypt.compare(password, user.passwordHash)) ? "ok" : "wrong";
}

function actorOf(user: { id: string; kind: string }, ip?: string): Actor {
  return { type: user.kind === "STAFF" ? "STAFF" : "USER", id: user.id, ip };
}

/**
 * Whether a user may move to an address on this domain. Refused: a domain that
 * another supplier company registered (that company's colleagues and join
 * requests are routed by it). Free-mail and unregistered domains are allowed.
 */
async function domainRefusal(user: { supplierId: string | null }, email: string): Promise<"otherCompanyDomain" | null> {
  if (!user.supplierId) return null;
  const domain = emailDomain(email);
  if (isFreeMailDomain(domain)) return null;
  const owner = await db.supplierDomain.findUnique({ where: { domain } });
  return owner && owner.supplierId !== user.supplierId ? "otherCompanyDomain" : null;
}

export type EmailChangeRequestResult = { ok: true } | { ok: false; error: "wrongPassword" | "tooMany" | "sameEmail" | "otherCompanyDomain" };

/**
 * Starts a change: nothing about the account changes until the link sent to
 * the new address is opened. The answer is the same whether or not the new
 * address already has an account (that address is told instead, by email).
 */
export async function requestEmailChange(userId: string, input: { newEmail: string; password: string }, ip: string): Promise<EmailChangeRequestResult> {
  const newEmail = input.newEmail.trim().toLowerCase();
  const check = await checkCurrentPassword(userId, input.password);
  if (check !== "ok") return { ok: false, error: check === "tooMany" ? "tooMany" : "wrongPassword" };
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (newEmail === user.email) return { ok: false, error: "sameEmail" };
  const refusal = await domainRefusal(user, newEmail);
  if (refusal) return { ok: false, error: refusal };
  if (!(await hitLimit("emailChangeUser", userId)).allowed) return { ok: false, error: "tooMany" };

  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) {
    await db.$transaction((tx) =>
      audit(tx, actorOf(user, ip), { action: "user.email_change_refused", entityType: "User", entityId: user.id, after: { reason: "taken" } }),
    );
    await sendMail({ to: newEmail, locale: user.locale, template: "settings:emailInUseMail", params: {} });
    return { ok: true };
  }

  const confirm = newToken();
  const cancel = newToken();
  const now = Date.now();
  await db.$transaction(async (tx) => {
    // A new request replaces an unconfirmed one (its "it wasn't me" link goes with it).
    const pending = await tx.oneTimeToken.findMany({ where: { purpose: CONFIRM_PURPOSE, userId, usedAt: null } });
    const stale = pending.map((p) => (JSON.parse(p.data) as ConfirmData).cancelHash);
    await tx.oneTimeToken.deleteMany({ where: { tokenHash: { in: [...pending.map((p) => p.tokenHash), ...stale] } } });
    await tx.oneTimeToken.create({
      data: {
        tokenHash: confirm.hash,
        purpose: CONFIRM_PURPOSE,
        userId,
        email: newEmail,
        data: JSON.stringify({ from: user.email, cancelHash: cancel.hash } satisfies ConfirmData),
        expiresAt: new Date(now + CONFIRM_TTL_MS),
      },
    });
    await tx.oneTimeToken.create({
      data: {
        tokenHash: cancel.hash,
        purpose: CANCEL_PURPOSE,
        userId,
        email: user.email,
        data: JSON.stringify({ to: newEmail, confirmHash: confirm.hash } satisfies CancelData),
        expiresAt: new Date(now + CANCEL_TTL_MS),
      },
    });
    await audit(tx, actorOf(user, ip), {
      action: "user.email_change_requested",
      entityType: "User",
      entityId: user.id,
      before: { email: user.email },
      after: { email: newEmail },
    });
  });
  await sendMail({
    to: newEmail,
    locale: user.locale,
    template: "settings:emailChangeConfirmMail",
    params: { name: user.name, from: user.email, to: newEmail },
    actionUrl: portalUrl(`/${user.locale}/email-change/${confirm.token}`),
    closedLinkKind: "emailChange",
  });
  await sendMail({
    to: user.email,
    locale: user.locale,
    template: "settings:emailChangeNoticeMail",
    params: { name: user.name, from: user.email, to: newEmail },
    actionUrl: portalUrl(`/${user.locale}/email-change/cancel/${cancel.token}`),
    closedLinkKind: "emailChange",
  });
  return { ok: true };
}

async function liveToken(token: string, purpose: string) {
  if (!isTokenShaped(token)) return null;
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= new Date() || !row.userId || !row.email) return null;
  return row;
}

/** What the confirmation page shows before the button: the addresses, or null when the link is dead. */
export async function pendingEmailChange(token: string): Promise<{ from: string; to: string } | null> {
  const row = await liveToken(token, CONFIRM_PURPOSE);
  return row ? { from: (JSON.parse(row.data) as ConfirmData).from, to: row.email! } : null;
}

/** Whether an "it wasn't me" link still works. */
export async function isCancelLinkLive(token: string): Promise<boolean> {
  return (await liveToken(token, CANCEL_PURPOSE)) !== null;
}

export type ConfirmEmailChangeResult = { ok: true; email: string; locale: string } | { ok: false; error: "invalid" | "taken" | "otherCompanyDomain" };

/**
 * Opens the link sent to the new address: single use; the account's email
 * becomes the new one. Unused password-reset links (sent to the old address)
 * stop working, and open sign-up or colleague invitations for the new address
 * are closed (the address now has an account). A company admin moving to an
 * unregistered company domain registers it for the company, as sign-up does.
 */
export async function confirmEmailChange(token: string, ip: string): Promise<ConfirmEmailChangeResult> {
  const row = await liveToken(token, CONFIRM_PURPOSE);
  if (!row) return { ok: false, error: "invalid" };
  const userId = row.userId!;
  const newEmail = row.email!;
  const data = JSON.parse(row.data) as ConfirmData;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.status !== "ACTIVE" || user.email !== data.from) return { ok: false, error: "invalid" };
  if (await domainRefusal(user, newEmail)) return { ok: false, error: "otherCompanyDomain" };
  const result = await db.$transaction(async (tx) => {
    const used = await tx.oneTimeToken.updateMany({ where: { tokenHash: row.tokenHash, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return { ok: false as const, error: "invalid" as const };
    if (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return { ok: false as const, error: "taken" as const };
    await tx.user.update({ where: { id: userId }, data: { email: newEmail } });
    await tx.oneTimeToken.deleteMany({ where: { purpose: "PASSWORD_RESET", userId, usedAt: null } });
    const closed = await tx.oneTimeToken.updateMany({
      where: { purpose: { in: [INVITE_PURPOSE, "SIGN_UP"] }, email: newEmail, usedAt: null },
      data: { usedAt: new Date() },
    });
    let domainAdded: string | undefined;
    const domain = emailDomain(newEmail);
    if (user.supplierId && can(parsePermissions(user.permissions), "admin") && !isFreeMailDomain(domain)) {
      if (!(await tx.supplierDomain.findUnique({ where: { domain } }))) {
        await tx.supplierDomain.create({ data: { domain, supplierId: user.supplierId } });
        domainAdded = domain;
      }
    }
    await audit(tx, actorOf(user, ip), {
      action: "user.email_changed",
      entityType: "User",
      entityId: userId,
      before: { email: data.from },
      after: { email: newEmail, closedInvitations: closed.count, ...(domainAdded ? { domainAdded } : {}) },
    });
    return { ok: true as const, email: newEmail, locale: user.locale };
  });
  return result;
}

/**
 * "It wasn't me", from the notice sent to the old address: the pending change
 * is cancelled, or a confirmed one is undone (the old address comes back while
 * nobody else took it), and every session of the account ends. Single use.
 */
export async function cancelEmailChange(token: string, ip: string): Promise<{ ok: true; locale: string } | { ok: false }> {
  const row = await liveToken(token, CANCEL_PURPOSE);
  if (!row) return { ok: false };
  const userId = row.userId!;
  const oldEmail = row.email!;
  const data = JSON.parse(row.data) as CancelData;
  const done = await db.$transaction(async (tx) => {
    const used = await tx.oneTimeToken.updateMany({ where: { tokenHash: row.tokenHash, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) return null;
    await tx.oneTimeToken.updateMany({ where: { tokenHash: data.confirmHash, usedAt: null }, data: { usedAt: new Date() } });
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return null;
    let reverted = false;
    if (user.email === data.to && !(await tx.user.findUnique({ where: { email: oldEmail }, select: { id: true } }))) {
      await tx.user.update({ where: { id: userId }, data: { email: oldEmail } });
      reverted = true;
    }
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const sessions = await endAllSessionsIn(tx, userId);
    await audit(
      tx,
      { type: "USER", id: userId, ip },
      {
        action: "user.email_change_cancelled",
        entityType: "User",
        entityId: userId,
        before: { email: user.email },
        after: { email: reverted ? oldEmail : user.email, sessions },
      },
    );
    return { locale: user.locale, name: user.name };
  });
  if (!done) return { ok: false };
  await sendMail({
    to: oldEmail,
    locale: done.locale,
    template: "settings:emailChangeCancelledMail",
    params: { name: done.name },
    actionUrl: portalUrl(`/${done.locale}/forgot-password`),
  });
  return { ok: true, locale: done.locale };
}
