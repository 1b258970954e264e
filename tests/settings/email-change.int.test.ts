import { afterAll, describe, expect, it } from "vitest";
import { firstLink, startSmtpServer } from "../support/smtp";

// The SMTP server must be known before the app reads its environment.
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const { requestEmailChange, confirmEmailChange, cancelEmailChange, pendingEmailChange, checkCurrentPassword, CONFIRM_TTL_MS } =
  await import("@/features/accounts/email-change");
const { authenticate, requestPasswordReset } = await import("@/features/accounts/service");
const { createSession, loadLiveSession } = await import("@/features/sessions/service");
const { db } = await import("@/server/db");
const { makeSupplier, makeUser, PASSWORD } = await import("../support/factories");

afterAll(() => smtp.close());

/** The token at the end of the first link of a mail to `to` whose subject matches. */
async function tokenFrom(to: string, subject: RegExp, path: RegExp): Promise<string> {
  const mail = await smtp.waitFor(to, (m) => subject.test(m.subject ?? ""));
  const link = firstLink(mail, path);
  return link.split("/").pop()!;
}

const CONFIRM = /\/email-change\/[A-Za-z0-9_-]{43}/;
const CANCEL = /\/email-change\/cancel\/[A-Za-z0-9_-]{43}/;

describe("requesting an email change", () => {
  it("sends a single-use link to the new address and a notice to the old one; nothing changes before confirmation", async () => {
    const s = await makeSupplier({ email: "ann@ec-one.test" });
    expect(await requestEmailChange(s.userId, { newEmail: "Ann@EC-One-New.test", password: PASSWORD }, "10.1.0.1")).toEqual({ ok: true });
    const token = await tokenFrom("ann@ec-one-new.test", /Confirm your new/, CONFIRM);
    await tokenFrom("ann@ec-one.test", /about to change/, CANCEL);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId } })).email).toBe("ann@ec-one.test");
    // Only the hash is stored, and the stored copy of both mails has no working link.
    expect(await db.oneTimeToken.count({ where: { tokenHash: token } })).toBe(0);
    const stored = await db.outgoingMail.findMany({ where: { template: { startsWith: "settings:emailChange" } } });
    for (const m of stored) expect(m.text).not.toMatch(/email-change\/(cancel\/)?[A-Za-z0-9_-]{43}/);
    expect(await db.auditEvent.count({ where: { action: "user.email_change_requested", entityId: s.userId } })).toBe(1);

    expect(await confirmEmailChange(token, "10.1.0.1")).toMatchObject({ ok: true, email: "ann@ec-one-new.test" });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId } })).email).toBe("ann@ec-one-new.test");
    expect((await authenticate("ann@ec-one-new.test", PASSWORD, "10.1.0.1")).ok).toBe(true);
    expect((await authenticate("ann@ec-one.test", PASSWORD, "10.1.0.1")).ok).toBe(false);
    // Single use.
    expect(await confirmEmailChange(token, "10.1.0.1")).toEqual({ ok: false, error: "invalid" });
    expect(await db.auditEvent.count({ where: { action: "user.email_changed", entityId: s.userId } })).toBe(1);
  });

  it("refuses a wrong current password, counts it, and changes nothing", async () => {
    const s = await makeSupplier({ email: "bo@ec-two.test" });
    const before = await db.oneTimeToken.count();
    expect(await requestEmailChange(s.userId, { newEmail: "bo@ec-two-new.test", password: "Wrong-pass-1" }, "10.1.0.2")).toEqual({
      ok: false,
      error: "wrongPassword",
    });
    expect(await db.oneTimeToken.count()).toBe(before);
    for (let i = 0; i < 4; i++) await checkCurrentPassword(s.userId, "Wrong-pass-1");
    expect(await checkCurrentPassword(s.userId, PASSWORD)).toBe("tooMany");
  });

  it("refuses the current address and an address on another company's domain", async () => {
    const s = await makeSupplier({ email: "cy@ec-three.test" });
    await makeSupplier({ email: "boss@ec-other-co.test" });
    expect(await requestEmailChange(s.userId, { newEmail: "CY@ec-three.test", password: PASSWORD }, "10.1.0.3")).toEqual({ ok: false, error: "sameEmail" });
    expect(await requestEmailChange(s.userId, { newEmail: "cy@ec-other-co.test", password: PASSWORD }, "10.1.0.3")).toEqual({
      ok: false,
      error: "otherCompanyDomain",
    });
  });

  it("answers the same for an address that has an account, tells that address instead, and changes nothing", async () => {
    const s = await makeSupplier({ email: "di@ec-four.test" });
    await makeSupplier({ email: "taken@gmail.com" });
    expect(await requestEmailChange(s.userId, { newEmail: "taken@gmail.com", password: PASSWORD }, "10.1.0.4")).toEqual({ ok: true });
    const mail = await smtp.waitFor("taken@gmail.com", (m) => /already has an account/.test(m.subject ?? ""));
    expect(mail.text).not.toMatch(CONFIRM);
    expect(await db.oneTimeToken.count({ where: { userId: s.userId, purpose: "EMAIL_CHANGE" } })).toBe(0);
  });

  it("a newer request replaces an unconfirmed one; an expired link does nothing", async () => {
    const s = await makeSupplier({ email: "ed@ec-five.test" });
    await requestEmailChange(s.userId, { newEmail: "ed@ec-five-a.test", password: PASSWORD }, "10.1.0.5");
    const first = await tokenFrom("ed@ec-five-a.test", /Confirm/, CONFIRM);
    await requestEmailChange(s.userId, { newEmail: "ed@ec-five-b.test", password: PASSWORD }, "10.1.0.5");
    const second = await tokenFrom("ed@ec-five-b.test", /Confirm/, CONFIRM);
    expect(await pendingEmailChange(first)).toBeNull();
    expect(await confirmEmailChange(first, "10.1.0.5")).toEqual({ ok: false, error: "invalid" });
    await db.oneTimeToken.updateMany({ where: { userId: s.userId, purpose: "EMAIL_CHANGE", usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await confirmEmailChange(second, "10.1.0.5")).toEqual({ ok: false, error: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId } })).email).toBe("ed@ec-five.test");
    expect(CONFIRM_TTL_MS).toBe(24 * 60 * 60 * 1000);
  });

  it("ends reset links sent to the old address and closes colleague invitations to the new one", async () => {
    const s = await makeSupplier({ email: "fay@ec-six.test" });
    await requestPasswordReset("fay@ec-six.test", "10.1.0.6");
    await db.oneTimeToken.create({
      data: { tokenHash: "invite-hash-ec-six", purpose: "USER_INVITE", email: "fay@ec-six-new.test", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    await requestEmailChange(s.userId, { newEmail: "fay@ec-six-new.test", password: PASSWORD }, "10.1.0.6");
    const token = await tokenFrom("fay@ec-six-new.test", /Confirm/, CONFIRM);
    expect((await confirmEmailChange(token, "10.1.0.6")).ok).toBe(true);
    expect(await db.oneTimeToken.count({ where: { purpose: "PASSWORD_RESET", userId: s.userId, usedAt: null } })).toBe(0);
    expect((await db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: "invite-hash-ec-six" } })).usedAt).not.toBeNull();
  });
});

