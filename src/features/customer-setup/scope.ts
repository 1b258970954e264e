import type { Prisma } from "@/generated/prisma/client";
import type { Permission } from "@/lib/permissions";
import type { SessionUser } from "@/server/session";

/** What the scope helpers need to know about the caller. */
export type ScopedUser = Pick<SessionUser, "id" | "allCustomers"> & { supplierId: string };

/**
 * The customers a supplier user may see, as a Prisma where-fragment on
 * Customer. Put it inside every query that reads or changes anything of a
 * customer: a user with allCustomers=false sees only those in
 * UserCustomerAccess, by page and by action.
 */
export function customerScope(
  user: Pick<ScopedUser, "id" | "allCustomers"> & { permissions?: readonly Permission[] },
): Prisma.CustomerWhereInput {
  // An admin always sees every customer, whatever its allCustomers flag says.
  return user.allCustomers || user.permissions?.includes("admin") ? {} : { userAccess: { some: { userId: user.id } } };
}

/** The caller's relationships (their company's, with customers in scope). */
export function relationshipScope(user: ScopedUser): Prisma.CustomerRelationshipWhereInput {
  return { supplierId: user.supplierId, customer: customerScope(user) };
}

/** Narrows a session user to a supplier user, or null for staff / users without a company. */
export function asScopedUser(user: SessionUser): (ScopedUser & SessionUser) | null {
  return user.kind === "SUPPLIER" && user.supplierId ? { ...user, supplierId: user.supplierId } : null;
}

/** The customer's name in the reader's language. */
export function customerName(c: { name: string; nameZh: string }, lng: string): string {
  return lng === "zh" && c.nameZh ? c.nameZh : c.name;
}
