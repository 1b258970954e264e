import { db, type Tx } from "@/server/db";

/** Adds a notification (call inside the transaction of the change it reports). */
export async function notify(
  tx: Tx,
  userIds: string[],
  kind: string,
  params: Record<string, string | number> = {},
  link = "",
): Promise<void> {
  if (userIds.length === 0) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind, params: JSON.stringify(params), link })),
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

/** Marks one (or, with no id, every) notification of the user as read. */
export async function markRead(userId: string, id?: string): Promise<number> {
  const res = await db.notification.updateMany({
    where: { userId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  return res.count;
}