describe("domains and join rules follow the new address", () => {
  it("a company admin moving to an unregistered company domain registers it for the company", async () => {
    const s = await makeSupplier({ email: "gus@ec-seven.test" });
    await requestEmailChange(s.userId, { newEmail: "gus@ec-seven-rebrand.test", password: PASSWORD }, "10.1.0.7");
    expect((await confirmEmailChange(await tokenFrom("gus@ec-seven-rebrand.test", /Confirm/, CONFIRM), "10.1.0.7")).ok).toBe(true);
    expect(await db.supplierDomain.findUnique({ where: { domain: "ec-seven-rebrand.test" } })).toMatchObject({ supplierId: s.supplierId });
    // The old domain stays with the company.
    expect(await db.supplierDomain.findUnique({ where: { domain: "ec-seven.test" } })).toMatchObject({ supplierId: s.supplierId });
  });

  it("a member's move registers no domain, and free mail never becomes a company domain", async () => {
    const s = await makeSupplier({ email: "hal@ec-eight.test" });
    const member = await makeUser(s.supplierId, { email: "member@ec-eight.test", permissions: "profile" });
    await requestEmailChange(member.id, { newEmail: "member@ec-eight-private.test", password: PASSWORD }, "10.1.0.8");
    expect((await confirmEmailChange(await tokenFrom("member@ec-eight-private.test", /Confirm/, CONFIRM), "10.1.0.8")).ok).toBe(true);
    expect(await db.supplierDomain.findUnique({ where: { domain: "ec-eight-private.test" } })).toBeNull();

    await requestEmailChange(s.userId, { newEmail: "hal.ec.eight@gmail.com", password: PASSWORD }, "10.1.0.8");
    expect((await confirmEmailChange(await tokenFrom("hal.ec.eight@gmail.com", /Confirm/, CONFIRM), "10.1.0.8")).ok).toBe(true);
    expect(await db.supplierDomain.findUnique({ where: { domain: "gmail.com" } })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId } })).supplierId).toBe(s.supplierId);
  });

  it("a confirmation is refused when the domain was registered by another company meanwhile", async () => {
    const s = await makeSupplier({ email: "ivy@ec-nine.test" });
    await requestEmailChange(s.userId, { newEmail: "ivy@ec-nine-late.test", password: PASSWORD }, "10.1.0.9");
    const token = await tokenFrom("ivy@ec-nine-late.test", /Confirm/, CONFIRM);
    await makeSupplier({ email: "owner@ec-nine-late.test" });
    expect(await confirmEmailChange(token, "10.1.0.9")).toEqual({ ok: false, error: "otherCompanyDomain" });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId } })).email).toBe("ivy@ec-nine.test");
  });
});

