import { describe, expect, it } from "vitest";

const { notify, listNotifications, markRead, openNotification, notificationHref, unreadCount } = await import("@/features/notifications/service");
const { db } = await import("@/server/db");
const { makeSupplier } = await import("../support/factories");

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
});
