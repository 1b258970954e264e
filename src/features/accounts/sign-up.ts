import { z } from "zod";
import { recipientsWanting } from "@/features/notifications/preferences";
import { openJoinRequest } from "@/features/supplier-users/join-requests";
import { isLng } from "@/lib/i18n/config";
import { audit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { hitLimit } from "@/server/rate-limit";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import type { SignUpInput } from "./schemas";
import { hashPassword } from "@/server/passwords";
import { companyForDomain, createSupplierAccount } from "./service";

/**
 * Public sign-up without telling anyone who has an account. Every sign-up gets
 * the same answer ("check your email"); what happens next is in the email to
 * that address, which only its owner reads:
 * - a new address: a confirmation link; opening it creates the company and the
 *   user (from a pending sign-up stored as a hashed single-use token whose data
 *   holds the bcrypt hash of the password, never the password) and signs in;
 *   on a domain a company already registered, the same link offers to ask to
 *   join that company or to create a separate one;
 * - an address with an account: sign in, or reset the password.
 */

const SIGN_UP_TTL_MS = 24 * 60 * 60 * 1000;
const TICKET_TTL_MS = 60 * 1000;

const pendingData = z.object({
  name: z.string(),
  companyName: z.string(),
  locale: z.string(),
  passwordHash: z.string(),
});
type PendingData = z.output<typeof pendingData>;

const lngOf = (locale: string) => (isLng(locale) ? locale : "en");

/** Stores a pending sign-up and emails the address. The caller answers the same whatever happened. */
export async function requestSignUp(input: SignUpInput, ip: string): Promise<void> {
  const email = input.email.trim().toLowerCase();
  // Hash first, whatever the case, so every answer takes as long.
  const passwordHash = await hashPassword(input.password);
  const limited = !(await hitLimit("signUpEmail", email)).allowed || !(await hitLimit("signUpIp", ip)).allowed;
  if (limited) return;

  const existing = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true, status: true } });
  if (existing) {
    await db.$transaction((tx) => audit(tx, { type: "ANONYMOUS", ip }, { action: "user.sign_up_existing", entityType: "User", entityId: existing.id }));
    const lng = lngOf(existing.locale);
    await sendMail({
      to: email,
      locale: lng,
      template: "accounts:signUpExistingMail",
      params: { name: existing.name },
      actionUrl: portalUrl(`/${lng}/sign-in`),
      links: [{ labelKey: "signUpExistingMail.reset", url: portalUrl(`/${lng}/forgot-password`) }],
    });
    return;
  }

  const data: PendingData = { name: input.name, companyName: input.companyName, locale: input.locale, passwordHash };
  const { token, hash } = newToken();
  await db.$transaction(async (tx) => {
    // A new sign-up replaces an older unconfirmed one for the same address.
    await tx.oneTimeToken.deleteMany({ where: { purpose: "SIGN_UP", email, usedAt: null } });
    await tx.oneTimeToken.create({
      data: { tokenHash: hash, purpose: "SIGN_UP", email, data: JSON.stringify(data), expiresAt: new Date(Date.now() + SIGN_UP_TTL_MS) },
    });
    await audit(tx, { type: "ANONYMOUS", ip }, { action: "user.sign_up_requested", entityType: "OneTimeToken", entityId: hash.slice(0, 16) });
  });
  const lng = lngOf(input.locale);
  const url = portalUrl(`/${lng}/sign-up/confirm/${token}`);
  const company = await companyForDomain(email);
  if (company) {
    await sendMail({
      to: email,
      locale: lng,
      template: "accounts:signUpDomainMail",
      params: { name: input.name, company: company.name, newCompany: input.companyName },
      actionUrl: `${url}?choice=join`,
      links: [{ labelKey: "signUpDomainMail.separate", url: `${url}?choice=separate` }],
    });
  } else {
    await sendMail({
      to: email,
      locale: lng,
      template: "accounts:signUpConfirmMail",
      params: { name: input.name, company: input.companyName },
      actionUrl: url,
    });
  }
}

async function livePending(token: string) {
  if (!isTokenShaped(token)) return null;
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== "SIGN_UP" || row.usedAt || row.expiresAt <= new Date() || !row.email) return null;
  const data = pendingData.safeParse(JSON.parse(row.data));
  if (!data.success) return null;
  return { tokenHash: row.tokenHash, email: row.email, ...data.data };
}

export interface PendingSignUp {
  email: string;
  name: string;
  companyName: string;
  locale: string;
  /** The company that already registered the address's domain, if any */
  domainCompany: string | null;
}

/** What the confirmation page shows; null for a dead link. */
export async function pendingSignUp(token: string): Promise<PendingSignUp | null> {
  const row = await livePending(token);
  if (!row) return null;
  const company = await companyForDomain(row.email);
  return { email: row.email, name: row.name, companyName: row.companyName, locale: row.locale, domainCompany: company?.name ?? null };
}

