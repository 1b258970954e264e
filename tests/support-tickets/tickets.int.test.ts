import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";
import { startSmtpServer } from "../support/smtp";

/** Staff answer "Contact Support" tickets: assign, reply (kept and emailed in the author's language), close. */
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;

let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));
vi.mock("@/server/request", () => ({ clientIp: async () => "10.9.0.3" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db");
const { createStaffUser } = await import("@/features/accounts/service");
const { createTicket, listTickets, supplierTicket } = await import("@/features/support/service");
const { listStaffTickets, staffTicket } = await import("@/features/support/staff");
const { makeSupplier, PASSWORD } = await import("../support/factories");
const actions = await import("@/app/[lng]/admin/tickets/actions");

afterAll(() => smtp.close());

const uid = () => crypto.randomBytes(4).toString("hex");
let staff: SessionUser;

function form(fields: Record<string, string>) {
  const fd = new FormData();
  fd.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

async function ticket(locale: "en" | "zh" = "en") {
  const s = await makeSupplier({ locale });
  await db.user.update({ where: { id: s.userId }, data: { locale } });
  const t = await createTicket(
    { topic: "FIND_CUSTOMER", message: "I cannot find Harbour Freight in the directory." },
    { userId: s.userId, supplierId: s.supplierId },
  );
  return { ...s, ticketId: t.id };
}

beforeAll(async () => {
  const u = await createStaffUser({ email: `tickets-${uid()}@staff.test`, name: "Tina Support", password: PASSWORD, role: "SUPPORT" });
  staff = { id: u.id, email: u.email, name: u.name, locale: "en", kind: "STAFF", staffRole: "SUPPORT", supplierId: null, permissions: [], allCustomers: true };
});

describe("support tickets, staff side", () => {
  it("assigns to self once, audited; the list filters by status and 'mine'", async () => {
    const s = await ticket();
    current = staff;
    const first = await actions.assignTicketAction(undefined, form({ id: s.ticketId }));
    const again = await actions.assignTicketAction(undefined, form({ id: s.ticketId }));
    const missing = await actions.assignTicketAction(undefined, form({ id: "nope" }));
    current = null;
    expect(first).toMatchObject({ ok: true });
    expect(again).toMatchObject({ ok: true });
    expect(missing).toMatchObject({ ok: false, formError: "staff:tickets.errors.notFound" });
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: s.ticketId } })).assigneeId).toBe(staff.id);
    expect(await db.auditEvent.count({ where: { action: "support_ticket.assigned", entityId: s.ticketId } })).toBe(1);
    const mine = await listStaffTickets({ mine: "1", page: 1 }, staff.id);
    expect(mine.items.map((t) => t.id)).toContain(s.ticketId);
    expect((await listStaffTickets({ status: "CLOSED", page: 1 }, staff.id)).items.map((t) => t.id)).not.toContain(s.ticketId);
  });

  it("a reply is kept, emailed to the author in Chinese, shown to the supplier; a double submit sends once", async () => {
    const s = await ticket("zh");
    const body = `您好，我们已把该客户加入目录。${uid()}`;
    current = staff;
    const first = await actions.replyTicketAction(undefined, form({ id: s.ticketId, body }));
    const again = await actions.replyTicketAction(undefined, form({ id: s.ticketId, body }));
    current = null;
    expect(first).toMatchObject({ ok: true, message: "staff:tickets.replied" });
    expect(again).toMatchObject({ ok: true });
    expect(await db.ticketMessage.count({ where: { ticketId: s.ticketId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "support_ticket.replied", entityId: s.ticketId } })).toBe(1);
    const mail = await smtp.waitFor(s.email);
    expect(mail.subject).toBe("支持人员已回复您的工单：找不到我的客户");
    expect(mail.text).toContain(body);
    expect(mail.text).toContain(`/zh/support/${s.ticketId}`);
    expect(await db.outgoingMail.count({ where: { to: s.email, template: "support:mail.reply" } })).toBe(1);
    // Answering an unassigned ticket takes it; the supplier gets a notification.
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: s.ticketId } })).assigneeId).toBe(staff.id);
    expect(await db.notification.count({ where: { userId: s.userId, kind: "support:events.reply" } })).toBe(1);

    const seen = await supplierTicket(s.ticketId, s.supplierId);
    expect(seen?.messages.map((m) => [m.body, m.author.kind])).toEqual([[body, "STAFF"]]);
    const other = await makeSupplier();
    expect(await supplierTicket(s.ticketId, other.supplierId)).toBeNull();
    expect((await listTickets(s.supplierId))[0]._count.messages).toBe(1);
    expect((await staffTicket(s.ticketId))?.messages[0].author.name).toBe("Tina Support");
  });

  it("an empty reply is a field message; closing is once, audited, and a closed ticket takes no replies", async () => {
    const s = await ticket();
    const audits = await db.auditEvent.count();
    current = staff;
    const empty = await actions.replyTicketAction(undefined, form({ id: s.ticketId, body: "   " }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { body: ["staff:validation.replyRequired"] } });
    expect(await db.auditEvent.count()).toBe(audits);
    expect(await actions.closeTicketAction(undefined, form({ id: s.ticketId }))).toMatchObject({ ok: true });
    expect(await actions.closeTicketAction(undefined, form({ id: s.ticketId }))).toMatchObject({ ok: true });
    const late = await actions.replyTicketAction(undefined, form({ id: s.ticketId, body: "One more thing" }));
    current = null;
    expect(late).toMatchObject({ ok: false, formError: "staff:tickets.errors.closed" });
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: s.ticketId } })).status).toBe("CLOSED");
    expect(await db.auditEvent.count({ where: { action: "support_ticket.closed", entityId: s.ticketId } })).toBe(1);
    expect(await db.ticketMessage.count({ where: { ticketId: s.ticketId } })).toBe(0);
  });
});
