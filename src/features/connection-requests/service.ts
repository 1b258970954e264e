import { Prisma } from "@/generated/prisma/client";
import { notify } from "@/features/notifications/service";
import { isFreeMailDomain } from "@/lib/free-mail";
import { isLng } from "@/lib/i18n/config";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { hitLimit } from "@/server/rate-limit";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import { CaptchaReused, checkCaptcha, consumeCaptcha, pruneUsedCaptchas } from "./captcha";
import { contactFlags, onDomain, type ContactFlag } from "./normalize";
import type { Decision, ListQuery, RequestConnectionInput } from "./schemas";
import {
  canTransition,
  effectiveStatus,
  expiryFrom,
  MAX_REQUESTS_PER_CUSTOMER,
  pendingKeyFor,
  type RequestActor,
  type RequestStatus,
} from "./state-machine";

/**
 * Connection requests: a supplier asks a customer in the directory to connect;
 * the customer's contact (by an emailed link) or support staff decide. Every
 * change is one transaction with its history event and audit row.
 */

export interface SupplierActor {
  userId: string;
  supplierId: string;
  ip?: string;
  /** The customers this user may see (customerScope); requests of others are not found */
  customers?: Prisma.CustomerWhereInput;
}

const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

const auditActor = (type: RequestActor, id?: string | null, ip?: string): Actor =>
  type === "SUPPLIER" ? { type: "USER", id: id ?? "", ip } : type === "STAFF" ? { type: "STAFF", id: id ?? "", ip } : { type, id: id ?? undefined, ip };

/** Users of the company who may request connections (admins hold every permission). */
async function requesterIds(tx: Tx, supplierId: string): Promise<string[]> {
  const users = await tx.user.findMany({
    where: {
      supplierId,
      status: "ACTIVE",
      OR: [{ permissions: { contains: "admin" } }, { permissions: { contains: "requests" } }],
    },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

// ------------------------------------------------------------ contact checks

export async function checkContact(customerId: string, contactEmail: string): Promise<ContactFlag[] | null> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, include: { domains: true } });
  if (!customer) return null;
  return contactFlags(contactEmail, customer.domains.map((d) => d.domain), isFreeMailDomain);
}

// ----------------------------------------------------------------- create

export type RequestError = "notFound" | "askForInvitation" | "alreadyConnected" | "alreadyPending" | "tooMany" | "captcha";
export type CreateOutcome =
  | { ok: true; requestId: string; status: RequestStatus; duplicate: boolean; flags: ContactFlag[] }
  | { ok: false; error: RequestError };

class RuleBroken extends Error {
  constructor(readonly code: RequestError) {
    super(code);
  }
}

/**
 * The auto-approve rule "OWN_DOMAIN_INVITED": the contact is on one of the
 * customer's domains and the customer invited this supplier before (an
 * invitation, in any state, to one of its users or an address on its domains).
 */
async function qualifiesForAutoApprove(
  tx: Tx,
  customer: { id: string; autoApproveRule: string; domains: { domain: string }[] },
  supplierId: string,
  contactEmail: string,
): Promise<boolean> {
  if (customer.autoApproveRule !== "OWN_DOMAIN_INVITED") return false;
  if (!onDomain(contactEmail, customer.domains.map((d) => d.domain))) return false;
  const [users, domains] = await Promise.all([
    tx.user.findMany({ where: { supplierId }, select: { email: true } }),
    tx.supplierDomain.findMany({ where: { supplierId }, select: { domain: true } }),
  ]);
  const invitations = await tx.invitation.findMany({ where: { customerId: customer.id }, select: { email: true } });
  const ours = new Set(users.map((u) => u.email.toLowerCase()));
  const supplierDomains = domains.map((d) => d.domain);
  // Any invitation (accepted, revoked or pending) means the customer invited this supplier before.
  return invitations.some((i) => ours.has(i.email.toLowerCase()) || onDomain(i.email, supplierDomains));
}

/**
 * Sends a connection request from the dialog. Enforced here: the CAPTCHA (once),
 * the customer accepting requests, no existing connection, one pending request
 * per customer, at most three requests per customer, and one request per
 * dialog submit however often it arrives.
 */
