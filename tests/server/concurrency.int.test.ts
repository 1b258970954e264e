/**
 * The rules that relied on SQLite running one transaction at a time, raced
 * hard. Runs on both engines (`npm run test:unit`); on PostgreSQL the requests
 * really run in parallel on a pool of connections (decision 0017: serializable
 * transactions, retried on conflict).
 */
import { afterAll, describe, expect, it } from "vitest";
import { firstLink, startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
process.env.SEARCH_ATTEMPT_LIMIT = "1";
const { createInvitation } = await import("@/features/customer-invitations/staff");
const { acceptInvitation } = await import("@/features/customer-invitations/accept");
const { rationedSearch, getAllowance } = await import("@/features/connection-requests/rationing");
const { updateAccess } = await import("@/features/supplier-users/team");
const { parsePermissions } = await import("@/lib/permissions");
const { db } = await import("@/server/db");
const { makeCustomer, makeSupplier, makeUser } = await import("../support/factories");

afterAll(() => smtp.close());

const manager = (u: { id: string; supplierId: string | null }) => ({ id: u.id, supplierId: u.supplierId! });
const STAFF = { type: "STAFF" as const, id: "staff-1", ip: "10.0.0.1" };

describe("exactly one winner under concurrency", () => {
  it("an invitation accepted 10 times at once connects once", async () => {
    const s = await makeSupplier();
    const customer = await makeCustomer();
    const res = await createInvitation({ customerId: customer.id, email: s.email, locale: "en", message: "" }, STAFF);
    if (!res.ok) throw new Error(res.error);
    const token = firstLink(await smtp.waitFor(s.email))
      .split("/")
      .pop()!;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => acceptInvitation(token, s.userId, `10.9.0.${i + 1}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "used")).toBe(true);
    expect(await db.customerRelationship.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invitation.accepted", actorId: s.userId } })).toBe(1);
  });

  it("50 different searches against a ration of one: one is counted and answered", async () => {
    const s = await makeSupplier();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => rationedSearch(s.supplierId, `parallel query ${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await getAllowance(s.supplierId)).toMatchObject({ used: 1, remaining: 0 });
    expect(await db.searchAttempt.count({ where: { supplierId: s.supplierId } })).toBe(1);
  });

  it("the last two admins demoting each other at once leave exactly one admin", async () => {
    const s = await makeSupplier();
    const first = await db.user.findUniqueOrThrow({ where: { id: s.userId } });
    const second = await makeUser(s.supplierId, { permissions: "admin" });
    const grant = { permissions: ["profile" as const], allCustomers: true, customerIds: [] };
    const results = await Promise.all([updateAccess(manager(first), second.id, grant), updateAccess(manager(second), first.id, grant)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const users = await db.user.findMany({ where: { supplierId: s.supplierId } });
    expect(users.filter((u) => parsePermissions(u.permissions).includes("admin"))).toHaveLength(1);
  });
});
