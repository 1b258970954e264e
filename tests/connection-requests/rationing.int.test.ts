import { describe, expect, it } from "vitest";

process.env.SEARCH_ATTEMPT_LIMIT = "3";
const { rationedSearch, getAllowance, resetSearchAttempts, setSearchLimit } = await import("@/features/connection-requests/rationing");
const { createTicket, listTickets } = await import("@/features/support/service");
const { ticketSchema } = await import("@/features/support/schemas");
const { db } = await import("@/server/db");
const { makeSupplier, makeCustomer } = await import("../support/factories");

describe("search rationing", () => {
  it("counts each distinct normalised query once, per company, and stops at the limit", async () => {
    const s = await makeSupplier();
    const other = await makeSupplier();
    await makeCustomer({ name: "Rationed Widgets GmbH" });

    const first = await rationedSearch(s.supplierId, "Rationed Widgets");
    expect(first).toMatchObject({ ok: true, counted: true, allowance: { limit: 3, used: 1, remaining: 2 } });
    if (!first.ok) throw new Error();
    expect(first.hits.map((h) => h.name)).toEqual(["Rationed Widgets GmbH"]);

    // The same query again, in another case and with punctuation: free.
    expect(await rationedSearch(s.supplierId, "  rationed, WIDGETS ")).toMatchObject({ ok: true, counted: false, allowance: { used: 1 } });
    // Too short to search: free.
    expect(await rationedSearch(s.supplierId, "r")).toMatchObject({ ok: true, counted: false, hits: [], allowance: { used: 1 } });

    await rationedSearch(s.supplierId, "second query");
    expect(await rationedSearch(s.supplierId, "third query")).toMatchObject({ ok: true, allowance: { remaining: 0 } });
    const refused = await rationedSearch(s.supplierId, "Rationed W");
    expect(refused).toEqual({ ok: false, error: "exhausted", allowance: { limit: 3, used: 3, remaining: 0 } });
    // A query run before is still answered (it costs nothing).
    expect((await rationedSearch(s.supplierId, "rationed widgets")).ok).toBe(true);
    expect(await db.searchAttempt.count({ where: { supplierId: s.supplierId } })).toBe(3);

    // Another company has its own allowance.
    expect(await getAllowance(other.supplierId)).toEqual({ limit: 3, used: 0, remaining: 3 });
  });

  it("never goes over the limit when many different searches race", async () => {
    const s = await makeSupplier();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => rationedSearch(s.supplierId, `race query ${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await getAllowance(s.supplierId)).toMatchObject({ used: 3, remaining: 0 });
    expect(await db.searchAttempt.count({ where: { supplierId: s.supplierId } })).toBe(3);
  });

  it("counts one attempt when the same new query races", async () => {
    const s = await makeSupplier();
    const results = await Promise.all(Array.from({ length: 10 }, () => rationedSearch(s.supplierId, "same racing query")));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await getAllowance(s.supplierId)).toMatchObject({ used: 1 });
  });

  it("uses a company's own limit when staff set one; only staff reset, with an audit row", async () => {
    const s = await makeSupplier();
    for (const q of ["aa", "bb", "cc"]) await rationedSearch(s.supplierId, q);
    expect((await rationedSearch(s.supplierId, "dd")).ok).toBe(false);

    // A supplier user is refused before anything is read or written: no reset, no limit, no audit row.
    const auditsBefore = await db.auditEvent.count({ where: { entityId: s.supplierId } });
    await expect(resetSearchAttempts(s.supplierId, { type: "USER", id: s.userId })).rejects.toThrow("Only support staff can reset search attempts");
    await expect(setSearchLimit(s.supplierId, 5, { type: "USER", id: s.userId })).rejects.toThrow("Only support staff can change the search limit");
    // Staff with an out-of-range limit are refused too.
    await expect(setSearchLimit(s.supplierId, 0, { type: "STAFF", id: "staff-1" })).rejects.toThrow("Invalid limit");
    await expect(setSearchLimit(s.supplierId, 2.5, { type: "STAFF", id: "staff-1" })).rejects.toThrow("Invalid limit");
    expect(await getAllowance(s.supplierId)).toEqual({ limit: 3, used: 3, remaining: 0 });
    expect(await db.searchAllowance.findUnique({ where: { supplierId: s.supplierId }, select: { limit: true, used: true } })).toMatchObject({
      limit: null,
      used: 3,
    });
    expect(await db.searchAttempt.count({ where: { supplierId: s.supplierId } })).toBe(3);
    expect(await db.auditEvent.count({ where: { entityId: s.supplierId } })).toBe(auditsBefore);

    expect(await setSearchLimit(s.supplierId, 5, { type: "STAFF", id: "staff-1" })).toEqual({ limit: 5, used: 3, remaining: 2 });
    expect((await rationedSearch(s.supplierId, "dd")).ok).toBe(true);

    expect(await resetSearchAttempts(s.supplierId, { type: "STAFF", id: "staff-1" })).toEqual({ limit: 5, used: 0, remaining: 5 });
    expect(await db.searchAttempt.count({ where: { supplierId: s.supplierId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: s.supplierId, action: "search_allowance.reset", actorType: "STAFF" } })).toBe(1);
    expect(await rationedSearch(s.supplierId, "aa")).toMatchObject({ ok: true, counted: true, allowance: { used: 1 } });
  });
});

describe("support tickets", () => {
  it("creates a ticket with an audit row and lists it for the company only", async () => {
    const s = await makeSupplier();
    const other = await makeSupplier();
    const input = ticketSchema.parse({ topic: "FIND_CUSTOMER", message: "  I cannot find Pearl River Foods, tax id 123.  " });
    const { id } = await createTicket(input, { userId: s.userId, supplierId: s.supplierId, ip: "10.0.0.9" });
    const row = await db.supportTicket.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "OPEN", topic: "FIND_CUSTOMER", message: "I cannot find Pearl River Foods, tax id 123.", authorId: s.userId });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "support_ticket.created" } })).toBe(1);
    expect((await listTickets(s.supplierId)).map((t) => t.id)).toEqual([id]);
    expect(await listTickets(other.supplierId)).toEqual([]);
  });

  it("refuses a bad topic or a too-short message with localized keys", () => {
    const res = ticketSchema.safeParse({ topic: "HACK", message: "short" });
    expect(res.success).toBe(false);
    const messages = res.error!.issues.map((i) => i.message).sort();
    expect(messages).toEqual(["support:validation.messageShort", "support:validation.topic"]);
  });
});
