import { companyForDomain } from "@/features/accounts/service";
import { customerName } from "@/lib/customer-name";
import { db } from "@/server/db";
import { hashToken, isTokenShaped } from "@/server/tokens";
import { lookup, openLive, type DeadReason, type InvitationWithCustomer } from "./core";

/**
 * Customer invitations, the invitee opens the link: what the landing page
 * offers (register, join the company that has the email's domain, sign in,
 * accept, or why the link is dead), the forward form's data, and the page
 * after accepting.
 */

export interface InvitationView {
  email: string;
  customer: string;
  message: string;
  expiresAt: Date;
}

export type Landing =
  | { kind: "dead"; reason: DeadReason }
  | ({ invitation: InvitationView } & (
      | { kind: "register" }
      | { kind: "join"; company: string }
      | { kind: "signIn" }
      | { kind: "accept" }
      | { kind: "otherUser"; signedInAs: string }
      | { kind: "unavailable" }
      | { kind: "forward" }
    ));

export interface Viewer {
  id: string;
  email: string;
  kind: string;
}

function view(inv: InvitationWithCustomer, lng: string): InvitationView {
  return { email: inv.email, customer: customerName(inv.customer, lng), message: inv.message, expiresAt: inv.expiresAt };
}

/** Decides what the landing page shows for a token, a visitor and the page language. */
export async function openInvitation(token: string, ip: string, viewer: Viewer | null, lng: string): Promise<Landing> {
  const found = await openLive(token, ip);
  if (!found.live) return { kind: "dead", reason: found.reason };
  const inv = found.invitation;
  const invitation = view(inv, lng);
  if (viewer) {
    if (viewer.email !== inv.email) return { kind: "otherUser", signedInAs: viewer.email, invitation };
    return { kind: viewer.kind === "SUPPLIER" ? "accept" : "unavailable", invitation };
  }
  const user = await db.user.findUnique({ where: { email: inv.email } });
  if (user) {
    const usable = user.kind === "SUPPLIER" && user.status === "ACTIVE" && user.supplierId;
    return { kind: usable ? "signIn" : "unavailable", invitation };
  }
  const company = await companyForDomain(inv.email);
  if (company) return { kind: "join", company: company.name, invitation };
  return { kind: "register", invitation };
}

/** Only a live invitation can be forwarded; the form page needs the customer and email. */
export async function openForForward(token: string, ip: string, lng: string): Promise<Landing> {
  const found = await openLive(token, ip);
  if (!found.live) return { kind: "dead", reason: found.reason };
  return { kind: "forward", invitation: view(found.invitation, lng) };
}

/** The customer a user connected to with this link (the page after accepting). */
export async function acceptedBy(token: string, userId: string, lng: string): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { customer: true } });
  if (!row || row.status !== "ACCEPTED" || row.acceptedByUserId !== userId) return null;
  return customerName(row.customer, lng);
}

/**
 * Where this link was just forwarded (the confirmation after forwarding): the colleague's email,
 * for ten minutes after the forward, else null. The link itself is dead by then.
 */
export async function forwardedTo(token: string): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const original = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true } });
  if (!original) return null;
  const next = await db.invitation.findFirst({
    where: { forwardedFromId: original.id, createdAt: { gt: new Date(Date.now() - 10 * 60_000) } },
    orderBy: { createdAt: "desc" },
    select: { email: true },
  });
  return next?.email ?? null;
}

/** The invited email of a live link (the sign-in form fixes it). */
export async function invitedEmail(token: string): Promise<string | null> {
  const found = await lookup(token);
  return found.live ? found.invitation.email : null;
}