describe("it wasn't me", () => {
  it("cancels a pending change, makes its confirmation link useless and signs out every session", async () => {
    const s = await makeSupplier({ email: "jo@ec-ten.test" });
    const user = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
    const sid = await createSession(s.userId, { userAgent: "test", ip: "10.1.1.0" });
    await requestEmailChange(s.userId, { newEmail: "jo@ec-ten-evil.test", password: PASSWORD }, "10.1.1.0");
    const confirm = await tokenFrom("jo@ec-ten-evil.test", /Confirm/, CONFIRM);
    const cancel = await tokenFrom("jo@ec-ten.test", /about to change/, CANCEL);
    expect((await cancelEmailChange(cancel, "10.1.1.1")).ok).toBe(true);
    expect(await confirmEmailChange(confirm, "10.1.1.1")).toEqual({ ok: false, error: "invalid" });
    expect(await loadLiveSession({ uid: s.userId, sid, sv: user.sessionVersion })).toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
    await smtp.waitFor("jo@ec-ten.test", (m) => /was stopped/.test(m.subject ?? ""));
    expect(await db.auditEvent.count({ where: { action: "user.email_change_cancelled", entityId: s.userId } })).toBe(1);
    // Single use.
    expect((await cancelEmailChange(cancel, "10.1.1.1")).ok).toBe(false);
  });

  it("undoes a change that was already confirmed", async () => {
    const s = await makeSupplier({ email: "kim@ec-eleven.test" });
    await requestEmailChange(s.userId, { newEmail: "kim@ec-eleven-evil.test", password: PASSWORD }, "10.1.1.2");
    const confirm = await tokenFrom("kim@ec-eleven-evil.test", /Confirm/, CONFIRM);
    const cancel = await tokenFrom("kim@ec-eleven.test", /about to change/, CANCEL);
    expect((await confirmEmailChange(confirm, "10.1.1.2")).ok).toBe(true);
    expect((await cancelEmailChange(cancel, "10.1.1.3")).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId } })).email).toBe("kim@ec-eleven.test");
  });
});
