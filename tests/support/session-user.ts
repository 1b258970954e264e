import { parsePermissions } from "@/lib/permissions";
import type { SessionUser } from "@/server/session";

/** The session user a sign-in would give for a User row: what tests put behind a stubbed getSessionUser. */
export function sessionOf(u: {
  id: string;
  email: string;
  name: string;
  kind: string;
  staffRole: string | null;
  supplierId: string | null;
  permissions: string;
  allCustomers?: boolean;
}): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: "en",
    kind: u.kind as SessionUser["kind"],
    staffRole: u.staffRole as SessionUser["staffRole"],
    supplierId: u.supplierId,
    permissions: parsePermissions(u.permissions),
    allCustomers: u.allCustomers ?? true,
    // A session that has just signed in: sensitive (step-up) actions need no new check.
    verifiedAt: new Date(),
  };
}
