import type { Prisma } from "@/generated/prisma/client";
import type { Permission } from "@/lib/permissions";
import type { SessionUser } from "@/server/session";

/** What the scope helpers need to know about the caller. */
export type ScopedUser = Pick<SessionUser, "id" | "allCustomers"> & { supplierId: string };

/**
 * The one rule for which customers a user may see, as a Prisma where-fragment
 * on Customer (docs/decisions/0007). Put it inside every query that reads or
 * changes anything of a customer, by page and by action: a supplier user with
 * allCustomers=false sees only those in UserCustomerAccess; an admin sees every
 * customer whatever its flag says; a caller that is not a supplier user (staff,
 * a user without a company) sees none through it. Not for the directory
 * search: finding a new customer is not seeing a connected one.
 */
export function customerScope(
  user: Pick<ScopedUser, "id" | "allCustomers"> & {
    permissions?: readonly Permission[];
    kind?: SessionUser["kind"];
    supplierId?: string | null;
  },
): Prisma.CustomerWhereInput {
  if ((user.kind !== undefined && user.kind !== "SUPPLIER") || user.supplierId === null) return { id: { in: [] } };
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
