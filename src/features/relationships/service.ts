import type { Prisma } from "@/generated/prisma/client";
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

/** Whether the supplier is already connected to the customer. */
export async function isConnected(supplierId: string, customerId: string, client: Tx = db): Promise<boolean> {
  const found = await client.customerRelationship.findUnique({
    where: { supplierId_customerId: { supplierId, customerId } },
    select: { id: true },
  });
  return found !== null;
}

/** The ids of the customers the supplier is connected to. */
export async function connectedCustomerIds(supplierId: string): Promise<string[]> {
  const rows = await db.customerRelationship.findMany({ where: { supplierId }, select: { customerId: true } });
  return rows.map((r) => r.customerId);
}

/**
 * Connects a supplier and a customer because a request was approved, inside
 * the caller's transaction. Returns the new relationship, or null when they
 * were connected already (the caller writes the audit row).
 */
export async function connectByRequest(tx: Tx, supplierId: string, customerId: string) {
  if (await isConnected(supplierId, customerId, tx)) return null;
  return tx.customerRelationship.create({ data: { supplierId, customerId, origin: "REQUEST" } });
}

/**
 * Potential customers, the one rule (the suggestions on Connection Requests
 * and the "potential" group of Setup → Customers): customers with an email
 * domain equal to one of the supplier company's domains, that the supplier is
 * not connected to and has no open (pending, unexpired) connection request
 * with. `scope` is the caller's customer scope; sorted by name.
 */
export async function potentialCustomers(supplierId: string, scope: Prisma.CustomerWhereInput = {}) {
  const domains = await db.supplierDomain.findMany({ where: { supplierId }, select: { domain: true } });
  if (domains.length === 0) return [];
  return db.customer.findMany({
    where: {
      AND: [
        scope,
        { domains: { some: { domain: { in: domains.map((d) => d.domain) } } } },
        { relationships: { none: { supplierId } } },
        { requests: { none: { supplierId, status: "PENDING", expiresAt: { gt: new Date() } } } },
      ],
    },
    orderBy: { name: "asc" },
  });
}

// ---- used by customer invitations and supplier users
