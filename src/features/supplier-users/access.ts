import type { Prisma } from "@/generated/prisma/client";
import { customerScope } from "@/features/customer-setup/scope";
import type { SessionUser } from "@/server/session";

/**
 * Which customers a supplier user may see, as a Prisma `where` fragment on
 * Customer: the rule itself is `customerScope` (customer-setup/scope.ts); this
 * adds that staff and users without a company see none. A user either sees every customer of the company
 * (`User.allCustomers`, always true for admins) or only those listed in
 * `UserCustomerAccess` (set on Setup -> Admin).
 *
 * It limits by the user's access only; combine it with the company's own
 * scope, e.g. customer setup:
 *   db.customerRelationship.findMany({ where: { supplierId, customer: visibleCustomerWhere(user) } })
 * and connection requests:
 *   db.connectionRequest.findMany({ where: { supplierId, customer: visibleCustomerWhere(user) } })
 * Do not apply it to the customer directory search: finding a new customer is
 * not seeing a connected one.
 *
 * A user that is not a supplier user sees no customer through it.
 */
export function visibleCustomerWhere(
  user: Pick<SessionUser, "id" | "kind" | "supplierId" | "allCustomers" | "permissions">,
): Prisma.CustomerWhereInput {
  if (user.kind !== "SUPPLIER" || !user.supplierId) return { id: { in: [] } };
  return customerScope(user);
}
