import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The session cookie of the request under test: a real next-auth JWT that
// src/server/session.ts decodes; everything after that is real too (the
// Session table, the user, audit).
let claims: { uid?: string; sid?: string; sv?: number } | null = null;
let cookie: string | undefined;
const COOKIE = "authjs.session-token";
const cleared: string[] = [];
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === COOKIE && cookie ? { name, value: cookie } : undefined) }),
}));
vi.mock("@/server/auth", () => ({
  auth: async () => claims,
  signOut: async ({ redirectTo }: { redirectTo: string }) => {
    cleared.push(redirectTo);
    return undefined;
  },
}));
vi.mock("@/server/request", () => ({ clientIp: async () => "10.4.0.1" }));

const { getSessionUser } = await import("@/server/session");
const sessions = await import("@/features/sessions/service");
const { resetPassword, requestPasswordReset } = await import("@/features/accounts/service");
const { signOutAction, revokeSessionAction } = await import("@/app/[lng]/(portal)/actions");
const { db } = await import("@/server/db");
const { makeSupplier } = await import("../support/factories");
const { hashToken } = await import("@/server/tokens");
const { env } = await import("@/server/env");

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function signedIn(userId: string, userAgent = CHROME) {
  const sid = await sessions.createSession(userId, { userAgent, ip: "10.4.0.9" });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { uid: userId, sid, sv: user.sessionVersion };
}

function form(fields: Record<string, string>) {
  const f = new FormData();
  f.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

/** Runs a server action that ends in a redirect; returns where it went. */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw error;
  }
  return "";
}

/** The request under test carries this session cookie (none for null). */
async function setCookie(c: typeof claims) {
  claims = c;
  cookie = c ? await encode({ token: c, secret: env.AUTH_SECRET, salt: COOKIE, maxAge: 3600 }) : undefined;
}

async function asCookie(c: typeof claims) {
  await setCookie(c);
  return getSessionUser();
}

beforeEach(() => {
  claims = null;
  cookie = undefined;
  cleared.length = 0;
});

