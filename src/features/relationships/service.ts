import type { Prisma } from "@/generated/prisma/client";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";

/**
 * The owner of CustomerRelationship: the connection between a supplier company
 * and a customer (its origin, its onboarding state, when it was made). Every
 * other feature reads and changes relationships through these functions, never
 * through the table. Authorisation stays with the caller's scope
 * (`relationshipScope(user)` from src/server/access.ts), passed in as `where`.
 */

export type RelationshipWhere = Prisma.CustomerRelationshipWhereInput;

/** One relationship of a supplier with a customer, or null. */
export function findRelationship(where: RelationshipWhere, client: Tx = db) {
  return client.customerRelationship.findFirst({ where });
}

// ---- used by customer setup and onboarding

// ---- used by profile and the admin area

// ---- used by connection requests

// ---- used by customer invitations and supplier users

/**
 * Connects a supplier to a customer it accepted an invitation from, unless the
 * two are connected already (inside the caller's transaction, audited).
 */
export async function connectByInvitation(tx: Tx, supplierId: string, customerId: string, actor: Actor): Promise<void> {
  const existing = await tx.customerRelationship.findUnique({ where: { supplierId_customerId: { supplierId, customerId } } });
  if (existing) return;
  const rel = await tx.customerRelationship.create({
    data: { supplierId, customerId, origin: "INVITATION", onboardingState: "NOT_STARTED" },
  });
  await audit(tx, actor, {
    action: "relationship.created",
    entityType: "CustomerRelationship",
    entityId: rel.id,
    after: { supplierId, customerId, origin: "INVITATION" },
  });
}

/** Which of `customerIds` the supplier is connected to (access grants name only connected customers). */
export async function connectedAmong(supplierId: string, customerIds: string[], client: Tx = db): Promise<string[]> {
  const rows = await client.customerRelationship.findMany({
    where: { supplierId, customerId: { in: customerIds } },
    select: { customerId: true },
  });
  return rows.map((r) => r.customerId);
}

/** The customers a supplier is connected to, by name (what access can be granted to). */
export async function connectedCustomers(supplierId: string, client: Tx = db): Promise<{ id: string; name: string; nameZh: string }[]> {
  const rows = await client.customerRelationship.findMany({
    where: { supplierId },
    include: { customer: { select: { id: true, name: true, nameZh: true } } },
    orderBy: { customer: { name: "asc" } },
  });
  return rows.map((r) => r.customer);
}
