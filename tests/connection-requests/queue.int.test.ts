import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";

/** The staff request queue: filters, detail, single and bulk decisions, attempt resets. */
let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));
vi.mock("@/server/request", () => ({ clientIp: async () => "10.9.0.2" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db");
const { createStaffUser } = await import("@/features/accounts/service");
const { makeCustomer, makeSupplier, PASSWORD } = await import("../support/factories");
const { listQueue, queueDetail, bulkDecide } = await import("@/features/connection-requests/queue/service");
const { queueFilterSchema } = await import("@/features/connection-requests/queue/schemas");
const actions = await import("@/app/[lng]/admin/requests/actions");

const uid = () => crypto.randomBytes(4).toString("hex");
const DAY = 24 * 60 * 60 * 1000;
let staff: SessionUser;
const actor = () => ({ type: "STAFF" as const, id: staff.id });

async function request(data: { supplierId: string; userId: string; customerId: string; email?: string; flags?: string; ageDays?: number; expired?: boolean }) {
  const createdAt = new Date(Date.now() - (data.ageDays ?? 0) * DAY);
  return db.connectionRequest.create({
    data: {
      supplierId: data.supplierId,
      customerId: data.customerId,
      requestedById: data.userId,
      contactEmail: data.email ?? `buyer-${uid()}@customer.test`,
      contactFlags: data.flags ?? "",
      createdAt,
      expiresAt: data.expired ? new Date(Date.now() - 1000) : new Date(Date.now() + 10 * DAY),
    },
  });
}

function form(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  fd.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) fd.append(k, value);
  return fd;
}

const filter = (raw: Record<string, string>) => queueFilterSchema.parse(raw);

beforeAll(async () => {
  const u = await createStaffUser({ email: `queue-${uid()}@staff.test`, name: "Queue Support", password: PASSWORD, role: "SUPPORT" });
  staff = { id: u.id, email: u.email, name: u.name, locale: "en", kind: "STAFF", staffRole: "SUPPORT", supplierId: null, permissions: [], allCustomers: true };
});

describe("request queue", () => {
  it("filters by status (expired derived), customer, age, flag and searches supplier, customer and email", async () => {
    const tag = uid();
    const s = await makeSupplier({ companyName: `Queue Supplier ${tag}` });
    const c1 = await makeCustomer({ name: `Queue Customer A ${tag}` });
    const c2 = await makeCustomer({ name: `Queue Customer B ${tag}` });
    const fresh = await request({ supplierId: s.supplierId, userId: s.userId, customerId: c1.id, email: `fresh-${tag}@c1.test` });
    const old = await request({ supplierId: s.supplierId, userId: s.userId, customerId: c2.id, ageDays: 9, flags: "FREE_MAIL", email: `old-${tag}@gmail.com` });
    const stale = await request({ supplierId: s.supplierId, userId: s.userId, customerId: c2.id, flags: "DOMAIN_MISMATCH", expired: true });
    const ids = async (raw: Record<string, string>) => (await listQueue(filter(raw))).items.map((r) => r.id).sort();

    expect(await ids({ q: tag })).toEqual([fresh.id, old.id, stale.id].sort());
    expect(await ids({ q: `Queue Supplier ${tag}` })).toHaveLength(3);
    expect(await ids({ q: `Queue Customer A ${tag}` })).toEqual([fresh.id]);
    expect(await ids({ q: `OLD-${tag}@GMAIL.COM` })).toEqual([old.id]);
    expect(await ids({ q: tag, status: "PENDING" })).toEqual([fresh.id, old.id].sort());
    expect(await ids({ q: tag, status: "EXPIRED" })).toEqual([stale.id]);
    expect((await listQueue(filter({ q: tag, status: "EXPIRED" }))).items[0].status).toBe("EXPIRED");
    expect(await ids({ customerId: c2.id })).toEqual([old.id, stale.id].sort());
    expect(await ids({ q: tag, olderThan: "7" })).toEqual([old.id]);
    expect(await ids({ q: tag, flag: "FREE_MAIL" })).toEqual([old.id]);
    expect(await ids({ q: tag, flag: "DOMAIN_MISMATCH" })).toEqual([stale.id]);
    expect(await ids({ q: tag, flag: "ANY" })).toEqual([old.id, stale.id].sort());
    // Malformed filters are ignored rather than errors.
    expect(filter({ status: "BOGUS", olderThan: "-3", flag: "x", page: "zz" })).toEqual({ page: 1 });
  });

  it("pages", async () => {
    const tag = uid();
    const s = await makeSupplier({ companyName: `Pager ${tag}` });
    for (let i = 0; i < 27; i++) {
      const c = await makeCustomer();
      await request({ supplierId: s.supplierId, userId: s.userId, customerId: c.id });
    }
    const first = await listQueue(filter({ q: `Pager ${tag}` }));
    const second = await listQueue(filter({ q: `Pager ${tag}`, page: "2" }));
    expect(first.total).toBe(27);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(27);
  });

  it("decides one request with a comment the supplier sees; a second submit changes nothing", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const r = await request({ supplierId: s.supplierId, userId: s.userId, customerId: c.id, flags: "FREE_MAIL" });
    current = staff;
    const first = await actions.decideRequestAction(undefined, form({ id: r.id, decision: "REJECTED", comment: "Please use your company address." }));
    const again = await actions.decideRequestAction(undefined, form({ id: r.id, decision: "APPROVED", comment: "" }));
    current = null;
    expect(first).toMatchObject({ ok: true, message: "staff:queue.decided.REJECTED" });
    expect(again).toMatchObject({ ok: false, formError: "staff:queue.errors.notPending" });
    const row = await db.connectionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: "REJECTED", comment: "Please use your company address." });
    expect(await db.connectionRequestEvent.count({ where: { requestId: r.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "ConnectionRequest", entityId: r.id, actorId: staff.id } })).toBe(1);
    expect(await db.customerRelationship.count({ where: { supplierId: s.supplierId } })).toBe(0);

    const detail = (await queueDetail(r.id))!;
    expect(detail.status).toBe("REJECTED");
    expect(detail.contactFlags).toEqual(["FREE_MAIL"]);
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({ toStatus: "REJECTED", actorType: "STAFF", comment: "Please use your company address." });
    expect(detail.events[0].actorName).toContain("Queue Support");
    expect(detail.audit.map((a) => a.action)).toEqual(["connection_request.rejected"]);
    expect(detail.allowance).toMatchObject({ used: 0 });
    expect(await queueDetail("nope")).toBeNull();
  });

  it("bad input is a field message and writes nothing", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const r = await request({ supplierId: s.supplierId, userId: s.userId, customerId: c.id });
    const audits = await db.auditEvent.count();
    current = staff;
    const noReason = await actions.decideRequestAction(undefined, form({ id: r.id, decision: "REJECTED", comment: "  " }));
    const noDecision = await actions.decideRequestAction(undefined, form({ id: r.id, decision: "MAYBE" }));
    const noneSelected = await actions.bulkDecideAction(undefined, form({ decision: "APPROVED" }));
    const unknown = await actions.decideRequestAction(undefined, form({ id: "missing", decision: "APPROVED" }));
    current = null;
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { comment: ["staff:validation.commentRequired"] } });
    expect(noDecision).toMatchObject({ ok: false, fieldErrors: { decision: ["staff:validation.decision"] } });
    expect(noneSelected).toMatchObject({ ok: false, fieldErrors: { "ids[]": ["staff:validation.noneSelected"] } });
    expect(unknown).toMatchObject({ ok: false, formError: "staff:queue.errors.notFound" });
    expect((await db.connectionRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PENDING");
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("bulk decides the selected pending requests and reports how many changed", async () => {
    const s = await makeSupplier();
    const rows = [];
    for (let i = 0; i < 3; i++) rows.push(await request({ supplierId: s.supplierId, userId: s.userId, customerId: (await makeCustomer()).id }));
    const done = await request({ supplierId: s.supplierId, userId: s.userId, customerId: (await makeCustomer()).id });
    await db.connectionRequest.update({ where: { id: done.id }, data: { status: "CANCELLED" } });
    current = staff;
    const result = await actions.bulkDecideAction(
      undefined,
      form({ "ids[]": [...rows.map((r) => r.id), done.id, rows[0].id], decision: "APPROVED", comment: "Welcome" }),
    );
    const repeat = await bulkDecide({ "ids[]": rows.map((r) => r.id), decision: "REJECTED", comment: "late" }, actor());
    current = null;
    expect(result).toMatchObject({ ok: true, data: { changed: 3, skipped: 1 }, message: "staff:queue.bulkDone" });
    expect(repeat).toEqual({ changed: 0, skipped: 3 });
    const after = await db.connectionRequest.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expect(after.every((r) => r.status === "APPROVED" && r.comment === "Welcome")).toBe(true);
    expect(await db.customerRelationship.count({ where: { supplierId: s.supplierId } })).toBe(3);
  });

  it("resets a supplier company's search attempts, audited", async () => {
    const s = await makeSupplier();
    await db.searchAllowance.create({ data: { supplierId: s.supplierId, used: 7 } });
    await db.searchAttempt.create({ data: { supplierId: s.supplierId, query: "acme" } });
    current = staff;
    const result = await actions.resetAttemptsAction(undefined, form({ supplierId: s.supplierId }));
    const missing = await actions.resetAttemptsAction(undefined, form({ supplierId: "nope" }));
    current = null;
    expect(result).toMatchObject({ ok: true, data: { used: 0 }, message: "staff:queue.attemptsReset" });
    expect(missing).toMatchObject({ ok: false, formError: "staff:queue.errors.notFound" });
    expect((await db.searchAllowance.findUniqueOrThrow({ where: { supplierId: s.supplierId } })).used).toBe(0);
    expect(await db.searchAttempt.count({ where: { supplierId: s.supplierId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "search_allowance.reset", entityId: s.supplierId, actorId: staff.id } })).toBe(1);
  });
});