describe("server-side sessions", () => {
  it("a live session is a user; the same cookie after sign-out is nobody", async () => {
    const s = await makeSupplier();
    const cookie = await signedIn(s.userId);
    const before = await asCookie(cookie);
    expect(before?.id).toBe(s.userId);
    expect(before?.sessionId).toBe(cookie.sid);

    // The portal's sign-out button, through the action wrapper.
    const to = await redirectOf(() => signOutAction(form({})));
    expect(cleared).toEqual(["/en/sign-in"]);
    expect(to).toBe("");
    const row = await db.session.findUniqueOrThrow({ where: { id: cookie.sid } });
    expect(row.revokedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { action: "user.signed_out", entityId: cookie.sid } });
    expect(audit?.actorId).toBe(s.userId);
    expect(audit?.ip).toBe("10.4.0.1");

    // The captured cookie is replayed: nobody.
    expect(await asCookie(cookie)).toBeNull();
  });

  it("rejects a cookie without a session id, with another user's session, expired, or older than a password reset", async () => {
    const a = await makeSupplier();
    const b = await makeSupplier();
    const cookie = await signedIn(a.userId);
    expect(await asCookie({ uid: a.userId, sv: 0 })).toBeNull();
    const other = await signedIn(b.userId);
    expect(await asCookie({ uid: a.userId, sid: other.sid, sv: 0 })).toBeNull();

    await db.session.update({ where: { id: cookie.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await asCookie(cookie)).toBeNull();

    const fresh = await signedIn(a.userId);
    expect((await asCookie(fresh))?.id).toBe(a.userId);
    await requestPasswordReset(a.email, "10.4.0.2");
    const token = await db.oneTimeToken.findFirstOrThrow({ where: { userId: a.userId, purpose: "PASSWORD_RESET" } });
    // The reset link itself is not stored; set a known one to use it.
    const known = "k".repeat(43);
    await db.oneTimeToken.update({ where: { tokenHash: token.tokenHash }, data: { tokenHash: hashToken(known) } });
    expect(await resetPassword(known, "Another-harbour-8", "10.4.0.2")).toBe(true);
    expect(await asCookie(fresh)).toBeNull();
  });

  it("sign out everywhere ends every session of the user and no one else's", async () => {
    const a = await makeSupplier();
    const b = await makeSupplier();
    const laptop = await signedIn(a.userId);
    const phone = await signedIn(
      a.userId,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    );
    const bob = await signedIn(b.userId);

    await setCookie(laptop);
    const listed = await sessions.listActiveSessions(a.userId, laptop.sid);
    expect(listed.map((s) => [s.id, s.current])).toEqual(
      expect.arrayContaining([
        [laptop.sid, true],
        [phone.sid, false],
      ]),
    );
    expect(listed).toHaveLength(2);

    await redirectOf(() => signOutAction(form({ everywhere: "1" })));
    expect(await asCookie(laptop)).toBeNull();
    expect(await asCookie(phone)).toBeNull();
    expect((await asCookie(bob))?.id).toBe(b.userId);
    expect(await sessions.listActiveSessions(a.userId, undefined)).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.signed_out_everywhere", entityId: a.userId } });
    expect(JSON.parse(audit.after!)).toEqual({ sessions: 2 });
    // sessionVersion is left to password resets and deactivation.
    expect((await db.user.findUniqueOrThrow({ where: { id: a.userId } })).sessionVersion).toBe(0);
  });

  it("signs out one other device from the security page; another user's session id is refused", async () => {
    const a = await makeSupplier();
    const b = await makeSupplier();
    const laptop = await signedIn(a.userId);
    const phone = await signedIn(a.userId);
    const bob = await signedIn(b.userId);

    await setCookie(laptop);
    expect(await redirectOf(() => revokeSessionAction(form({ sessionId: phone.sid })))).toBe("/en/profile/security");
    expect(cleared).toEqual([]);
    expect(await asCookie(phone)).toBeNull();
    expect((await asCookie(laptop))?.id).toBe(a.userId);

    await setCookie(laptop);
    await redirectOf(() => revokeSessionAction(form({ sessionId: bob.sid })));
    expect((await asCookie(bob))?.id).toBe(b.userId);
    expect(await db.auditEvent.count({ where: { action: "session.revoked", entityId: bob.sid } })).toBe(0);

    // Anonymous: the wrapper refuses before anything changes.
    await setCookie(null);
    expect(await redirectOf(() => revokeSessionAction(form({ sessionId: laptop.sid })))).toBe("/en/sign-in");
    expect((await asCookie(laptop))?.id).toBe(a.userId);

    // The current device: the cookie is cleared too.
    await setCookie(laptop);
    await redirectOf(() => revokeSessionAction(form({ sessionId: laptop.sid })));
    expect(cleared).toEqual(["/en/sign-in"]);
    expect(await asCookie(laptop)).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const a = await makeSupplier();
    const cookie = await signedIn(a.userId);
    const start = (await db.session.findUniqueOrThrow({ where: { id: cookie.sid } })).lastSeenAt;
    await sessions.loadLiveSession(cookie, new Date(start.getTime() + 30_000));
    expect((await db.session.findUniqueOrThrow({ where: { id: cookie.sid } })).lastSeenAt).toEqual(start);
    const later = new Date(start.getTime() + 61_000);
    await sessions.loadLiveSession(cookie, later);
    expect((await db.session.findUniqueOrThrow({ where: { id: cookie.sid } })).lastSeenAt).toEqual(later);
    await sessions.loadLiveSession(cookie, new Date(later.getTime() + 59_000));
    expect((await db.session.findUniqueOrThrow({ where: { id: cookie.sid } })).lastSeenAt).toEqual(later);
  });

  it("a deactivated user's sessions end", async () => {
    const a = await makeSupplier();
    const cookie = await signedIn(a.userId);
    await db.user.update({ where: { id: a.userId }, data: { status: "DEACTIVATED" } });
    expect(await asCookie(cookie)).toBeNull();
  });
});