export async function requestConnection(input: RequestConnectionInput, actor: SupplierActor): Promise<CreateOutcome> {
  const { supplierId, userId } = actor;
  const pendingKey = pendingKeyFor(supplierId, input.customerId);
  const idempotencyKey = `${input.idempotencyKey}:${pendingKey}`;

  const existing = () =>
    db.connectionRequest.findFirst({ where: { idempotencyKey, supplierId }, select: { id: true, status: true, expiresAt: true, contactFlags: true } });
  const asDuplicate = (row: { id: string; status: string; expiresAt: Date; contactFlags: string }): CreateOutcome => ({
    ok: true,
    requestId: row.id,
    status: effectiveStatus(row),
    duplicate: true,
    flags: (row.contactFlags ? row.contactFlags.split(",") : []) as ContactFlag[],
  });

  const before = await existing();
  if (before) return asDuplicate(before);

  const captcha = await checkCaptcha(input.captcha);
  if (!captcha.ok) return { ok: false, error: "captcha" };

  await expireStale({ supplierId, customerId: input.customerId });

  const token = newToken();
  let created: { id: string; status: RequestStatus; flags: ContactFlag[]; autoApproved: boolean };
  try {
    created = await db.$transaction(async (tx) => {
      const customer = await tx.customer.findUnique({ where: { id: input.customerId }, include: { domains: true } });
      if (!customer) throw new RuleBroken("notFound");
      if (!customer.acceptsRequests) throw new RuleBroken("askForInvitation");
      const connected = await tx.customerRelationship.findUnique({
        where: { supplierId_customerId: { supplierId, customerId: customer.id } },
      });
      if (connected) throw new RuleBroken("alreadyConnected");
      const pending = await tx.connectionRequest.findUnique({ where: { pendingKey } });
      if (pending) throw new RuleBroken("alreadyPending");
      const count = await tx.connectionRequest.count({ where: { supplierId, customerId: customer.id } });
      if (count >= MAX_REQUESTS_PER_CUSTOMER) throw new RuleBroken("tooMany");

      await consumeCaptcha(tx, captcha.nonce);
      const flags = contactFlags(input.contactEmail, customer.domains.map((d) => d.domain), isFreeMailDomain);
      const now = new Date();
      const request = await tx.connectionRequest.create({
        data: {
          supplierId,
          customerId: customer.id,
          requestedById: userId,
          contactEmail: input.contactEmail,
          contactFlags: flags.join(","),
          locale: input.contactLocale,
          status: "PENDING",
          respondHash: token.hash,
          idempotencyKey,
          pendingKey,
          expiresAt: expiryFrom(now),
          createdAt: now,
        },
      });
      await tx.connectionRequestEvent.create({
        data: { requestId: request.id, fromStatus: null, toStatus: "PENDING", actorType: "SUPPLIER", actorId: userId },
      });
      await audit(tx, { type: "USER", id: userId, ip: actor.ip }, {
        action: "connection_request.created",
        entityType: "ConnectionRequest",
        entityId: request.id,
        after: { customerId: customer.id, contactEmail: input.contactEmail, contactFlags: flags },
      });
      await pruneUsedCaptchas(tx);

      const autoApproved = await qualifiesForAutoApprove(tx, customer, supplierId, input.contactEmail);
      if (autoApproved) {
        await applyTransition(tx, request.id, "APPROVED", { type: "SYSTEM" }, "", {});
      }
      return { id: request.id, status: autoApproved ? ("APPROVED" as const) : ("PENDING" as const), flags, autoApproved };
    }, TX_OPTIONS);
  } catch (error) {
    // A concurrent copy of the same submit may have won meanwhile: answer with its request.
    const winner = await existing();
    if (winner) return asDuplicate(winner);
    if (error instanceof RuleBroken) return { ok: false, error: error.code };
    const unique = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (unique || error instanceof CaptchaReused) {
      return { ok: false, error: unique ? "alreadyPending" : "captcha" };
    }
    throw error;
  }

  if (created.autoApproved) {
    await announce(created.id, "APPROVED");
  } else {
    await mailContact(created.id, token.token);
  }
  return { ok: true, requestId: created.id, status: created.status, duplicate: false, flags: created.flags };
}

