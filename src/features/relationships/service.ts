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

const customerNames = { select: { id: true, name: true, nameZh: true } } as const;

/** One relationship with its customer and every step submission (onboarding answers and the steps' progress). */
export function relationshipWithSubmissions(where: RelationshipWhere, client: Tx = db) {
  return client.customerRelationship.findFirst({ where, include: { customer: true, submissions: true } });
}

/** The relationships of `where` with their customer and each step's status: the Customer Setup list. */
export function relationshipsWithProgress(where: RelationshipWhere) {
  return db.customerRelationship.findMany({
    where,
    include: { customer: true, submissions: { select: { stepKey: true, status: true } } },
  });
}

/** One relationship with each step's status and submission time: a Customer Setup detail. */
export function relationshipProgress(where: RelationshipWhere) {
  return db.customerRelationship.findFirst({
    where,
    include: { submissions: { select: { stepKey: true, status: true, submittedAt: true } } },
  });
}

/** Customers (of `where`) whose onboarding already has answers: where answers can be copied from. */
export async function customersWithAnswers(where: RelationshipWhere) {
  const rows = await db.customerRelationship.findMany({
    where: { AND: [where, { submissions: { some: {} } }] },
    include: { customer: customerNames },
  });
  return rows.map((r) => r.customer);
}

/** Sets a relationship's onboarding state (after a supplier's step changed it). */
export function setOnboardingState(client: Tx, id: string, onboardingState: string) {
  return client.customerRelationship.update({ where: { id }, data: { onboardingState } });
}

/** One relationship by id with its customer (a staff review). */
export function relationshipWithCustomer(id: string, client: Tx = db) {
  return client.customerRelationship.findUnique({ where: { id }, include: { customer: true } });
}

/**
 * Moves an onboarding from state `from` to `to` with staff's note, only if it
 * is still in `from`: the count says whether this call made the change.
 */
export async function moveOnboarding(client: Tx, id: string, from: string, to: string, onboardingNote: string): Promise<boolean> {
  const changed = await client.customerRelationship.updateMany({
    where: { id, onboardingState: from },
    data: { onboardingState: to, onboardingNote },
  });
  return changed.count > 0;
}

/** One relationship with supplier, customer and answers: the staff review page. */
export function relationshipForReview(id: string) {
  return db.customerRelationship.findUnique({
    where: { id },
    include: { customer: true, supplier: { select: { id: true, name: true } }, submissions: true },
  });
}

/** Submitted onboardings waiting for staff, the longest-waiting first. */
export function submittedRelationships(take = 100) {
  return db.customerRelationship.findMany({
    where: { onboardingState: "SUBMITTED" },
    include: { customer: customerNames, supplier: { select: { id: true, name: true } }, submissions: true },
    orderBy: { updatedAt: "asc" },
    take,
  });
}

// ---- used by profile and the admin area

/** The relationships of `where` with their customer's names, oldest first (profile sharing). */
export function relationshipsWithCustomerNames(where: RelationshipWhere) {
  return db.customerRelationship.findMany({
    where,
    include: { customer: { select: { id: true, name: true, nameZh: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** One relationship of `where` with its customer's names, or null (the profile preview). */
export function relationshipWithCustomerNames(where: RelationshipWhere) {
  return db.customerRelationship.findFirst({ where, include: { customer: { select: { id: true, name: true, nameZh: true } } } });
}

/** The relationship of one supplier with one customer, or null (what a customer may see of a supplier). */
export function relationshipBetween(supplierId: string, customerId: string) {
  return db.customerRelationship.findUnique({ where: { supplierId_customerId: { supplierId, customerId } } });
}

/** Which private profile sections a customer may see (comma separated). */
export function setSharedSections(client: Tx, id: string, sharedSections: string) {
  return client.customerRelationship.update({ where: { id }, data: { sharedSections } });
}

/** How many onboardings wait for staff review (the admin dashboard). */
export function countSubmittedOnboardings() {
  return db.customerRelationship.count({ where: { onboardingState: "SUBMITTED" } });
}

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
