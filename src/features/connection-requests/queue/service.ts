import type { Prisma } from "@/generated/prisma/client";
import { getAllowance, resetSearchAttempts, type Allowance } from "@/features/connection-requests/rationing";
import type { ContactFlag } from "@/features/connection-requests/normalize";
import { decideRequest, expireStale } from "@/features/connection-requests/service";
import { effectiveStatus, type RequestStatus } from "@/features/connection-requests/state-machine";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import type { Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { BulkDecideInput, DecideInput, QueueFilter } from "./schemas";

/**
 * The staff side of connection requests: the queue across every supplier and
 * customer, a request's full picture, and decisions. Every decision goes
 * through decideRequest, so staff move requests exactly as the state machine
 * and its audit trail allow.
 */

const DAY = 24 * 60 * 60 * 1000;

export function queueWhere(f: QueueFilter, now = new Date()): Prisma.ConnectionRequestWhereInput {
  const and: Prisma.ConnectionRequestWhereInput[] = [];
  // Expiry is derived on read: a pending request past its date is EXPIRED here too.
  if (f.status === "EXPIRED") and.push({ OR: [{ status: "EXPIRED" }, { status: "PENDING", expiresAt: { lte: now } }] });
  else if (f.status === "PENDING") and.push({ status: "PENDING", expiresAt: { gt: now } });
  else if (f.status) and.push({ status: f.status });
  if (f.customerId) and.push({ customerId: f.customerId });
  if (f.olderThan) and.push({ createdAt: { lte: new Date(now.getTime() - f.olderThan * DAY) } });
  if (f.flag === "ANY") and.push({ contactFlags: { not: "" } });
  else if (f.flag) and.push({ contactFlags: { contains: f.flag } });
  if (f.q) {
    and.push({
      OR: [
        { supplier: { name: { contains: f.q } } },
        { customer: { name: { contains: f.q } } },
        { customer: { nameZh: { contains: f.q } } },
        { contactEmail: { contains: f.q.toLowerCase() } },
      ],
    });
  }
  return { AND: and };
}

export interface QueueRow {
  id: string;
  supplierId: string;
  supplierName: string;
  customerName: string;
  customerNameZh: string;
  contactEmail: string;
  contactFlags: ContactFlag[];
  status: RequestStatus;
  createdAt: Date;
  comment: string;
}

const flagsOf = (csv: string) => (csv ? csv.split(",") : []) as ContactFlag[];

/** The queue, oldest first (the ones waiting longest come first), paged in the database. */
export async function listQueue(f: QueueFilter): Promise<Paged<QueueRow>> {
  const now = new Date();
  const where = queueWhere(f, now);
  const { skip, take, page } = pageArgs(f.page);
  const [rows, total] = await Promise.all([
    db.connectionRequest.findMany({
      where,
      include: { supplier: { select: { name: true } }, customer: { select: { name: true, nameZh: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip,
      take,
    }),
    db.connectionRequest.count({ where }),
  ]);
  const items = rows.map((r) => ({
    id: r.id,
    supplierId: r.supplierId,
    supplierName: r.supplier.name,
    customerName: r.customer.name,
    customerNameZh: r.customer.nameZh,
    contactEmail: r.contactEmail,
    contactFlags: flagsOf(r.contactFlags),
    status: effectiveStatus(r, now),
    createdAt: r.createdAt,
    comment: r.comment,
  }));
  return paged(items, total, page);
}

/** One request with the supplier's public profile, its search allowance and the full history. */
export async function queueDetail(id: string) {
  await expireStale({ id });
  const r = await db.connectionRequest.findUnique({
    where: { id },
    include: {
      supplier: { include: { domains: { select: { domain: true } } } },
      customer: { include: { domains: { select: { domain: true } } } },
      requestedBy: { select: { name: true, email: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!r) return null;
  const [auditRows, allowance] = await Promise.all([
    db.auditEvent.findMany({ where: { entityType: "ConnectionRequest", entityId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    getAllowance(r.supplierId),
  ]);
  const actorIds = [...new Set([...r.events.map((e) => e.actorId), ...auditRows.map((a) => a.actorId)].filter((v): v is string => !!v))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(actors.map((a) => [a.id, `${a.name} <${a.email}>`]));
  return {
    id: r.id,
    status: effectiveStatus(r),
    contactEmail: r.contactEmail,
    contactFlags: flagsOf(r.contactFlags),
    comment: r.comment,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    decidedAt: r.decidedAt,
    requestedBy: r.requestedBy,
    customer: { id: r.customer.id, name: r.customer.name, nameZh: r.customer.nameZh, domains: r.customer.domains.map((d) => d.domain) },
    supplier: {
      id: r.supplier.id,
      name: r.supplier.name,
      description: r.supplier.description,
      website: r.supplier.website,
      location: [r.supplier.addressLine, r.supplier.city, r.supplier.country].filter(Boolean).join(", "),
      categories: r.supplier.categories
        ? r.supplier.categories
            .split(",")
            .map((c) => c.trim())
            .filter(Boolean)
        : [],
      domains: r.supplier.domains.map((d) => d.domain),
    },
    allowance,
    events: r.events.map((e) => ({ ...e, actorName: e.actorId ? (nameOf.get(e.actorId) ?? e.actorId) : null })),
    audit: auditRows.map((a) => ({ ...a, actorName: a.actorId ? (nameOf.get(a.actorId) ?? a.actorId) : null })),
  };
}
export type QueueDetail = NonNullable<Awaited<ReturnType<typeof queueDetail>>>;

/** Staff decide one request (decideRequest writes the event, the audit row and tells the supplier). */
export function decideOne(input: DecideInput, actor: Actor) {
  return decideRequest(input.id, input.decision, input.comment, actor);
}

/**
 * Decides each selected request through decideRequest. Requests that are no
 * longer pending (or unknown) are left alone, so a repeated submit changes
 * nothing the second time.
 */
export async function bulkDecide(input: BulkDecideInput, actor: Actor): Promise<{ changed: number; skipped: number }> {
  let changed = 0;
  const ids = [...new Set(input["ids[]"])];
  for (const id of ids) {
    const res = await decideRequest(id, input.decision, input.comment, actor);
    if (res.ok) changed++;
  }
  return { changed, skipped: ids.length - changed };
}

/** Gives the supplier company its search attempts back; null when there is no such company. */
export async function resetAttempts(supplierId: string, actor: Actor): Promise<Allowance | null> {
  const exists = await db.supplierCompany.count({ where: { id: supplierId } });
  if (!exists) return null;
  return resetSearchAttempts(supplierId, actor);
}
