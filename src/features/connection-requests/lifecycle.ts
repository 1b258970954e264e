import type { Prisma } from "@/generated/prisma/client";
import { recipientsWanting } from "@/features/notifications/preferences";
import { notify } from "@/features/notifications/service";
import { connectByRequest } from "@/features/relationships/service";
import { customerName } from "@/lib/customer-name";
import { isLng } from "@/lib/i18n/config";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import type { Decision } from "./schemas";
import { canTransition, type RequestActor, type RequestStatus } from "./state-machine";

/**
 * Connection requests, stage two: a pending request's life after it is sent.
 * Staff decide it, the supplier cancels it, or it expires; every move is one
 * transaction with its history event, audit row, the relationship on approval
 * and the requesters' notifications, then an email to the requesters.
 * The contact's own answer (by the emailed link) is in ./respond.ts.
 */

export interface SupplierActor {
  userId: string;
  supplierId: string;
  ip?: string;
  /** The customers this user may see (customerScope); requests of others are not found */
  customers?: Prisma.CustomerWhereInput;
}

export const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

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

// ------------------------------------------------------------- transitions

export interface TransitionActor {
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
export async function applyTransition(
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
    const rel = await connectByRequest(tx, r.supplierId, r.customerId);
    if (rel) {
      await audit(tx, auditActor(actor.type, actor.id, actor.ip), {
        action: "relationship.created",
        entityType: "CustomerRelationship",
        entityId: rel.id,
        after: { supplierId: r.supplierId, customerId: r.customerId, origin: "REQUEST", requestId },
      });
    }
  }
  const recipients = (await requesterIds(tx, r.supplierId)).filter((id) => !(actor.type === "SUPPLIER" && id === actor.id));
  await notify(tx, recipients, `requests:events.${to.toLowerCase()}`, { customer: r.customer.name, customerId: r.customerId, comment }, "/setup/requests");
  return true;
}

/** Emails the supplier's requesters about a change (after it is committed). */
export async function announce(requestId: string, status: RequestStatus, exceptUserId?: string): Promise<void> {
  const r = await db.connectionRequest.findUniqueOrThrow({ where: { id: requestId }, include: { customer: true } });
  const wanting = await recipientsWanting(db, await requesterIds(db, r.supplierId), "connections", "email");
  const users = await db.user.findMany({ where: { id: { in: wanting } } });
  for (const u of users) {
    if (u.id === exceptUserId) continue;
    const locale = isLng(u.locale) ? u.locale : "en";
    await sendMail({
      to: u.email,
      locale,
      template: `requests:mail.${status.toLowerCase()}`,
      params: {
        customer: customerName(r.customer, locale),
        comment: r.comment || "—",
        contact: r.contactEmail,
      },
      actionUrl: portalUrl(`/${locale}/setup/requests`),
    });
  }
}

export type DecideOutcome = { ok: true } | { ok: false; error: "notFound" | "notPending" };

/** One decision on a pending request: expire it first if due, move it, then tell the requesters. */
export async function decide(
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
