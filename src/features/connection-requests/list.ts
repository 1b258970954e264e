import type { Prisma } from "@/generated/prisma/client";
import { potentialCustomers } from "@/features/customers/service";
import { connectedCustomerIds } from "@/features/relationships/service";
import { db } from "@/server/db";
import { expireStale } from "./lifecycle";
import type { ContactFlag } from "./normalize";
import type { ListQuery } from "./schemas";
import { effectiveStatus, type RequestStatus } from "./state-machine";

/**
 * Connection requests, the reads: the supplier's table (filtered, searched,
 * sorted and paged in the database), its CSV export, a request's history, and
 * the customers suggested above the table. Reads write down expiries first.
 */

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
 * its users, or a potential customer (relationships' one rule: the same email
 * domain, not connected, no open request). Customers with an open request are
 * left out of both.
 */
export async function suggestions(supplierId: string): Promise<Suggestion[]> {
  const now = new Date();
  const [users, connected, pending, sameDomain] = await Promise.all([
    db.user.findMany({ where: { supplierId }, select: { email: true } }),
    connectedCustomerIds(supplierId),
    db.connectionRequest.findMany({ where: { supplierId, status: "PENDING", expiresAt: { gt: now } }, select: { customerId: true } }),
    potentialCustomers(supplierId),
  ]);
  const invited = await db.invitation.findMany({
    where: {
      status: "PENDING",
      expiresAt: { gt: now },
      email: { in: users.map((u) => u.email) },
      customerId: { notIn: [...connected, ...pending.map((r) => r.customerId)] },
    },
    include: { customer: true },
    take: 50,
  });
  const out = new Map<string, Suggestion>();
  for (const i of invited) {
    out.set(i.customerId, {
      customerId: i.customerId,
      name: i.customer.name,
      nameZh: i.customer.nameZh,
      reason: "INVITATION",
      acceptsRequests: i.customer.acceptsRequests,
    });
  }
  for (const c of sameDomain) {
    if (!out.has(c.id)) {
      out.set(c.id, { customerId: c.id, name: c.name, nameZh: c.nameZh, reason: "DOMAIN", acceptsRequests: c.acceptsRequests });
    }
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
