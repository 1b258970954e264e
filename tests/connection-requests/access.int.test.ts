import { describe, expect, it } from "vitest";

const svc = await import("@/features/connection-requests/service");
const { parseListQuery } = await import("@/features/connection-requests/schemas");
const { customerScope } = await import("@/server/access");
const { db } = await import("@/server/db");
const { makeSupplier, makeUser, makeCustomer } = await import("../support/factories");

/** A pending request written directly: this test is about who sees it, not how it was made. */
async function pendingRequest(supplierId: string, customerId: string, requestedById: string) {
  return db.connectionRequest.create({
    data: {
      supplierId,
      customerId,
      requestedById,
      contactEmail: "buyer@example.test",
      pendingKey: `${supplierId}:${customerId}`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

describe("connection requests and per-customer access", () => {
  it("a member limited to customer A sees, exports and cancels only A's requests", async () => {
    const s = await makeSupplier();
    const a = await makeCustomer({ name: "Alpha Access Buyer" });
    const b = await makeCustomer({ name: "Bravo Access Buyer" });
    const member = await makeUser(s.supplierId, { permissions: "requests", allCustomers: false });
    await db.userCustomerAccess.create({ data: { userId: member.id, customerId: a.id } });
    const ra = await pendingRequest(s.supplierId, a.id, s.userId);
    const rb = await pendingRequest(s.supplierId, b.id, s.userId);
    const scope = customerScope({ id: member.id, allCustomers: member.allCustomers });

    const list = await svc.listRequests(s.supplierId, parseListQuery({}), scope);
    expect(list.rows.map((r) => r.customerName)).toEqual(["Alpha Access Buyer"]);
    expect((await svc.exportRequests(s.supplierId, parseListQuery({}), scope)).map((r) => r.id)).toEqual([ra.id]);
    // The admin (all customers) sees both.
    expect((await svc.listRequests(s.supplierId, parseListQuery({}))).total).toBe(2);

    const actor = { supplierId: s.supplierId, userId: member.id, customers: scope };
    expect(await svc.cancelRequest(rb.id, actor)).toEqual({ ok: false, error: "notFound" });
    expect((await db.connectionRequest.findUniqueOrThrow({ where: { id: rb.id } })).status).toBe("PENDING");
    expect(await svc.cancelRequest(ra.id, actor)).toEqual({ ok: true });
    expect((await db.connectionRequest.findUniqueOrThrow({ where: { id: ra.id } })).status).toBe("CANCELLED");
  });
});
