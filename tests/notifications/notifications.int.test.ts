import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The inbox is a server component that reads the reader's zone from the request's `tz` cookie.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "tz" ? { name, value: "Asia/Shanghai" } : undefined) }),
}));

const { notify, listNotifications, markRead, openNotification, notificationHref, unreadCount } = await import("@/features/notifications/service");
const { db } = await import("@/server/db");
const { makeCustomer, makeSupplier } = await import("../support/factories");
const { bulkDecide } = await import("@/features/connection-requests/queue/service");
const { customerIdsOf } = await import("@/features/notifications/service");
const { customerNamesById } = await import("@/features/customers/service");
const { Inbox } = await import("@/features/notifications/components/inbox");

describe("notifications inbox", () => {
  it("lists unread first, newest first within each, and marks one or all read", async () => {
    const s = await makeSupplier();
    const other = await makeSupplier();
    await notify(db, [s.userId], "onboarding:events.approved", { customer: "A" }, "/setup/customers?c=a");
    await new Promise((r) => setTimeout(r, 5));
    await notify(db, [s.userId, other.userId], "onboarding:events.approved", { customer: "B" }, "/setup/customers?c=b");
    await new Promise((r) => setTimeout(r, 5));
    await notify(db, [s.userId], "onboarding:events.changesRequested", { customer: "C" });
    const first = await listNotifications(s.userId);
    expect(first.map((n) => n.params.customer)).toEqual(["C", "B", "A"]);
    const b = first[1];
    // Another user cannot mark or open it.
    expect(await markRead(other.userId, b.id)).toBe(0);
    expect(await openNotification(other.userId, b.id, "en")).toBeUndefined();
    expect(await openNotification(s.userId, b.id, "zh")).toBe("/zh/setup/customers?c=b");
    const after = await listNotifications(s.userId);
    expect(after.map((n) => n.params.customer)).toEqual(["C", "A", "B"]);
    expect(await unreadCount(s.userId)).toBe(2);
    expect(await markRead(s.userId)).toBe(2);
    expect(await unreadCount(s.userId)).toBe(0);
    expect(await unreadCount(other.userId)).toBe(1);
  });

  it("follows only same-site links, in the reader's language", () => {
    expect(notificationHref("/setup/requests", "zh")).toBe("/zh/setup/requests");
    expect(notificationHref("/en/setup/requests", "zh")).toBe("/zh/setup/requests");
    expect(notificationHref("https://evil.test", "en")).toBeNull();
    expect(notificationHref("//evil.test", "en")).toBeNull();
    expect(notificationHref("", "en")).toBeNull();
  });

  it("names the customer in the reader's language when the inbox is read", async () => {
    const s = await makeSupplier();
    const customer = await makeCustomer({ name: "Chengdu Panda Logistics Co., Ltd." });
    await db.customer.update({ where: { id: customer.id }, data: { nameZh: "成都熊猫物流有限公司" } });
    const r = await db.connectionRequest.create({
      data: {
        supplierId: s.supplierId,
        customerId: customer.id,
        requestedById: s.userId,
        contactEmail: "buyer@panda.test",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const staff = await db.user.create({ data: { email: `staff-${r.id}@staff.test`, name: "Staff", passwordHash: "x", kind: "STAFF", staffRole: "SUPPORT" } });
    expect(await bulkDecide({ "ids[]": [r.id], decision: "APPROVED", comment: "" }, { type: "STAFF", id: staff.id })).toMatchObject({ changed: 1 });

    const items = await listNotifications(s.userId);
    const customers = await customerNamesById(customerIdsOf(items));
    const noop = async () => {};
    const render = async (lng: string) =>
      renderToStaticMarkup(await Inbox({ lng, items, customers, actions: { markRead: noop, markAllRead: noop, open: noop } }));
    expect(await render("zh")).toContain("成都熊猫物流有限公司");
    expect(await render("zh")).not.toContain("Chengdu Panda");
    expect(await render("en")).toContain("Chengdu Panda Logistics Co., Ltd.");

    // A later rename shows everywhere, since the name is looked up when the inbox is read.
    await db.customer.update({ where: { id: customer.id }, data: { nameZh: "成都熊猫供应链有限公司" } });
    expect(
      renderToStaticMarkup(
        await Inbox({
          lng: "zh",
          items,
          customers: await customerNamesById(customerIdsOf(items)),
          actions: { markRead: noop, markAllRead: noop, open: noop },
        }),
      ),
    ).toContain("成都熊猫供应链有限公司");
  });
});
