import { customerName } from "@/lib/customer-name";
import { formatDateTime } from "@/lib/format";
import { isLng } from "@/lib/i18n/config";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { hitLimit } from "@/server/rate-limit";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import { decide, TX_OPTIONS, type DecideOutcome } from "./lifecycle";
import type { Decision } from "./schemas";
import { effectiveStatus } from "./state-machine";

/**
 * Connection requests, the respond link: the email to the customer's contact
 * with its single-use link (only the link's hash is stored), staff re-issuing
 * a link whose email failed, and the contact's answer on /respond/<token>.
 */

/** The email to the customer's contact: the supplier's public profile and the two answers. */
export async function mailContact(requestId: string, token: string): Promise<{ id: string; status: string }> {
  const r = await db.connectionRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { supplier: true, customer: true, requestedBy: true },
  });
  const s = r.supplier;
  const locale = isLng(r.locale) ? r.locale : "en";
  const base = `/${locale}/respond/${token}`;
  return sendMail({
    to: r.contactEmail,
    locale,
    template: "requests:mail.contact",
    params: {
      supplier: s.name,
      customer: customerName(r.customer, locale),
      requester: r.requestedBy.name,
      requesterEmail: r.requestedBy.email,
      description: s.description || "—",
      website: s.website || "—",
      location: [s.addressLine, s.city, s.country].filter(Boolean).join(", ") || "—",
      categories: s.categories || "—",
      expires: formatDateTime(r.expiresAt, locale),
    },
    actionUrl: portalUrl(`${base}?decision=APPROVED`),
    links: [{ labelKey: "mail.contact.decline", url: portalUrl(`${base}?decision=REJECTED`) }],
    secret: { kind: "respondLink", id: requestId },
  });
}
/**
 * Staff resend the contact's email when it failed: the stored copy holds no
 * link, so the still-pending request gets a fresh respond link (the old one
 * stops working). Refused once the request is decided or expired.
 */
export async function reissueRespondLink(requestId: string, actor: Actor): Promise<{ ok: true; mailStatus: string } | { ok: false }> {
  const token = newToken();
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.connectionRequest.updateMany({
      where: { id: requestId, status: "PENDING", expiresAt: { gt: new Date() } },
      data: { respondHash: token.hash },
    });
    if (updated.count !== 1) return false;
    await audit(tx, actor, { action: "connection_request.link_reissued", entityType: "ConnectionRequest", entityId: requestId });
    return true;
  }, TX_OPTIONS);
  if (!changed) return { ok: false };
  const mail = await mailContact(requestId, token.token);
  return { ok: true, mailStatus: mail.status };
}

// ------------------------------------------------------ the contact's answer

/** What the respond page shows for a live token; null when the link is unknown, used or dead. */
export async function findByRespondToken(token: string) {
  if (!isTokenShaped(token)) return null;
  const r = await db.connectionRequest.findUnique({
    where: { respondHash: hashToken(token) },
    include: { supplier: true, customer: true, requestedBy: { select: { name: true, email: true } } },
  });
  if (!r || effectiveStatus(r) !== "PENDING") return null;
  return {
    id: r.id,
    customer: { name: r.customer.name, nameZh: r.customer.nameZh },
    contactEmail: r.contactEmail,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    requester: r.requestedBy,
    supplier: {
      name: r.supplier.name,
      description: r.supplier.description,
      website: r.supplier.website,
      location: [r.supplier.addressLine, r.supplier.city, r.supplier.country].filter(Boolean).join(", "),
      categories: r.supplier.categories,
    },
  };
}

/** The customer contact approves or declines, once, without an account. */
export async function respondToRequest(
  token: string,
  decision: Decision,
  comment: string,
  ip: string,
): Promise<DecideOutcome | { ok: false; error: "tooMany" }> {
  if (!(await hitLimit("respondIp", ip)).allowed) return { ok: false, error: "tooMany" };
  if (!isTokenShaped(token)) return { ok: false, error: "notFound" };
  const respondHash = hashToken(token);
  const row = await db.connectionRequest.findUnique({ where: { respondHash }, select: { id: true } });
  if (!row) return { ok: false, error: "notFound" };
  const res = await decide(row.id, decision, { type: "CONTACT", ip }, comment.trim().slice(0, 1000), { respondHash });
  return res.ok || res.error !== "notPending" ? res : { ok: false, error: "notFound" };
}
