import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const { listAuditEvents } = await import("@/features/audit-log/service");
const { listMail, resendMail } = await import("@/features/mail-log/service");
const { dashboardCounts } = await import("@/features/admin/dashboard");
const { auditFilterSchema } = await import("@/features/audit-log/schemas");
const { mailFilterSchema } = await import("@/features/mail-log/schemas");
const { audit } = await import("@/server/audit");
const { db } = await import("@/server/db");
const { makeCustomer, makeSupplier } = await import("../support/factories");

afterAll(() => smtp.close());

const filter = (raw: Record<string, string>) => auditFilterSchema.parse(raw);

describe("audit log", () => {
  it("filters by actor email or id, entity, action and date range; shows before/after; pages", async () => {
    const s = await makeSupplier({ email: "auditor@audit-filter.test" });
    await audit(
      db,
      { type: "USER", id: s.userId, ip: "10.4.0.1" },
      { action: "test.changed", entityType: "Widget", entityId: "w-1", before: { a: 1 }, after: { a: 2 } },
    );
    await db.auditEvent.create({
      data: { actorType: "SYSTEM", action: "test.old", entityType: "Widget", entityId: "w-2", createdAt: new Date("2020-01-15T10:00:00Z") },
    });

    const byEmail = await listAuditEvents(filter({ actor: "auditor@audit-filter" }));
    expect(byEmail.items.map((e) => e.action)).toEqual(expect.arrayContaining(["test.changed", "supplier.created", "user.created"]));
    expect(byEmail.items.every((e) => e.actorId === s.userId && e.actorEmail === "auditor@audit-filter.test")).toBe(true);
    expect((await listAuditEvents(filter({ actor: s.userId }))).total).toBe(byEmail.total);
    expect((await listAuditEvents(filter({ actor: "nobody@nowhere.test" }))).total).toBe(0);

    const changed = await listAuditEvents(filter({ entityType: "Widget", entityId: "w-1" }));
    expect(changed.items).toHaveLength(1);
    expect(changed.items[0]).toMatchObject({ before: { a: 1 }, after: { a: 2 }, ip: "10.4.0.1" });
    expect((await listAuditEvents(filter({ action: "test." }))).total).toBe(2);

    const jan = await listAuditEvents(filter({ from: "2020-01-15", to: "2020-01-15" }));
    expect(jan.items.map((e) => e.action)).toEqual(["test.old"]);
    expect((await listAuditEvents(filter({ from: "2020-01-16", to: "2020-01-31" }))).total).toBe(0);
    // A malformed date is ignored, not an error.
    expect(filter({ from: "15/01/2020", page: "x" })).toMatchObject({ from: undefined, page: 1 });

    for (let i = 0; i < 30; i++) await audit(db, { type: "SYSTEM" }, { action: "test.bulk", entityType: "Bulk", entityId: `b-${i}` });
    const p1 = await listAuditEvents(filter({ action: "test.bulk" }));
    const p2 = await listAuditEvents(filter({ action: "test.bulk", page: "2" }));
    expect([p1.items.length, p2.items.length, p1.pageCount]).toEqual([25, 5, 2]);
    expect(new Set([...p1.items, ...p2.items].map((e) => e.entityId)).size).toBe(30);
  });
});

describe("mail log", () => {
  it("filters by status, template and recipient, and pages", async () => {
    await db.outgoingMail.createMany({
      data: [
        { to: "a@mail-filter.test", locale: "en", template: "accounts:resetMail", subject: "Reset", text: "x", html: "x", status: "SENT" },
        { to: "b@mail-filter.test", locale: "en", template: "staff:welcomeMail", subject: "Welcome", text: "x", html: "x", status: "FAILED" },
      ],
    });
    expect((await listMail(mailFilterSchema.parse({ to: "@mail-filter.test", status: "FAILED" }))).items.map((m) => m.to)).toEqual(["b@mail-filter.test"]);
    expect((await listMail(mailFilterSchema.parse({ to: "mail-filter", template: "accounts:resetMail" }))).items.map((m) => m.to)).toEqual([
      "a@mail-filter.test",
    ]);
    expect(mailFilterSchema.parse({ status: "BOGUS" }).status).toBeUndefined();
  });

  it("resends a failed message once, audited; refuses messages that did not fail", async () => {
    const failed = await db.outgoingMail.create({
      data: {
        to: "retry@mail-resend.test",
        locale: "en",
        template: "accounts:resetMail",
        subject: "Retry me",
        text: "hello",
        html: "<p>hello</p>",
        status: "FAILED",
        attempts: 1,
        lastError: "boom",
      },
    });
    const actor = { type: "STAFF" as const, id: "staff-x", ip: "10.4.0.9" };
    const results = await Promise.all([resendMail(failed.id, actor), resendMail(failed.id, actor)]);
    expect(results).toContainEqual({ ok: true, status: "SENT" });
    expect(results).toContainEqual({ ok: false, error: "notFailed" });
    const mail = await smtp.waitFor("retry@mail-resend.test");
    expect(mail.subject).toBe("Retry me");
    expect(await db.outgoingMail.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: "" });
    expect(await db.auditEvent.count({ where: { action: "mail.resent", entityId: failed.id, actorId: "staff-x" } })).toBe(1);
    expect(await resendMail("missing", actor)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("dashboard", () => {
  it("counts pending (unexpired) requests, open tickets, submitted onboarding and failed mail", async () => {
    const before = await dashboardCounts();
    const s = await makeSupplier();
    const c = await makeCustomer();
    const day = 24 * 3600 * 1000;
    await db.connectionRequest.create({
      data: { supplierId: s.supplierId, customerId: c.id, requestedById: s.userId, contactEmail: "x@c.test", expiresAt: new Date(Date.now() + day) },
    });
    await db.connectionRequest.create({
      data: { supplierId: s.supplierId, customerId: c.id, requestedById: s.userId, contactEmail: "y@c.test", expiresAt: new Date(Date.now() - day) },
    });
    await db.supportTicket.create({ data: { supplierId: s.supplierId, authorId: s.userId, topic: "t", message: "m" } });
    await db.supportTicket.create({ data: { supplierId: s.supplierId, authorId: s.userId, topic: "t", message: "m", status: "CLOSED" } });
    await db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: c.id, origin: "STAFF", onboardingState: "SUBMITTED" } });
    await db.outgoingMail.create({ data: { to: "f@d.test", locale: "en", template: "x:y", subject: "s", text: "t", html: "h", status: "FAILED" } });
    const after = await dashboardCounts();
    expect({
      pendingRequests: after.pendingRequests - before.pendingRequests,
      openTickets: after.openTickets - before.openTickets,
      submittedOnboarding: after.submittedOnboarding - before.submittedOnboarding,
      failedMails: after.failedMails - before.failedMails,
    }).toEqual({ pendingRequests: 1, openTickets: 1, submittedOnboarding: 1, failedMails: 1 });
  });
});
