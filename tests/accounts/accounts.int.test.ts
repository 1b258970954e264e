import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, firstLink } from "../support/smtp";

// The SMTP server must be known before the app reads its environment.
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.SIGN_IN_MAX_FAILURES = "3";
process.env.SIGN_IN_IP_LIMIT = "8";
const { authenticate, createSupplierAccount, requestPasswordReset, resetPassword, isResetTokenValid } = await import("@/features/accounts/service");
const { db } = await import("@/server/db");
const { hashToken } = await import("@/server/tokens");
const { makeSupplier, PASSWORD } = await import("../support/factories");

afterAll(() => smtp.close());

describe("create account", () => {
  it("creates the company, its admin user, its domain and audit rows in one go", async () => {
    const s = await makeSupplier({ email: "first@acme-widgets.test", companyName: "Acme Widgets" });
    const user = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
    expect(user.permissions).toBe("admin");
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await db.supplierDomain.findUnique({ where: { domain: "acme-widgets.test" } })).toMatchObject({ supplierId: s.supplierId });
    const actions = (await db.auditEvent.findMany({ where: { actorId: s.userId } })).map((a) => a.action).sort();
    expect(actions).toEqual(["supplier.created", "user.created"]);
  });

  it("refuses a second account for the same email and writes nothing", async () => {
    await makeSupplier({ email: "dup@dup-co.test" });
    const companies = await db.supplierCompany.count();
    const again = await createSupplierAccount({ companyName: "Other", name: "X", email: "dup@dup-co.test", password: PASSWORD, locale: "en" }, {});
    expect(again).toEqual({ ok: false, error: "emailTaken" });
    expect(await db.supplierCompany.count()).toBe(companies);
  });

  it("never claims a free-mail domain for a company", async () => {
    await makeSupplier({ email: "someone@gmail.com" });
    expect(await db.supplierDomain.findUnique({ where: { domain: "gmail.com" } })).toBeNull();
  });
});

describe("sign in", () => {
  beforeAll(async () => {
    await makeSupplier({ email: "signin@signin-co.test" });
  });

  it("accepts the right password, case-insensitively on the email", async () => {
    const r = await authenticate(" SignIn@Signin-Co.test ", PASSWORD, "10.0.0.1");
    expect(r.ok).toBe(true);
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    expect(await authenticate("nobody@signin-co.test", PASSWORD, "10.0.0.2")).toEqual({ ok: false, error: "invalid" });
    expect(await authenticate("signin@signin-co.test", "Wrong-pass-1", "10.0.0.2")).toEqual({ ok: false, error: "invalid" });
  });

  it("locks an account after repeated failures, even for the right password, and unlocks later", async () => {
    await makeSupplier({ email: "lock@lock-co.test" });
    for (let i = 0; i < 3; i++) expect((await authenticate("lock@lock-co.test", "Wrong-pass-1", "10.0.0.3")).ok).toBe(false);
    expect(await authenticate("lock@lock-co.test", PASSWORD, "10.0.0.3")).toEqual({ ok: false, error: "too_many" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "lock@lock-co.test" } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.auditEvent.count({ where: { action: "user.locked", entityId: user.id } })).toBe(1);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await authenticate("lock@lock-co.test", PASSWORD, "10.0.0.3")).ok).toBe(true);
  });

  it("locks unknown emails the same way, so the answer reveals nothing", async () => {
    for (let i = 0; i < 3; i++) await authenticate("ghost@lock-co.test", "Wrong-pass-1", "10.0.0.4");
    expect(await authenticate("ghost@lock-co.test", "Wrong-pass-1", "10.0.0.4")).toEqual({ ok: false, error: "too_many" });
  });

  it("limits attempts per client address across emails", async () => {
    const limit = 8;
    let last;
    for (let i = 0; i <= limit; i++) last = await authenticate(`spray${i}@spray.test`, "Wrong-pass-1", "10.9.9.9");
    expect(last).toEqual({ ok: false, error: "too_many" });
    expect((await authenticate("signin@signin-co.test", PASSWORD, "10.9.9.9")).ok).toBe(false);
  });

  it("refuses a deactivated user with the same answer", async () => {
    const s = await makeSupplier({ email: "gone@gone-co.test" });
    await db.user.update({ where: { id: s.userId }, data: { status: "DEACTIVATED" } });
    expect(await authenticate("gone@gone-co.test", PASSWORD, "10.0.0.5")).toEqual({ ok: false, error: "invalid" });
  });
});

describe("password reset", () => {
  it("emails a single-use link (hash stored), sets the password and ends other sessions", async () => {
    const s = await makeSupplier({ email: "reset@reset-co.test", locale: "zh" });
    await requestPasswordReset("Reset@Reset-co.test", "10.1.0.1");
    const mail = await smtp.waitFor("reset@reset-co.test");
    expect(mail.subject).toBe("重置您的 Supplier Connect 密码");
    const link = firstLink(mail);
    expect(link).toMatch(/^http:\/\/portal\.test\/zh\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = link.split("/").pop()!;

    const stored = await db.oneTimeToken.findFirstOrThrow({ where: { userId: s.userId } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await db.outgoingMail.findFirstOrThrow({ where: { to: "reset@reset-co.test" } })).status).toBe("SENT");

    const before = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
    expect(await resetPassword(token, "New-harbour-8", "10.1.0.1")).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await authenticate("reset@reset-co.test", "New-harbour-8", "10.1.0.1")).ok).toBe(true);

    expect(await isResetTokenValid(token)).toBe(false);
    expect(await resetPassword(token, "Another-pass-9", "10.1.0.1")).toBe(false);
  });

  it("says nothing and sends nothing for an unknown email", async () => {
    const before = await db.outgoingMail.count();
    await requestPasswordReset("unknown@reset-co.test", "10.1.0.2");
    expect(await db.outgoingMail.count()).toBe(before);
  });

  it("refuses an expired link and a newer link replaces the older one", async () => {
    const s = await makeSupplier({ email: "expire@reset-co.test" });
    await requestPasswordReset("expire@reset-co.test", "10.1.0.3");
    const first = firstLink(await smtp.waitFor("expire@reset-co.test"))
      .split("/")
      .pop()!;
    await requestPasswordReset("expire@reset-co.test", "10.1.0.3");
    expect(await isResetTokenValid(first)).toBe(false);
    const row = await db.oneTimeToken.findFirstOrThrow({ where: { userId: s.userId, usedAt: null } });
    await db.oneTimeToken.update({ where: { tokenHash: row.tokenHash }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await db.oneTimeToken.count({ where: { userId: s.userId, expiresAt: { gt: new Date() } } })).toBe(0);
  });

  it("uses a link once even when two resets race", async () => {
    await makeSupplier({ email: "race@reset-co.test" });
    await requestPasswordReset("race@reset-co.test", "10.1.0.4");
    const token = firstLink(await smtp.waitFor("race@reset-co.test"))
      .split("/")
      .pop()!;
    const results = await Promise.all([resetPassword(token, "Race-winner-1", "x"), resetPassword(token, "Race-winner-2", "x")]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("ignores malformed tokens without touching the database", async () => {
    expect(await isResetTokenValid("../../etc/passwd")).toBe(false);
    expect(await resetPassword("short", "Harbour-lights-9", "x")).toBe(false);
  });
});
