import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.SUPPORT_EMAIL = "help@recovery.test";
const { recoveryState, requestAdminRights, recoveryRequestsForStaff, decideRecovery } = await import("@/features/supplier-users/admin-recovery");
const { createStaffUser } = await import("@/features/accounts/service");
const { db } = await import("@/server/db");
const { makeSupplier, makeUser, PASSWORD } = await import("../support/factories");

afterAll(() => smtp.close());

const uid = () => crypto.randomBytes(4).toString("hex");
let staffId = "";
async function staff() {
  staffId ||= (await createStaffUser({ email: `support-${uid()}@recovery.test`, name: "Sam Support", password: PASSWORD, role: "SUPPORT" })).id;
  return { type: "STAFF" as const, id: staffId };
}

/** A company whose only admin was deactivated, with one remaining member on the company domain. */
async function orphanedCompany() {
  const domain = `orphan-${uid()}.test`;
  const s = await makeSupplier({ email: `boss@${domain}` });
  const member = await makeUser(s.supplierId, { email: `member@${domain}`, permissions: "requests", allCustomers: false });
  await db.user.update({ where: { id: s.userId }, data: { status: "DEACTIVATED" } });
  return { ...s, domain, member };
}

describe("company admin recovery", () => {
  it("only a user of a company without an active admin may ask", async () => {
    const s = await makeSupplier();
    const member = await makeUser(s.supplierId, { permissions: "requests" });
    expect(await recoveryState(s.userId)).toEqual({ state: "isAdmin" });
    expect(await recoveryState(member.id)).toEqual({ state: "hasAdmin" });
    expect(await requestAdminRights(member.id, "Please", "10.3.0.1")).toEqual({ ok: false, error: "notEligible" });
    expect(await db.adminRightsRequest.count({ where: { userId: member.id } })).toBe(0);
    const staffUser = await staff();
    expect(await requestAdminRights(staffUser.id, "Please", "10.3.0.1")).toEqual({ ok: false, error: "notEligible" });
  });

  it("a request is audited, emailed to the user and to support, and not duplicated", async () => {
    const o = await orphanedCompany();
    expect((await recoveryState(o.member.id)).state).toBe("eligible");
    expect(await requestAdminRights(o.member.id, "Our admin left in May", "10.3.0.2")).toEqual({ ok: true, created: true });
    expect(await requestAdminRights(o.member.id, "Again", "10.3.0.2")).toEqual({ ok: true, created: false });
    expect(await db.adminRightsRequest.count({ where: { userId: o.member.id } })).toBe(1);
    expect((await recoveryState(o.member.id)).state).toBe("pending");
    expect(await db.auditEvent.count({ where: { action: "admin_recovery.requested", actorId: o.member.id } })).toBe(1);
    await smtp.waitFor(o.member.email, (m) => /request for admin rights/.test(m.subject ?? ""));
    await smtp.waitFor("help@recovery.test", (m) => (m.text ?? "").includes(o.member.email));
  });

  it("staff see the evidence: company-domain email, tenure, activity and the former admins", async () => {
    const o = await orphanedCompany();
    await db.user.update({ where: { id: o.member.id }, data: { createdAt: new Date(Date.now() - 400 * 86_400_000), lastSignInAt: new Date() } });
    await requestAdminRights(o.member.id, "I run purchasing", "10.3.0.3");
    const row = (await recoveryRequestsForStaff()).find((r) => r.user.id === o.member.id)!;
    expect(row).toMatchObject({ status: "PENDING", onCompanyDomain: true, freeMail: false, stillWithoutAdmin: true, reason: "I run purchasing" });
    expect(row.tenureDays).toBeGreaterThanOrEqual(400);
    expect(row.recentActions).toBeGreaterThanOrEqual(1);
    expect(row.formerAdmins).toEqual([{ name: "Ada Admin", email: o.email, status: "DEACTIVATED" }]);
    expect(row.company.domains).toEqual([o.domain]);
  });

  it("a grant makes the user an admin of every customer, audited and emailed; deciding again changes nothing", async () => {
    const o = await orphanedCompany();
    await requestAdminRights(o.member.id, "Please", "10.3.0.4");
    const req = await db.adminRightsRequest.findFirstOrThrow({ where: { userId: o.member.id } });
    expect(await decideRecovery(req.id, "GRANTED", "Checked by phone", await staff())).toEqual({ ok: true, changed: true });
    const user = await db.user.findUniqueOrThrow({ where: { id: o.member.id } });
    expect(user.permissions.split(",")).toContain("admin");
    expect(user.allCustomers).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "admin_recovery.granted", entityId: req.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.access_changed", entityId: o.member.id } })).toBe(1);
    const mail = await smtp.waitFor(o.member.email, (m) => /You are now the admin/.test(m.subject ?? ""));
    expect(mail.text).toContain("Checked by phone");
    expect(await decideRecovery(req.id, "REFUSED", "Oops", await staff())).toEqual({ ok: true, changed: false });
    expect((await db.adminRightsRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("GRANTED");
  });

  it("a refusal changes no rights, is emailed with the comment, and the user may ask again", async () => {
    const o = await orphanedCompany();
    await requestAdminRights(o.member.id, "Please", "10.3.0.5");
    const req = await db.adminRightsRequest.findFirstOrThrow({ where: { userId: o.member.id } });
    expect(await decideRecovery(req.id, "REFUSED", "Not on the company register", await staff())).toEqual({ ok: true, changed: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: o.member.id } })).permissions).toBe("requests");
    await smtp.waitFor(o.member.email, (m) => /was refused/.test(m.subject ?? "") && (m.text ?? "").includes("Not on the company register"));
    expect(await recoveryState(o.member.id)).toMatchObject({ state: "eligible", lastDecision: { status: "REFUSED" } });
  });

  it("a grant is refused once the company has an active admin again", async () => {
    const o = await orphanedCompany();
    await requestAdminRights(o.member.id, "Please", "10.3.0.6");
    const req = await db.adminRightsRequest.findFirstOrThrow({ where: { userId: o.member.id } });
    await db.user.update({ where: { id: o.userId }, data: { status: "ACTIVE" } });
    expect(await decideRecovery(req.id, "GRANTED", "ok", await staff())).toEqual({ ok: false, error: "companyHasAdmin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: o.member.id } })).permissions).toBe("requests");
  });
});
