import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";
import { sessionOf } from "../support/session-user";

/**
 * Two-factor sign-in, rule by rule, on a real database: the authenticator
 * secret encrypted at rest, codes in a small window and never twice,
 * single-use recovery codes, failures counted toward the account lock, the
 * enrolment policy, the step-up check and the resets by others.
 */
process.env.SIGN_IN_MAX_FAILURES = "4";
let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));
vi.mock("@/server/request", async (importOriginal) => ({ ...(await importOriginal<object>()), clientIp: async () => "10.7.0.1" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  headers: async () => new Headers({ referer: "http://portal.test/en/profile/bank" }),
}));

const { db } = await import("@/server/db");
const { authenticate, createStaffUser } = await import("@/features/accounts/service");
const sf = await import("@/features/second-factor/service");
const { decryptSecret } = await import("@/features/second-factor/crypto");
const { totpCode, TOTP_PERIOD } = await import("@/features/second-factor/totp");
const { createSession } = await import("@/features/sessions/service");
const { makeSupplier, makeUser, PASSWORD, enrolTotp, TEST_TOTP_SECRET } = await import("../support/factories");
const profile = await import("@/app/[lng]/(portal)/profile/actions");
const staffActions = await import("@/app/[lng]/admin/staff/actions");

const IP = "10.7.0.1";
const STEP = TOTP_PERIOD * 1000;
/** A moment in the middle of a time step, so ±1 step is unambiguous. */
const midStep = (t = Date.now()) => Math.floor(t / STEP) * STEP + STEP / 2;

async function enrolled(overrides: Parameters<typeof makeSupplier>[0] = {}) {
  const s = await makeSupplier(overrides);
  const user = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
  await sf.startTotpEnrolment(user, IP);
  const pending = (await sf.pendingTotpEnrolment(user.id, user.email))!;
  const now = midStep() - 5 * STEP;
  const confirmed = await sf.confirmTotpEnrolment(user, totpCode(pending.secret, now), IP, now);
  if (!confirmed.ok) throw new Error(confirmed.error);
  return { ...s, user, secret: pending.secret, recoveryCodes: confirmed.recoveryCodes };
}

/** The password step: the ticket for the second step. */
async function passwordStep(email: string) {
  const result = await authenticate(email, PASSWORD, IP);
  expect(result).toMatchObject({ ok: false, error: "second_factor" });
  return sf.beginSecondFactorSignIn((result as { userId: string }).userId);
}

function formData(fields: Record<string, string>) {
  const fd = new FormData();
  fd.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("enrolment", () => {
  it("stores the secret encrypted (AES-GCM), never in plain text, and the recovery codes only as hashes", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const row = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(secret);
    expect(decryptSecret(row.secret!)).toBe(secret);
    // A changed byte fails authentication instead of decrypting to something else.
    const [v, iv, tag, data] = row.secret!.split(".");
    const flipped = data.slice(0, -2) + (data.endsWith("A") ? "B" : "A") + data.slice(-1);
    expect(() => decryptSecret([v, iv, tag, flipped].join("."))).toThrow();

    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const r of stored) expect(recoveryCodes.some((c) => r.codeHash.includes(c) || r.codeHash.includes(c.replace("-", "")))).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).secondFactorSince).not.toBeNull();
    const mail = await db.outgoingMail.findFirst({ where: { to: user.email, template: "mfa:mail.totpEnabled" } });
    expect(mail).not.toBeNull();
  });

  it("a wrong first code does not enable anything", async () => {
    const s = await makeSupplier();
    const user = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
    await sf.startTotpEnrolment(user, IP);
    const pending = (await sf.pendingTotpEnrolment(user.id, user.email))!;
    expect(pending.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(pending.qr.split(",")[1], "base64").toString()).toContain("<svg");
    const wrong = String((Number(totpCode(pending.secret)) + 1) % 1_000_000).padStart(6, "0");
    expect(await sf.confirmTotpEnrolment(user, wrong, IP)).toEqual({ ok: false, error: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).secondFactorSince).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a QR code of an older enrolment is useless once a new one is confirmed (the old one works until then)", async () => {
    const { user, email, secret: oldSecret } = await enrolled();
    await sf.startTotpEnrolment(user, IP);
    const next = (await sf.pendingTotpEnrolment(user.id, email))!;
    expect(next.secret).not.toBe(oldSecret);
    let now = midStep();
    // Still the old app until the new one is confirmed.
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code: totpCode(oldSecret, now) }, IP, now)).toMatchObject({ ok: true });
    now += 2 * STEP;
    expect(await sf.confirmTotpEnrolment(user, totpCode(next.secret, now), IP, now)).toMatchObject({ ok: true });
    now += 2 * STEP;
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code: totpCode(oldSecret, now) }, IP, now)).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code: totpCode(next.secret, now) }, IP, now)).toMatchObject({ ok: true });
  });
});

