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

// ---- used by customer invitations and supplier users
