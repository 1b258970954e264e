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
 * Cookies already decrypted, until their expiry: a browser sends the same
 * cookie on every request, and deriving the key and decrypting cost about a
 * millisecond of CPU each time (docs/benchmarks.md). Only the claims are kept;
 * whether the session is still live is read from the database on every request.
 * The oldest entry goes first when the map is full.
 */
const decoded = new Map<string, { claims: SessionClaims; expiresAt: number }>();
const DECODED_MAX = 5_000;

function remember(key: string, claims: SessionClaims & { exp?: number }) {
  if (!claims.exp) return;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, { claims: Object.freeze(claims), expiresAt: claims.exp * 1000 });
}

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
    const known = decoded.get(name + token);
    if (known && known.expiresAt > Date.now()) return known.claims;
    try {
      const claims = (await decode({ token, secret: env.AUTH_SECRET, salt: name })) as (SessionClaims & { exp?: number }) | null;
      if (claims) remember(name + token, claims);
      return claims;
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
