import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSession, loadLiveSession, type SessionClaims } from "@/features/sessions/service";
import { sessionClaimsFrom } from "@/server/session";
import { makeSupplier } from "../support/factories";

const secret = process.env.AUTH_SECRET!;
const NAME = "authjs.session-token";

async function cookieFor(claims: Record<string, unknown>, options: { salt?: string; maxAge?: number; secret?: string } = {}) {
  return encode({ token: claims, secret: options.secret ?? secret, salt: options.salt ?? NAME, maxAge: options.maxAge ?? 3600 });
}

const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];

describe("reading the session cookie without next-auth's session endpoint", () => {
  it("reads the claims next-auth wrote and finds the live session", async () => {
    const { userId, email } = await makeSupplier();
    const user = { id: userId, email, name: "Ada Admin", sessionVersion: 0 };
    const sid = await createSession(user.id, { userAgent: "test", ip: "10.0.0.1" });
    const token = await cookieFor({ sub: user.id, uid: user.id, sv: user.sessionVersion, sid, email: user.email, name: user.name });
    const claims = (await sessionClaimsFrom(jar({ [NAME]: token }))) as SessionClaims;
    expect(claims).toMatchObject({ uid: user.id, sid, sv: user.sessionVersion });
    const live = await loadLiveSession(claims);
    expect(live?.user.id).toBe(user.id);
    // The https name works the same way (its own salt).
    const secure = await cookieFor({ uid: user.id, sid, sv: user.sessionVersion }, { salt: `__Secure-${NAME}` });
    expect(await sessionClaimsFrom(jar({ [`__Secure-${NAME}`]: secure }))).toMatchObject({ sid });
  });

  it("refuses a missing, tampered, expired, foreign or renamed cookie", async () => {
    const claims = { uid: "u1", sid: "s1", sv: 0 };
    const good = await cookieFor(claims);
    expect(await sessionClaimsFrom(jar({}))).toBeNull();
    expect(await sessionClaimsFrom(jar({ [NAME]: good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA") }))).toBeNull();
    expect(await sessionClaimsFrom(jar({ [NAME]: "not-a-token" }))).toBeNull();
    expect(await sessionClaimsFrom(jar({ [NAME]: await cookieFor(claims, { maxAge: -60 }) }))).toBeNull();
    expect(await sessionClaimsFrom(jar({ [NAME]: await cookieFor(claims, { secret: "another-secret-another-secret-0123456789" }) }))).toBeNull();
    // A token made for one cookie name does not decrypt under the other (the name is the salt).
    expect(await sessionClaimsFrom(jar({ [`__Secure-${NAME}`]: good }))).toBeNull();
    expect(await sessionClaimsFrom(jar({ [NAME]: good }))).toMatchObject(claims);
  });

  it("leaves a cookie split into chunks to next-auth", async () => {
    expect(await sessionClaimsFrom(jar({ [`${NAME}.0`]: "part", [`${NAME}.1`]: "part" }))).toBe("chunked");
  });

  describe("decrypted cookies are kept for the next request", () => {
    afterEach(() => vi.useRealTimers());

    it("serves a known cookie until it expires, then no longer", async () => {
      const claims = { uid: "u-kept", sid: "s-kept", sv: 0 };
      const token = await cookieFor(claims, { maxAge: 60 });
      expect(await sessionClaimsFrom(jar({ [NAME]: token }))).toMatchObject(claims);
      expect(await sessionClaimsFrom(jar({ [NAME]: token }))).toMatchObject(claims);
      // Past its expiry (and next-auth's 15 s of clock tolerance) the same cookie is refused, kept or not.
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 90_000 });
      expect(await sessionClaimsFrom(jar({ [NAME]: token }))).toBeNull();
    });

    it("keeps a cookie under its own name only", async () => {
      const token = await cookieFor({ uid: "u-named", sid: "s-named", sv: 0 });
      expect(await sessionClaimsFrom(jar({ [NAME]: token }))).toMatchObject({ sid: "s-named" });
      expect(await sessionClaimsFrom(jar({ [`__Secure-${NAME}`]: token }))).toBeNull();
    });
  });
});
