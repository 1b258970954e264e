import { describe, expect, it } from "vitest";

const { listCustomers, customerDetail } = await import("@/features/customer-setup/service");
const { db } = await import("@/server/db");
const { makeSupplier, makeUser, makeCustomer } = await import("../support/factories");
const { businessStep, paymentStep, connect, asCaller, limitTo } = await import("./fixtures");

const ids = (items: { customerId: string }[]) => items.map((i) => i.customerId).sort();

async function world() {
  const s = await makeSupplier({ email: `admin@grouping-${Math.random().toString(36).slice(2, 8)}.test` });
  const domain = s.email.split("@")[1];
  const needsWork = await makeCustomer({ name: "Alpha Foods", requirements: [businessStep, paymentStep] });
  const done = await makeCustomer({ name: "Bravo Steel", requirements: [businessStep] });
  const noReq = await makeCustomer({ name: "Charlie Paper" });
  const inviter = await makeCustomer({ name: "Delta Air" });
  const requested = await makeCustomer({ name: "Echo Labs" });
  const potential = await makeCustomer({ name: "Foxtrot Buyer", domains: [domain] });
  const stranger = await makeCustomer({ name: "Golf Unrelated" });
  await connect(s.supplierId, needsWork.id);
  await connect(s.supplierId, done.id, { onboardingState: "SUBMITTED" }).then((r) =>
    db.onboardingSubmission.create({ data: { relationshipId: r.id, stepKey: "business", status: "SUBMITTED" } }),
  );
  await connect(s.supplierId, noReq.id, { origin: "REQUEST" });
  await db.invitation.create({
    data: { customerId: inviter.id, email: `colleague@${domain}`, tokenHash: `h-${Math.random()}`, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  // An expired invitation and one to somebody else do not count.
  await db.invitation.create({
    data: { customerId: stranger.id, email: `old@${domain}`, tokenHash: `h-${Math.random()}`, expiresAt: new Date(Date.now() - 1000) },
  });
  await db.invitation.create({
    data: { customerId: stranger.id, email: "someone@elsewhere.test", tokenHash: `h-${Math.random()}`, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  await db.connectionRequest.create({
    data: {
      supplierId: s.supplierId,
      customerId: requested.id,
      requestedById: s.userId,
      contactEmail: "buyer@echo.test",
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { s, needsWork, done, noReq, inviter, requested, potential, stranger };
}

describe("Customer Setup list", () => {
  it("groups every customer once: action needed, current, invited, requests, potential", async () => {
    const w = await world();
    const list = await listCustomers(await asCaller(w.s.userId));
    expect(ids(list.actionNeeded)).toEqual([w.needsWork.id]);
    expect(ids(list.current)).toEqual([w.done.id, w.noReq.id].sort());
    expect(ids(list.invited)).toEqual([w.inviter.id]);
    expect(ids(list.requests)).toEqual([w.requested.id]);
    expect(ids(list.potential)).toEqual([w.potential.id]);
  });

  it("filters by name, case-insensitively, also on the Chinese name", async () => {
    const w = await world();
    await db.customer.update({ where: { id: w.noReq.id }, data: { nameZh: "查理纸业" } });
    const me = await asCaller(w.s.userId);
    const list = await listCustomers(me, "alpha");
    expect(ids(Object.values(list).flat())).toEqual([w.needsWork.id]);
    const zh = await listCustomers(me, "纸业");
    expect(ids(Object.values(zh).flat())).toEqual([w.noReq.id]);
  });

  it("a potential customer that is already connected or requested is not suggested again", async () => {
    const w = await world();
    await connect(w.s.supplierId, w.potential.id);
    const list = await listCustomers(await asCaller(w.s.userId));
    expect(list.potential).toEqual([]);
    expect(ids(list.current)).toContain(w.potential.id);
  });
});

describe("banners in the detail", () => {
  it("shows both banners before onboarding starts, only the payment one when the business step is in", async () => {
    const w = await world();
    const me = await asCaller(w.s.userId);
    const before = await customerDetail(me, w.needsWork.id);
    expect(before!.banners).toEqual({ payment: { stepKey: "payment" }, steps: { stepKey: "business" } });
    const rel = await db.customerRelationship.findFirstOrThrow({ where: { customerId: w.needsWork.id } });
    await db.onboardingSubmission.create({ data: { relationshipId: rel.id, stepKey: "business", status: "SUBMITTED" } });
    await db.customerRelationship.update({ where: { id: rel.id }, data: { onboardingState: "IN_PROGRESS" } });
    const after = await customerDetail(me, w.needsWork.id);
    expect(after!.banners).toEqual({ payment: { stepKey: "payment" } });
    expect(after!.progress).toMatchObject({ done: 1, total: 2 });
  });

  it("shows no banner for a submitted onboarding or a customer without requirements", async () => {
    const w = await world();
    const me = await asCaller(w.s.userId);
    expect((await customerDetail(me, w.done.id))!.banners).toEqual({});
    expect((await customerDetail(me, w.noReq.id))!.banners).toEqual({});
    expect((await customerDetail(me, w.inviter.id))!.banners).toEqual({});
  });

  it("has the relationship's history, connection request events included", async () => {
    const w = await world();
    const req = await db.connectionRequest.findFirstOrThrow({ where: { customerId: w.requested.id } });
    await db.connectionRequestEvent.create({ data: { requestId: req.id, toStatus: "PENDING", actorType: "SUPPLIER" } });
    const d = await customerDetail(await asCaller(w.s.userId), w.requested.id);
    expect(d!.item.group).toBe("requests");
    expect(d!.pendingRequest?.contactEmail).toBe("buyer@echo.test");
    expect(d!.history.map((h) => h.kind)).toEqual(["request.PENDING"]);
  });

  it("does not open a customer that is not the supplier's", async () => {
    const w = await world();
    expect(await customerDetail(await asCaller(w.s.userId), w.stranger.id)).toBeNull();
    const other = await makeSupplier();
    expect(await customerDetail(await asCaller(other.userId), w.needsWork.id)).toBeNull();
  });
});

describe("access limits", () => {
  it("a member limited to customer A sees only A in every group and cannot open B", async () => {
    const w = await world();
    const member = await makeUser(w.s.supplierId, { permissions: "onboarding" });
    await limitTo(member.id, [w.needsWork.id]);
    const me = await asCaller(member.id);
    const list = await listCustomers(me);
    expect(ids(Object.values(list).flat())).toEqual([w.needsWork.id]);
    expect(await customerDetail(me, w.needsWork.id)).not.toBeNull();
    for (const c of [w.done, w.noReq, w.inviter, w.requested, w.potential]) expect(await customerDetail(me, c.id)).toBeNull();
  });
});
