import { afterAll, describe, expect, it } from "vitest";
import { firstLink, startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const { createStaffAccount, deactivateStaff, reactivateStaff, changeStaffRole, listStaff } = await import("@/features/staff-accounts/service");
const { createStaffSchema } = await import("@/features/staff-accounts/schemas");
const { authenticate, createStaffUser, isResetTokenValid, resetPassword } = await import("@/features/accounts/service");
const { db } = await import("@/server/db");
const { PASSWORD } = await import("../support/factories");

afterAll(() => smtp.close());

let n = 0;
async function staff(role: "SUPPORT" | "ADMINISTRATOR") {
  n += 1;
  return createStaffUser({ email: `staff${n}-${role.toLowerCase()}@sc-staff.test`, name: `Staff ${n}`, password: PASSWORD, role });
}
const by = (id: string) => ({ type: "STAFF" as const, id, ip: "10.1.1.1" });

describe("create a staff account", () => {
  it("with an emailed link: the account cannot sign in until its owner sets a password through the reset page", async () => {
    const admin = await staff("ADMINISTRATOR");
    const input = createStaffSchema.parse({ email: " New.Support@SC-Staff.test ", name: "Nina New", role: "SUPPORT", locale: "zh", setup: "link" });
    const res = await createStaffAccount(input, by(admin.id));
    expect(res.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "new.support@sc-staff.test" } });
    expect(user).toMatchObject({ kind: "STAFF", staffRole: "SUPPORT", status: "ACTIVE", locale: "zh", supplierId: null });

    const mail = await smtp.waitFor("new.support@sc-staff.test");
    expect(mail.subject).toBe("您的 Supplier Connect 员工账户");
    const link = firstLink(mail);
    expect(link).toMatch(/^http:\/\/portal\.test\/zh\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const token = link.split("/").pop()!;
    expect(await isResetTokenValid(token)).toBe(true);
    const row = await db.oneTimeToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.purpose).toBe("PASSWORD_RESET");
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);

    expect((await authenticate("new.support@sc-staff.test", PASSWORD, "10.2.0.1")).ok).toBe(false);
    expect(await resetPassword(token, "Lantern-river-42", "10.2.0.1")).toBe(true);
    expect((await authenticate("new.support@sc-staff.test", "Lantern-river-42", "10.2.0.1")).ok).toBe(true);

    const created = await db.auditEvent.findFirstOrThrow({ where: { action: "staff.created", entityId: user.id } });
    expect(created).toMatchObject({ actorType: "STAFF", actorId: admin.id, ip: "10.1.1.1" });
    expect(JSON.parse(created.after!)).toMatchObject({ email: "new.support@sc-staff.test", role: "SUPPORT", setup: "link" });
    expect(created.after).not.toContain(token);
  });

  it("with an initial password: the account signs in with it and no mail is sent", async () => {
    const admin = await staff("ADMINISTRATOR");
    const input = createStaffSchema.parse({ email: "pw@sc-staff.test", name: "Pat", role: "ADMINISTRATOR", setup: "password", password: "Orchard-gate-19" });
    expect((await createStaffAccount(input, by(admin.id))).ok).toBe(true);
    expect((await authenticate("pw@sc-staff.test", "Orchard-gate-19", "10.2.0.2")).ok).toBe(true);
    expect(await db.outgoingMail.count({ where: { to: "pw@sc-staff.test" } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "staff.created", actorId: admin.id } });
    expect(audit.after).not.toContain("Orchard-gate-19");
  });

  it("refuses a taken email (also a supplier's) and a double submit creates one account", async () => {
    const admin = await staff("ADMINISTRATOR");
    const input = createStaffSchema.parse({ email: "twice@sc-staff.test", name: "Twice", role: "SUPPORT", setup: "link" });
    const results = await Promise.all([createStaffAccount(input, by(admin.id)), createStaffAccount(input, by(admin.id))]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "emailTaken" });
    expect(await db.user.count({ where: { email: "twice@sc-staff.test" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "staff.created", actorId: admin.id } })).toBe(1);
  });

  it("validates: bad email, missing name, unknown role, weak initial password — field messages", () => {
    const bad = createStaffSchema.safeParse({ email: "nope", name: " ", role: "ROOT", setup: "password", password: "short" });
    expect(bad.success).toBe(false);
    const byField = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toMatchObject({ email: "validation.email", name: "validation.required", role: "validation.invalid" });
    // The password rule runs once the rest of the object is valid.
    const weak = createStaffSchema.safeParse({ email: "a@sc-staff.test", name: "A", role: "SUPPORT", setup: "password", password: "short" });
    expect(weak.error!.issues[0]).toMatchObject({ path: ["password"], message: "validation.passwordTooShort" });
    expect(createStaffSchema.safeParse({ email: "a@sc-staff.test", name: "A", role: "SUPPORT", setup: "link", password: "" }).success).toBe(true);
  });
});

