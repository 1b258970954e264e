import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { mustEnrol } from "@/features/second-factor/service";
import { loadLiveSession, type SessionClaims } from "@/features/sessions/service";
import { parsePermissions, type Permission, type StaffRole } from "@/lib/permissions";
import { auth } from "./auth";
import { env } from "./env";

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

/** next-auth's session cookie: the `__Secure-` name over https. The name is also the key-derivation salt. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The claims of the session cookie: decrypted and checked (expiry included)
 * with next-auth's own `decode` and AUTH_SECRET, exactly what `auth()` reads.
 * `auth()` runs next-auth's whole session endpoint per call (a Request, the
 * callbacks, and a re-encrypted cookie a page cannot even set); this is one
 * decryption (docs/benchmarks.md). A cookie split into chunks (`.0`, `.1`,
 * never the case for our small token) goes through `auth()`.
 */
export async function sessionClaimsFrom(read: (name: string) => string | undefined): Promise<SessionClaims | null | "chunked"> {
  for (const name of SESSION_COOKIES) {
    const token = read(name);
    if (!token) {
      if (read(`${name}.0`)) return "chunked";
      continue;
    }
    try {
      return (await decode({ token, secret: env.AUTH_SECRET, salt: name })) as SessionClaims | null;
    } catch {
      return null; // tampered, expired, or made with another secret
    }
  }
  return null;
}

/**
 * The signed-in user, checked against the database on every request (session
 * and user in one query): a signed-out, revoked or expired session, a
 * deactivated user or a session older than the last password reset is nobody.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  let claims = await sessionClaimsFrom((name) => jar.get(name)?.value);
  if (claims === "chunked") claims = (await auth()) as SessionClaims | null;
  const live = await loadLiveSession(claims);
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
