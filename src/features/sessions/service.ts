import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";

/** As long as the session cookie (next-auth maxAge in src/server/auth.ts). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most this often per session. */
export const LAST_SEEN_EVERY_MS = 60 * 1000;
/** Ended sessions are kept this long for the security page and audits, then deleted. */
const KEEP_ENDED_MS = 30 * 24 * 60 * 60 * 1000;

/** What the session cookie says (the JWT's claims). */
export interface SessionClaims {
  uid?: string;
  sid?: string;
  sv?: number;
}

/**
 * Starts a server-side session for a user who just proved who they are.
 * Returns its id, which the JWT carries.
 */
export async function createSession(userId: string, client: { userAgent?: string | null; ip?: string | null }): Promise<string> {
  const now = new Date();
  const [, session] = await db.$transaction([
    // Housekeeping: the user's sessions that ended long ago.
    db.session.deleteMany({
      where: {
        userId,
        OR: [{ expiresAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } }, { revokedAt: { lt: new Date(now.getTime() - KEEP_ENDED_MS) } }],
      },
    }),
    db.session.create({
      data: {
        userId,
        createdAt: now,
        lastSeenAt: now,
        verifiedAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        userAgent: (client.userAgent ?? "").slice(0, 400),
        ip: (client.ip ?? "").slice(0, 100),
      },
    }),
  ]);
  return session.id;
}

/**
 * The session row and its user in one query; null when the session is unknown,
 * revoked or expired, the user is deactivated, or the user's session version
 * moved on (a password reset ends every session). Touches `lastSeenAt` at most
 * once a minute.
 */
export async function loadLiveSession(claims: SessionClaims | null | undefined, now = new Date()) {
  if (!claims?.sid || !claims.uid) return null;
  const session = await db.session.findUnique({
    where: { id: claims.sid },
    include: { user: { include: { supplier: { select: { requireSecondFactor: true } } } } },
  });
  if (!session || session.userId !== claims.uid) return null;
  if (session.revokedAt || session.expiresAt <= now) return null;
  const user = session.user;
  if (user.status !== "ACTIVE" || user.sessionVersion !== claims.sv) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) {
    // Conditional, so concurrent requests write once; a failure here must not end the request.
    await db.session
      .updateMany({
        where: { id: session.id, lastSeenAt: { lte: new Date(now.getTime() - LAST_SEEN_EVERY_MS) } },
        data: { lastSeenAt: now },
      })
      .catch(() => undefined);
  }
  return { session, user };
}

/** A step-up check passed: sensitive changes need no new check for a while (src/features/second-factor). */
export async function markSessionVerified(sessionId: string, userId: string, at = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { verifiedAt: at } });
}

export interface ActiveSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  ip: string;
  current: boolean;
}

/** The user's live sessions, the most recently used first. */
export async function listActiveSessions(userId: string, currentId: string | undefined, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    userAgent: s.userAgent,
    ip: s.ip,
    current: s.id === currentId,
  }));
}

function actorFor(user: { id: string; kind: string }, ip?: string): Actor {
  return { type: user.kind === "STAFF" ? "STAFF" : "USER", id: user.id, ip };
}

/** Ends one session of the user (sign-out, or a device on the security page). False when it was not theirs or not live. */
export async function revokeSession(
  user: { id: string; kind: string },
  sessionId: string,
  ip: string | undefined,
  reason: "sign_out" | "device",
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({
      where: { id: sessionId, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (ended.count !== 1) return false;
    await audit(tx, actorFor(user, ip), {
      action: reason === "sign_out" ? "user.signed_out" : "session.revoked",
      entityType: "Session",
      entityId: sessionId,
    });
    return true;
  });
}

/** "Sign out everywhere": ends every live session of the user, this one included. Returns how many. */
export async function revokeAllSessions(user: { id: string; kind: string }, ip: string | undefined): Promise<number> {
  return db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { revokedAt: new Date() },
    });
    await audit(tx, actorFor(user, ip), {
      action: "user.signed_out_everywhere",
      entityType: "User",
      entityId: user.id,
      after: { sessions: ended.count },
    });
    return ended.count;
  });
}

/**
 * Ends every live session of the user inside the caller's transaction (the
 * caller also bumps the user's session version and writes the audit row): an
 * "it wasn't me" from an email-change notice.
 */
export async function endAllSessionsIn(tx: Tx, userId: string, now = new Date()): Promise<number> {
  const ended = await tx.session.updateMany({ where: { userId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return ended.count;
}
