import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import type { AuditFilter } from "./schemas";

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  /** The acting user's email when the actor is a user or staff member */
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const DAY = 24 * 60 * 60 * 1000;

function parseJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Builds the query for a filter. An actor with "@" is an email (partial match), otherwise an id. */
async function whereFor(filter: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) {
    if (filter.actor.includes("@")) {
      const users = await db.user.findMany({ where: { email: { contains: filter.actor.toLowerCase() } }, select: { id: true }, take: 500 });
      where.actorId = { in: users.map((u) => u.id) };
    } else {
      where.actorId = filter.actor;
    }
  }
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.action) where.action = { contains: filter.action };
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
      // "to" is inclusive: everything before the next day starts.
      ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY) } : {}),
    };
  }
  return where;
}

/** Every audit event matching the filter, newest first, one page at a time. */
export async function listAuditEvents(filter: AuditFilter): Promise<Paged<AuditRow>> {
  const where = await whereFor(filter);
  const { skip, take, page } = pageArgs(filter.page);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
    db.auditEvent.count({ where }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((v): v is string => !!v))];
  const users = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return paged(
    rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      actorType: r.actorType,
      actorId: r.actorId,
      actorEmail: r.actorId ? (emails.get(r.actorId) ?? null) : null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: parseJson(r.before),
      after: parseJson(r.after),
      ip: r.ip,
    })),
    total,
    page,
  );
}

/** The entity types and actions seen so far, for the filter pickers. */
export async function auditVocabulary(): Promise<{ entityTypes: string[]; actions: string[] }> {
  const [types, actions] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entityTypes: types.map((t) => t.entityType), actions: actions.map((a) => a.action) };
}
