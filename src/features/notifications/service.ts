import { db, type Tx } from "@/server/db";
import { kindOfEvent } from "./kinds";
import { recipientsWanting } from "./preferences";

/**
 * Adds a notification (call inside the transaction of the change it reports)
 * for the users who did not switch this kind of event to email only.
 */
export async function notify(tx: Tx, userIds: string[], kind: string, params: Record<string, string | number> = {}, link = ""): Promise<void> {
  if (userIds.length === 0) return;
  const recipients = await recipientsWanting(tx, userIds, kindOfEvent(kind), "inApp");
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({ userId, kind, params: JSON.stringify(params), link })),
  });
}

export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string, take = 50) {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ readAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    take,
  });
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, string> }));
}

/**
 * The customers the notifications are about (stored as `customerId` in their params), so the
 * page can name each in the reader's language at read time.
 */
export function customerIdsOf(items: { params: Record<string, string> }[]): string[] {
  return [...new Set(items.map((n) => n.params.customerId).filter((id): id is string => typeof id === "string" && id !== ""))];
}

/** Marks one (or, with no id, every) notification of the user as read. */
export async function markRead(userId: string, id?: string): Promise<number> {
  const res = await db.notification.updateMany({
    where: { userId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  return res.count;
}

/**
 * Where a notification leads, in the reader's language. Links are stored
 * without a language ("/setup/customers?c=1"); only same-site paths are followed.
 */
export function notificationHref(link: string, lng: string): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.includes("\\")) return null;
  return /^\/(en|zh)(\/|$)/.test(link) ? link.replace(/^\/(en|zh)/, `/${lng}`) : `/${lng}${link}`;
}

/** Marks one of the user's notifications read and answers where it leads (null: not the user's). */
export async function openNotification(userId: string, id: string, lng: string): Promise<string | null | undefined> {
  const n = await db.notification.findFirst({ where: { id, userId } });
  if (!n) return undefined;
  if (!n.readAt) await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  return notificationHref(n.link, lng);
}