describe("deactivate, reactivate, change role", () => {
  it("deactivating ends the sessions and blocks sign-in; reactivating lets the account back in", async () => {
    const admin = await staff("ADMINISTRATOR");
    const support = await staff("SUPPORT");
    expect(await deactivateStaff(support.id, by(admin.id))).toEqual({ ok: true, userId: support.id });
    let row = await db.user.findUniqueOrThrow({ where: { id: support.id } });
    expect(row).toMatchObject({ status: "DEACTIVATED", sessionVersion: support.sessionVersion + 1 });
    expect((await authenticate(support.email, PASSWORD, "10.2.0.3")).ok).toBe(false);
    // Repeating is harmless and writes nothing.
    expect(await deactivateStaff(support.id, by(admin.id))).toEqual({ ok: false, error: "unchanged" });
    expect(await db.auditEvent.count({ where: { action: "staff.deactivated", entityId: support.id } })).toBe(1);

    expect((await reactivateStaff(support.id, by(admin.id))).ok).toBe(true);
    row = await db.user.findUniqueOrThrow({ where: { id: support.id } });
    expect(row).toMatchObject({ status: "ACTIVE", sessionVersion: support.sessionVersion + 2 });
    expect((await authenticate(support.email, PASSWORD, "10.2.0.3")).ok).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "staff.deactivated", entityId: support.id } });
    expect(JSON.parse(audit.before!)).toEqual({ status: "ACTIVE", staffRole: "SUPPORT" });
    expect(JSON.parse(audit.after!)).toEqual({ status: "DEACTIVATED", staffRole: "SUPPORT" });
  });

  it("changes a role, audited before and after", async () => {
    const admin = await staff("ADMINISTRATOR");
    const support = await staff("SUPPORT");
    expect((await changeStaffRole(support.id, "ADMINISTRATOR", by(admin.id))).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: support.id } })).staffRole).toBe("ADMINISTRATOR");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "staff.role_changed", entityId: support.id } });
    expect(JSON.parse(audit.before!)).toMatchObject({ staffRole: "SUPPORT" });
    expect(JSON.parse(audit.after!)).toMatchObject({ staffRole: "ADMINISTRATOR" });
    expect(await changeStaffRole(support.id, "ADMINISTRATOR", by(admin.id))).toEqual({ ok: false, error: "unchanged" });
  });

  it("never touches supplier users and refuses changes to oneself", async () => {
    const admin = await staff("ADMINISTRATOR");
    const { makeSupplier } = await import("../support/factories");
    const s = await makeSupplier();
    expect(await deactivateStaff(s.userId, by(admin.id))).toEqual({ ok: false, error: "notFound" });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.userId } })).status).toBe("ACTIVE");
    expect(await deactivateStaff(admin.id, by(admin.id))).toEqual({ ok: false, error: "self" });
    expect(await changeStaffRole(admin.id, "SUPPORT", by(admin.id))).toEqual({ ok: false, error: "self" });
  });
});

describe("the last active administrator", () => {
  it("cannot be deactivated or demoted, even by two administrators racing to remove each other", async () => {
    // Only these two administrators are active in this test.
    await db.user.updateMany({ where: { kind: "STAFF", staffRole: "ADMINISTRATOR" }, data: { status: "DEACTIVATED" } });
    const a = await staff("ADMINISTRATOR");
    const b = await staff("ADMINISTRATOR");
    const support = await staff("SUPPORT");
    const results = await Promise.all([deactivateStaff(b.id, by(a.id)), deactivateStaff(a.id, by(b.id))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "lastAdministrator" });
    expect(await db.user.count({ where: { kind: "STAFF", staffRole: "ADMINISTRATOR", status: "ACTIVE" } })).toBe(1);

    const last = results[0].ok ? a : b;
    const before = await db.auditEvent.count();
    // Demoting by someone else (a support account cannot do it through the actions, but the service checks anyway).
    expect(await changeStaffRole(last.id, "SUPPORT", by(support.id))).toEqual({ ok: false, error: "lastAdministrator" });
    expect(await deactivateStaff(last.id, by(support.id))).toEqual({ ok: false, error: "lastAdministrator" });
    expect(await db.auditEvent.count()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: last.id } })).staffRole).toBe("ADMINISTRATOR");

    // With a second administrator, the first may go.
    expect((await changeStaffRole(support.id, "ADMINISTRATOR", by(last.id))).ok).toBe(true);
    expect((await changeStaffRole(last.id, "SUPPORT", by(support.id))).ok).toBe(true);
  });

  it("lists staff only, active first", async () => {
    const page = await listStaff(1);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((u) => u.email.endsWith("@sc-staff.test"))).toBe(true);
  });
});
