import { cache } from "react";
import { mustEnrol } from "@/features/second-factor/service";
import { loadLiveSession, type SessionClaims } from "@/features/sessions/service";
import { parsePermissions, type Permission, type StaffRole } from "@/lib/permissions";
import { auth } from "./auth";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  kind: "SUPPLIER" | "STAFF";
  staffRole: StaffRole | null;
  supplierId: string | null;
  permissions: Permission[];
  allCustomers: boolean;
  /** The server-side session this request belongs to ("this device" on the security page) */
  sessionId?: string;
  /** Set when the user must enrol a second factor before going on (staff; users of a company that requires it) */
  mustEnrol?: boolean;
  /** When this session last proved who the user is (sign-in or a step-up check); sensitive changes need it recent */
  verifiedAt?: Date | null;
}

/**
 * The signed-in user, checked against the database on every request (session
 * and user in one query): a signed-out, revoked or expired session, a
 * deactivated user or a session older than the last password reset is nobody.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const live = await loadLiveSession((await auth()) as SessionClaims | null);
  if (!live) return null;
  const { user, session } = live;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    kind: user.kind as SessionUser["kind"],
    staffRole: user.staffRole as StaffRole | null,
    supplierId: user.supplierId,
    permissions: parsePermissions(user.permissions),
    allCustomers: user.allCustomers,
    sessionId: session.id,
    mustEnrol: mustEnrol(user) || undefined,
    verifiedAt: session.verifiedAt,
  };
});