class LinkUsed extends Error {}

/** Marks the pending sign-up used inside `tx`; throws when another request got there first. */
async function claim(tx: Tx, tokenHash: string): Promise<void> {
  const used = await tx.oneTimeToken.updateMany({
    where: { tokenHash, purpose: "SIGN_UP", usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (used.count !== 1) throw new LinkUsed();
}

export type ConfirmResult = { ok: true; ticket: string; locale: string } | { ok: false; error: "invalid" | "accountExists" };

/**
 * Creates the company and its admin from a confirmed sign-up, and a one-minute
 * sign-in ticket for the browser that confirmed. Single use: of two racing
 * confirmations (a double click) exactly one creates the account.
 */
export async function confirmSignUp(token: string, ip: string): Promise<ConfirmResult> {
  const row = await livePending(token);
  if (!row) return { ok: false, error: "invalid" };
  const ticket = newToken();
  try {
    const created = await createSupplierAccount(
      { companyName: row.companyName, name: row.name, email: row.email, passwordHash: row.passwordHash, locale: lngOf(row.locale) },
      { ip },
      async (tx, ids) => {
        await claim(tx, row.tokenHash);
        await tx.oneTimeToken.create({
          data: { tokenHash: ticket.hash, purpose: "SIGN_IN", userId: ids.userId, expiresAt: new Date(Date.now() + TICKET_TTL_MS) },
        });
        await audit(tx, { type: "USER", id: ids.userId, ip }, { action: "user.sign_up_confirmed", entityType: "User", entityId: ids.userId });
      },
    );
    if (!created.ok) {
      // The address got an account meanwhile (another confirmed sign-up): this link is spent.
      await db.oneTimeToken.updateMany({ where: { tokenHash: row.tokenHash, usedAt: null }, data: { usedAt: new Date() } });
      return { ok: false, error: "accountExists" };
    }
    return { ok: true, ticket: ticket.token, locale: lngOf(row.locale) };
  } catch (error) {
    if (error instanceof LinkUsed) return { ok: false, error: "invalid" };
    throw error;
  }
}

/** The signed-in identity behind a sign-in ticket (used once, within a minute), or null. */
export async function consumeSignInTicket(ticket: string) {
  if (!isTokenShaped(ticket)) return null;
  const tokenHash = hashToken(ticket);
  return db.$transaction(async (tx) => {
    const used = await tx.oneTimeToken.updateMany({
      where: { tokenHash, purpose: "SIGN_IN", usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return null;
    const row = await tx.oneTimeToken.findUniqueOrThrow({ where: { tokenHash } });
    const user = row.userId ? await tx.user.findUnique({ where: { id: row.userId } }) : null;
    if (!user || user.status !== "ACTIVE") return null;
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await audit(tx, { type: "USER", id: user.id }, { action: "user.signed_in", entityType: "User", entityId: user.id, after: { via: "sign_up" } });
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  });
}

export type JoinFromSignUpResult = { ok: true; company: string; duplicate: boolean } | { ok: false; error: "invalid" | "noCompany" | "accountExists" };

/**
 * The confirmed address asks to join the company that registered its domain,
 * instead of creating a duplicate. The company's admins approve it in Setup ->
 * Admin; approval emails a registration link (src/features/supplier-users).
 */
export async function joinFromSignUp(token: string, ip: string): Promise<JoinFromSignUpResult> {
  const row = await livePending(token);
  if (!row) return { ok: false, error: "invalid" };
  if (await db.user.findUnique({ where: { email: row.email }, select: { id: true } })) return { ok: false, error: "accountExists" };
  const company = await companyForDomain(row.email);
  if (!company) return { ok: false, error: "noCompany" };
  const locale = lngOf(row.locale);
  let outcome: { duplicate: boolean; admins: string[] };
  try {
    outcome = await db.$transaction(async (tx) => {
      await claim(tx, row.tokenHash);
      return openJoinRequest(tx, { supplierId: company.id, email: row.email, name: row.name, locale }, { type: "ANONYMOUS", ip });
    });
  } catch (error) {
    if (error instanceof LinkUsed) return { ok: false, error: "invalid" };
    throw error;
  }
  if (outcome.admins.length) {
    const wanting = await recipientsWanting(db, outcome.admins, "joinRequests", "email");
    const admins = await db.user.findMany({ where: { id: { in: wanting } }, select: { email: true, locale: true } });
    for (const admin of admins) {
      await sendMail({
        to: admin.email,
        locale: admin.locale,
        template: "accounts:joinRequestMail",
        params: { name: row.name, email: row.email, company: company.name },
        actionUrl: portalUrl(`/${lngOf(admin.locale)}/setup/admin`),
      });
    }
  }
  return { ok: true, company: company.name, duplicate: outcome.duplicate };
}