describe("sign-in with a second factor", () => {
  it("a correct password alone does not sign in; the code completes it and is audited", async () => {
    const { email, secret, user } = await enrolled();
    const ticket = await passwordStep(email);
    const now = midStep();
    const done = await sf.completeSecondFactorSignIn(ticket, { code: totpCode(secret, now) }, IP, now);
    expect(done).toMatchObject({ ok: true, user: { id: user.id } });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedSignIns).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.signed_in" } })).toBe(1);
    // The ticket works once.
    expect(await sf.completeSecondFactorSignIn(ticket, { code: totpCode(secret, now + STEP) }, IP, now + STEP)).toEqual({ ok: false, error: "expired" });
  });

  it("never accepts a code twice: a replay of a used code fails, even with a new ticket", async () => {
    const { email, secret } = await enrolled();
    const now = midStep();
    const code = totpCode(secret, now);
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code }, IP, now)).toMatchObject({ ok: true });
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code }, IP, now + 1000)).toEqual({ ok: false, error: "invalid" });
    // Nor an earlier step's code that is still inside the window (the counter is reset: the lock is another test).
    await db.user.updateMany({ where: { email }, data: { failedSignIns: 0 } });
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code: totpCode(secret, now - STEP) }, IP, now)).toEqual({
      ok: false,
      error: "invalid",
    });
  });

  it("accepts one step of clock skew either way, and nothing beyond, up to the edges of the step", async () => {
    const { email, secret } = await enrolled();
    /** The second step with the code the app shows at `codeAt`, checked at `checkAt` (failures reset so the lock stays out of it). */
    const check = async (codeAt: number, checkAt: number) => {
      await db.user.updateMany({ where: { email }, data: { failedSignIns: 0 } });
      return sf.completeSecondFactorSignIn(await passwordStep(email), { code: totpCode(secret, codeAt) }, IP, checkAt);
    };
    let now = midStep();
    expect(await check(now - STEP, now)).toMatchObject({ ok: true });
    now += 3 * STEP;
    expect(await check(now + STEP, now)).toMatchObject({ ok: true });
    now += 3 * STEP;
    expect(await check(now - 2 * STEP, now)).toEqual({ ok: false, error: "invalid" });
    expect(await check(now + 2 * STEP, now)).toEqual({ ok: false, error: "invalid" });
    // At the first and last millisecond of a step.
    now += 3 * STEP;
    const start = Math.floor(now / STEP) * STEP;
    expect(await check(start + 2 * STEP, start)).toEqual({ ok: false, error: "invalid" });
    expect(await check(start - STEP - 1, start + STEP - 1)).toEqual({ ok: false, error: "invalid" });
    expect(await check(start - 1, start + STEP - 1)).toMatchObject({ ok: true });
    expect(await check(start + 2 * STEP - 1, start + STEP)).toMatchObject({ ok: true });
  });

  it("a recovery code works once; used twice it fails", async () => {
    const { email, recoveryCodes, user } = await enrolled();
    const code = recoveryCodes[3];
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code: code.toUpperCase() }, IP)).toMatchObject({ ok: true });
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code }, IP)).toEqual({ ok: false, error: "invalid" });
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("wrong, reused and expired codes count toward the lock; a locked account is not even checked", async () => {
    const { email, secret, user } = await enrolled();
    const now = midStep();
    const used = totpCode(secret, now);
    expect(await sf.completeSecondFactorSignIn(await passwordStep(email), { code: used }, IP, now)).toMatchObject({ ok: true });
    // The password step counts as an attempt until the second step succeeds (4 allowed here).
    const ticket = await passwordStep(email); // 1
    expect(await sf.completeSecondFactorSignIn(ticket, { code: used }, IP, now)).toEqual({ ok: false, error: "invalid" }); // 2: reused
    expect(await sf.completeSecondFactorSignIn(ticket, { code: totpCode(secret, now - 10 * STEP) }, IP, now)).toEqual({ ok: false, error: "invalid" }); // 3: expired
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(3);
    expect(await sf.completeSecondFactorSignIn(ticket, { code: "000000" === used ? "111111" : "000000" }, IP, now)).toEqual({ ok: false, error: "too_many" }); // 4: locked
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Even the right code is refused while locked, and the password too.
    expect(await sf.completeSecondFactorSignIn(ticket, { code: totpCode(secret, now + STEP) }, IP, now + STEP)).toEqual({ ok: false, error: "too_many" });
    expect(await authenticate(email, PASSWORD, IP)).toEqual({ ok: false, error: "too_many" });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "second_factor.failed" } })).toBe(3);
  });

  it("an expired ticket is refused without checking the code", async () => {
    const { email, secret, user } = await enrolled();
    const ticket = await passwordStep(email);
    const later = Date.now() + 11 * 60_000;
    expect(await sf.completeSecondFactorSignIn(ticket, { code: totpCode(secret, later) }, IP, later)).toEqual({ ok: false, error: "expired" });
    expect((await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } })).lastStep).toBeLessThan(Math.floor(later / STEP));
  });
});