/** The email to the customer's contact: the supplier's public profile and the two answers. */
async function mailContact(requestId: string, token: string): Promise<{ id: string; status: string }> {
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
      customer: locale === "zh" && r.customer.nameZh ? r.customer.nameZh : r.customer.name,
      requester: r.requestedBy.name,
      requesterEmail: r.requestedBy.email,
      description: s.description || "—",
      website: s.website || "—",
      location: [s.addressLine, s.city, s.country].filter(Boolean).join(", ") || "—",
      categories: s.categories || "—",
      expires: r.expiresAt.toISOString().slice(0, 10),
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

// ------------------------------------------------------------- transitions

interface TransitionActor {
  type: RequestActor;
  id?: string;
  ip?: string;
}

/**
 * Moves a pending request, inside the caller's transaction: the status, the
 * history event, the audit row, the relationship on approval and the
 * requesters' notifications. Returns false when the request is no longer
 * pending (decided, cancelled or expired) or outside `scope`.
 */
async function applyTransition(
  tx: Tx,
  requestId: string,
  to: RequestStatus,
  actor: TransitionActor,
  comment: string,
  scope: Prisma.ConnectionRequestWhereInput,
): Promise<boolean> {
  if (!canTransition("PENDING", to, actor.type)) return false;
  const now = new Date();
  const moved = await tx.connectionRequest.updateMany({
    where: {
      id: requestId,
      status: "PENDING",
      ...(to === "EXPIRED" ? { expiresAt: { lte: now } } : { expiresAt: { gt: now } }),
      ...scope,
    },
    data: { status: to, comment, decidedAt: now, pendingKey: null, respondHash: null },
  });
  if (moved.count === 0) return false;
  const r = await tx.connectionRequest.findUniqueOrThrow({ where: { id: requestId }, include: { customer: true } });
  await tx.connectionRequestEvent.create({
    data: { requestId, fromStatus: "PENDING", toStatus: to, actorType: actor.type, actorId: actor.id ?? null, comment },
  });
  await audit(tx, auditActor(actor.type, actor.id, actor.ip), {
    action: `connection_request.${to.toLowerCase()}`,
    entityType: "ConnectionRequest",
    entityId: requestId,
    before: { status: "PENDING" },
    after: { status: to, comment },
  });
  if (to === "APPROVED") {
    const existing = await tx.customerRelationship.findUnique({
      where: { supplierId_customerId: { supplierId: r.supplierId, customerId: r.customerId } },
    });
    if (!existing) {
      const rel = await tx.customerRelationship.create({
        data: { supplierId: r.supplierId, customerId: r.customerId, origin: "REQUEST" },
      });
      await audit(tx, auditActor(actor.type, actor.id, actor.ip), {
        action: "relationship.created",
        entityType: "CustomerRelationship",
        entityId: rel.id,
        after: { supplierId: r.supplierId, customerId: r.customerId, origin: "REQUEST", requestId },
      });
    }
  }
  const recipients = (await requesterIds(tx, r.supplierId)).filter((id) => !(actor.type === "SUPPLIER" && id === actor.id));
  await notify(tx, recipients, `requests:events.${to.toLowerCase()}`, { customer: r.customer.name, comment }, "/setup/requests");
  return true;
}

/** Emails the supplier's requesters about a change (after it is committed). */
async function announce(requestId: string, status: RequestStatus, exceptUserId?: string): Promise<void> {
  const r = await db.connectionRequest.findUniqueOrThrow({ where: { id: requestId }, include: { customer: true } });
  const users = await db.user.findMany({ where: { id: { in: await requesterIds(db, r.supplierId) } } });
  for (const u of users) {
    if (u.id === exceptUserId) continue;
    const locale = isLng(u.locale) ? u.locale : "en";
    await sendMail({
      to: u.email,
      locale,
      template: `requests:mail.${status.toLowerCase()}`,
      params: {
        customer: locale === "zh" && r.customer.nameZh ? r.customer.nameZh : r.customer.name,
        comment: r.comment || "—",
        contact: r.contactEmail,
      },
      actionUrl: portalUrl(`/${locale}/setup/requests`),
    });
  }
}

export type DecideOutcome = { ok: true } | { ok: false; error: "notFound" | "notPending" };

async function decide(
  requestId: string,
  to: RequestStatus,
  actor: TransitionActor,
  comment: string,
  scope: Prisma.ConnectionRequestWhereInput,
): Promise<DecideOutcome> {
  await expireStale({ id: requestId });
  const moved = await db.$transaction((tx) => applyTransition(tx, requestId, to, actor, comment, scope), TX_OPTIONS);
  if (!moved) {
    const { respondHash: _, ...visible } = scope;
    const exists = await db.connectionRequest.count({ where: { id: requestId, ...visible } });
    return { ok: false, error: exists ? "notPending" : "notFound" };
  }
  await announce(requestId, to, actor.type === "SUPPLIER" ? actor.id : undefined);
  return { ok: true };
}

/** Support staff approve or reject a pending request (the admin page calls this). */
export async function decideRequest(requestId: string, decision: Decision, comment: string, actor: Actor): Promise<DecideOutcome> {
  if (actor.type !== "STAFF") throw new Error("Only support staff decide requests");
  return decide(requestId, decision, { type: "STAFF", id: actor.id, ip: actor.ip }, comment.trim().slice(0, 1000), {});
}

/** The supplier withdraws its own pending request. */
export async function cancelRequest(requestId: string, actor: SupplierActor): Promise<DecideOutcome> {
  return decide(requestId, "CANCELLED", { type: "SUPPLIER", id: actor.userId, ip: actor.ip }, "", {
    supplierId: actor.supplierId,
    customer: actor.customers ?? {},
  });
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

// ------------------------------------------------------------------ expiry

/**
 * Writes down what reads already show: pending requests past their date are
 * expired (event, audit, notifications, emails). Runs lazily before reads
 * and changes; a scheduled job may call it too.
 */
export async function expireStale(where: Prisma.ConnectionRequestWhereInput = {}): Promise<number> {
  const stale = await db.connectionRequest.findMany({
    where: { ...where, status: "PENDING", expiresAt: { lte: new Date() } },
    select: { id: true },
    take: 200,
  });
  let done = 0;
  for (const { id } of stale) {
    const moved = await db.$transaction((tx) => applyTransition(tx, id, "EXPIRED", { type: "SYSTEM" }, "", {}), TX_OPTIONS);
    if (moved) {
      done++;
      await announce(id, "EXPIRED");
    }
  }
  return done;
}

// ------------------------------------------------------------------- reads

export const PAGE_SIZE = 20;

function listWhere(supplierId: string, q: ListQuery, now: Date, customers: Prisma.CustomerWhereInput): Prisma.ConnectionRequestWhereInput {
  const and: Prisma.ConnectionRequestWhereInput[] = [{ supplierId, customer: customers }];
  if (q.status === "EXPIRED") and.push({ OR: [{ status: "EXPIRED" }, { status: "PENDING", expiresAt: { lte: now } }] });
  else if (q.status === "PENDING") and.push({ status: "PENDING", expiresAt: { gt: now } });
  else if (q.status) and.push({ status: q.status });
  if (q.q) {
    and.push({
      OR: [
        { customer: { name: { contains: q.q } } },
        { customer: { nameZh: { contains: q.q } } },
        { contactEmail: { contains: q.q.toLowerCase() } },
        { comment: { contains: q.q } },
      ],
    });
  }
  return { AND: and };
}

function listOrder(q: ListQuery): Prisma.ConnectionRequestOrderByWithRelationInput[] {
  const dir = q.dir;
  const primary: Prisma.ConnectionRequestOrderByWithRelationInput =
    q.sort === "customer"
      ? { customer: { name: dir } }
      : q.sort === "status"
        ? { status: dir }
        : q.sort === "email"
          ? { contactEmail: dir }
          : q.sort === "comment"
            ? { comment: dir }
            : { createdAt: dir };
  return [primary, { createdAt: "desc" }, { id: "asc" }];
}

export interface RequestRow {
  id: string;
  customerId: string;
  customerName: string;
  customerNameZh: string;
  status: RequestStatus;
  contactEmail: string;
  contactFlags: ContactFlag[];
  createdAt: Date;
  decidedAt: Date | null;
  comment: string;
  requestedBy: string;
}

function toRow(r: Prisma.ConnectionRequestGetPayload<{ include: { customer: true; requestedBy: true } }>, now: Date): RequestRow {
  return {
    id: r.id,
    customerId: r.customerId,
    customerName: r.customer.name,
    customerNameZh: r.customer.nameZh,
    status: effectiveStatus(r, now),
    contactEmail: r.contactEmail,
    contactFlags: (r.contactFlags ? r.contactFlags.split(",") : []) as ContactFlag[],
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    comment: r.comment,
    requestedBy: r.requestedBy.name,
  };
}

/**
 * The table: filtered, searched, sorted and paged in the database. `customers`
 * limits it to the customers the viewer may see (customerScope).
 */
export async function listRequests(supplierId: string, q: ListQuery, customers: Prisma.CustomerWhereInput = {}, pageSize = PAGE_SIZE) {
  await expireStale({ supplierId });
  const now = new Date();
  const where = listWhere(supplierId, q, now, customers);
  const [total, rows] = await Promise.all([
    db.connectionRequest.count({ where }),
    db.connectionRequest.findMany({
      where,
      include: { customer: true, requestedBy: true },
      orderBy: listOrder(q),
      skip: (q.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, page: q.page, pages: Math.max(1, Math.ceil(total / pageSize)), rows: rows.map((r) => toRow(r, now)) };
}

/** Every matching row, for the CSV export (capped). */
export async function exportRequests(supplierId: string, q: ListQuery, customers: Prisma.CustomerWhereInput = {}): Promise<RequestRow[]> {
  await expireStale({ supplierId });
  const now = new Date();
  const rows = await db.connectionRequest.findMany({
    where: listWhere(supplierId, q, now, customers),
    include: { customer: true, requestedBy: true },
    orderBy: listOrder(q),
    take: 10_000,
  });
  return rows.map((r) => toRow(r, now));
}

/** A request's history, oldest first (for the supplier and for staff). */
export async function requestHistory(requestId: string, supplierId?: string) {
  const r = await db.connectionRequest.findFirst({
    where: { id: requestId, ...(supplierId ? { supplierId } : {}) },
    include: { events: { orderBy: { createdAt: "asc" } } },
  });
  return r?.events ?? null;
}

export interface Suggestion {
  customerId: string;
  name: string;
  nameZh: string;
  reason: "INVITATION" | "DOMAIN";
  acceptsRequests: boolean;
}

/**
 * Customers the supplier probably works with: a pending invitation to one of
 * its users, or a customer domain equal to one of the company's domains.
 * Connected customers and those with a pending request are left out.
 */
export async function suggestions(supplierId: string): Promise<Suggestion[]> {
  const now = new Date();
  const [users, domains, connected, pending] = await Promise.all([
    db.user.findMany({ where: { supplierId }, select: { email: true } }),
    db.supplierDomain.findMany({ where: { supplierId }, select: { domain: true } }),
    db.customerRelationship.findMany({ where: { supplierId }, select: { customerId: true } }),
    db.connectionRequest.findMany({ where: { supplierId, status: "PENDING", expiresAt: { gt: now } }, select: { customerId: true } }),
  ]);
  const skip = new Set([...connected, ...pending].map((r) => r.customerId));
  const [invited, sameDomain] = await Promise.all([
    db.invitation.findMany({
      where: { status: "PENDING", expiresAt: { gt: now }, email: { in: users.map((u) => u.email) } },
      include: { customer: true },
      take: 50,
    }),
    domains.length
      ? db.customer.findMany({ where: { domains: { some: { domain: { in: domains.map((d) => d.domain) } } } }, take: 50 })
      : Promise.resolve([]),
  ]);
  const out = new Map<string, Suggestion>();
  for (const i of invited) {
    if (!skip.has(i.customerId)) {
      out.set(i.customerId, { customerId: i.customerId, name: i.customer.name, nameZh: i.customer.nameZh, reason: "INVITATION", acceptsRequests: i.customer.acceptsRequests });
    }
  }
  for (const c of sameDomain) {
    if (!skip.has(c.id) && !out.has(c.id)) {
      out.set(c.id, { customerId: c.id, name: c.name, nameZh: c.nameZh, reason: "DOMAIN", acceptsRequests: c.acceptsRequests });
    }
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
