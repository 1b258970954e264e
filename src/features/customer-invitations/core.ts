import type { Customer, Invitation } from "@/generated/prisma/client";
import { customerName } from "@/lib/customer-name";
import { formatDateTime } from "@/lib/format";
import { isLng, type Lng } from "@/lib/i18n/config";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { hitLimit, RATE_LIMITS } from "@/server/rate-limit";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";

/**
 * Customer invitations, the pieces every stage shares: reading a link, issuing
 * a new one, mailing it. The stages live beside this file: `staff.ts` (staff
 * invite, resend, revoke, list), `landing.ts` (what the link's page shows),
 * `accept.ts` (register or accept), `forward.ts` (forward to a colleague or ask
 * to join the company that has the email's domain).
 *
 * A link holds a token of 32 random bytes (only its hash is stored); it works
 * once, for 30 days, and dies when revoked, when a newer invitation goes to the
 * same customer and email, or when it is forwarded to a colleague. Accepting
 * claims the row with a conditional update inside the transaction that connects
 * the supplier, so two simultaneous accepts connect once.
 */
export const INVITATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Landing page views and invitee actions per client address per window. */
export const LANDING_LIMIT = RATE_LIMITS.inviteIp.limit;

export type DeadReason = "unknown" | "expired" | "used" | "revoked" | "superseded" | "forwarded" | "rateLimited";

export type InvitationWithCustomer = Invitation & { customer: Customer };

// ------------------------------------------------------------ reading links

export type Lookup = { live: true; invitation: InvitationWithCustomer } | { live: false; reason: DeadReason };

export async function lookup(token: string): Promise<Lookup> {
  if (!isTokenShaped(token)) return { live: false, reason: "unknown" };
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { customer: true } });
  if (!row) return { live: false, reason: "unknown" };
  switch (row.status) {
    case "ACCEPTED":
      return { live: false, reason: "used" };
    case "REVOKED":
      return { live: false, reason: "revoked" };
    case "EXPIRED":
      return { live: false, reason: "expired" };
    case "SUPERSEDED": {
      const forwarded = await db.invitation.count({ where: { forwardedFromId: row.id } });
      return { live: false, reason: forwarded ? "forwarded" : "superseded" };
    }
  }
  if (row.expiresAt <= new Date()) return { live: false, reason: "expired" };
  return { live: true, invitation: row };
}

/** Every use of a link (page view or action) counts against the caller's address. */
export async function openLive(token: string, ip: string): Promise<Lookup> {
  const limit = await hitLimit("inviteIp", ip);
  if (!limit.allowed) return { live: false, reason: "rateLimited" };
  return lookup(token);
}

/** Thrown inside a transaction when the link was claimed first: rolls everything back. */
export class InvitationGone extends Error {}

/** Why a link that was live a moment ago no longer is. */
export async function whyGone(token: string): Promise<DeadReason> {
  const again = await lookup(token);
  return again.live ? "used" : again.reason;
}

// ---------------------------------------------------------------- issuing

export interface IssueData {
  customerId: string;
  email: string;
  locale: string;
  message: string;
  createdById: string | null;
  forwardedFromId?: string;
  idempotencyKey?: string;
}

/** Creates a PENDING invitation; older pending ones for the same customer and email die. */
export async function issue(tx: Tx, data: IssueData, actor: Actor): Promise<{ invitation: Invitation; token: string }> {
  const older = await tx.invitation.findMany({
    where: { customerId: data.customerId, email: data.email, status: "PENDING" },
    select: { id: true },
  });
  if (older.length) {
    await tx.invitation.updateMany({
      where: { id: { in: older.map((o) => o.id) }, status: "PENDING" },
      data: { status: "SUPERSEDED" },
    });
    for (const o of older) {
      await audit(tx, actor, {
        action: "invitation.superseded",
        entityType: "Invitation",
        entityId: o.id,
        before: { status: "PENDING" },
        after: { status: "SUPERSEDED" },
      });
    }
  }
  const { token, hash } = newToken();
  const invitation = await tx.invitation.create({
    data: {
      customerId: data.customerId,
      email: data.email,
      locale: data.locale,
      message: data.message,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      createdById: data.createdById,
      forwardedFromId: data.forwardedFromId ?? null,
      idempotencyKey: data.idempotencyKey ?? null,
    },
  });
  await audit(tx, actor, {
    action: data.forwardedFromId ? "invitation.created_by_forward" : "invitation.created",
    entityType: "Invitation",
    entityId: invitation.id,
    after: { customerId: data.customerId, email: data.email, locale: data.locale, forwardedFromId: data.forwardedFromId ?? null },
  });
  return { invitation, token };
}

export function invitationLinks(locale: string, token: string) {
  return {
    actionUrl: portalUrl(`/${locale}/invite/${token}`),
    links: [{ labelKey: "mail.forwardLink", url: portalUrl(`/${locale}/invite/${token}/forward`) }],
  };
}

/** The invitation email (or, with `forwardedBy`, the forwarded one), in the invitation's language. */
export async function mailInvitation(invitation: Invitation, token: string, customer: Customer, forwardedBy?: string) {
  const locale: Lng = isLng(invitation.locale) ? invitation.locale : "en";
  const params: Record<string, string> = {
    customer: customerName(customer, locale),
    email: invitation.email,
    message: invitation.message,
    expires: formatDateTime(invitation.expiresAt, locale),
  };
  if (invitation.message) params.context = "withMessage";
  if (forwardedBy) params.from = forwardedBy;
  return sendMail({
    to: invitation.email,
    locale,
    template: forwardedBy ? "invitations:forwardMail" : "invitations:inviteMail",
    params,
    ...invitationLinks(locale, token),
    secret: { kind: "customerInvitation", id: invitation.id },
  });
}