describe("policy", () => {
  it("staff, and users of a company that requires it, must enrol; staff actions refuse until then", async () => {
    const staff = await createStaffUser({ email: `policy-${Date.now()}@staff.test`, name: "Pat", password: PASSWORD, role: "ADMINISTRATOR" });
    expect(sf.mustEnrol({ ...staff, supplier: null })).toBe(true);
    const s = await makeSupplier();
    const member = await makeUser(s.supplierId);
    expect(sf.mustEnrol({ ...member, supplier: { requireSecondFactor: false } })).toBe(false);
    expect(await sf.setCompanyRequirement(s.supplierId, true, { id: s.userId, kind: "SUPPLIER" }, IP)).toBe(true);
    expect(sf.mustEnrol({ ...member, supplier: { requireSecondFactor: await sf.companyRequiresSecondFactor(s.supplierId) } })).toBe(true);

    const target = await enrolled();
    current = { ...sessionOf(staff), mustEnrol: true };
    const refused = await staffActions.resetSecondFactorAction(undefined, formData({ email: target.email }));
    expect(refused).toMatchObject({ ok: false, formError: "errors.notAllowed" });
    await enrolTotp(staff.id);
    current = sessionOf(await db.user.findUniqueOrThrow({ where: { id: staff.id } }));
    const done = await staffActions.resetSecondFactorAction(undefined, formData({ email: target.email }));
    current = null;
    expect(done).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.userId } })).secondFactorSince).toBeNull();
    expect(await db.totpFactor.count({ where: { userId: target.userId } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: target.userId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: staff.id, action: "second_factor.reset", entityId: target.userId } })).toBe(1);
    expect(await db.outgoingMail.count({ where: { to: target.email, template: "mfa:mail.reset" } })).toBe(1);
    // Now the password alone signs in again.
    expect(await authenticate(target.email, PASSWORD, IP)).toMatchObject({ ok: true });
  });

  it("a company admin resets a colleague of the same company only", async () => {
    const a = await makeSupplier();
    const colleague = await makeUser(a.supplierId);
    await enrolTotp(colleague.id, TEST_TOTP_SECRET);
    const other = await makeSupplier();
    expect(await sf.resetSecondFactor(colleague.id, other.supplierId, { id: other.userId, kind: "SUPPLIER" }, IP)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).secondFactorSince).not.toBeNull();
    expect(await sf.resetSecondFactor(colleague.id, a.supplierId, { id: a.userId, kind: "SUPPLIER" }, IP)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).secondFactorSince).toBeNull();
  });
});

describe("step-up", () => {
  const bank = { section: "BANK", f_bankName: "Bank", f_accountHolder: "Holder", f_iban: "DE89370400440532013000", f_swift: "DEUTDEFF" };

  it("a bank change with a check older than ten minutes goes to the check page and changes nothing", async () => {
    const s = await makeSupplier();
    const user = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
    current = { ...sessionOf(user), verifiedAt: new Date(Date.now() - 11 * 60_000) };
    const redirected = await profile.updateSectionAction(undefined, formData(bank)).then(
      () => null,
      (e: { digest?: string }) => e.digest ?? String(e),
    );
    expect(redirected).toContain("NEXT_REDIRECT");
    expect(redirected).toContain("/en/verify-identity?next=%2Fen%2Fprofile%2Fbank");
    expect(await db.supplierPrivateSection.count({ where: { supplierId: s.supplierId, section: "BANK" } })).toBe(0);
    // A recent check lets it through.
    current = { ...sessionOf(user), verifiedAt: new Date(Date.now() - 9 * 60_000) };
    expect(await profile.updateSectionAction(undefined, formData(bank))).toMatchObject({ ok: true });
    current = null;
  });

  it("the password or a code renews the session's check; a wrong one counts toward the lock", async () => {
    const { user, secret } = await enrolled();
    const sid = await createSession(user.id, { userAgent: "test", ip: IP });
    await db.session.update({ where: { id: sid }, data: { verifiedAt: new Date(Date.now() - 60 * 60_000) } });
    expect(await sf.stepUp(user, sid, { password: "Wrong-password-1" }, IP)).toEqual({ ok: false, error: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(1);
    expect(sf.isRecentlyVerified((await db.session.findUniqueOrThrow({ where: { id: sid } })).verifiedAt)).toBe(false);
    expect(await sf.stepUp(user, sid, { password: PASSWORD }, IP)).toEqual({ ok: true });
    expect(sf.isRecentlyVerified((await db.session.findUniqueOrThrow({ where: { id: sid } })).verifiedAt)).toBe(true);
    await db.session.update({ where: { id: sid }, data: { verifiedAt: new Date(Date.now() - 60 * 60_000) } });
    const now = midStep() + 10 * STEP;
    expect(await sf.stepUp(user, sid, { code: totpCode(secret, now) }, IP, now)).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
  });
});
