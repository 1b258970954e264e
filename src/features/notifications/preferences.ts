import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { type Channel, type PreferenceKind, preferenceKinds } from "./kinds";

export { channels, kindOfEvent, preferenceKinds, type Channel, type PreferenceKind } from "./kinds";

const wants = (channel: string, way: "email" | "inApp") => channel === "BOTH" || channel === (way === "email" ? "EMAIL" : "IN_APP");

/** Of these users, those who want this kind of event by `way` (no row: yes). */
export async function recipientsWanting(client: Tx | typeof db, userIds: string[], kind: PreferenceKind | null, way: "email" | "inApp"): Promise<string[]> {
  if (!kind || userIds.length === 0) return userIds;
  const rows = await client.notificationPreference.findMany({ where: { userId: { in: userIds }, kind }, select: { userId: true, channel: true } });
  const refused = new Set(rows.filter((r) => !wants(r.channel, way)).map((r) => r.userId));
  return userIds.filter((id) => !refused.has(id));
}

/** Whether one user wants an email about this kind of event. */
export async function wantsEmail(userId: string, kind: PreferenceKind): Promise<boolean> {
  return (await recipientsWanting(db, [userId], kind, "email")).length === 1;
}

/** Every kind with the user's channel (BOTH where they chose nothing). */
export async function getPreferences(userId: string): Promise<Record<PreferenceKind, Channel>> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  const chosen = new Map(rows.map((r) => [r.kind, r.channel as Channel]));
  return Object.fromEntries(preferenceKinds.map((k) => [k, chosen.get(k) ?? "BOTH"])) as Record<PreferenceKind, Channel>;
}

/** Saves the user's choices (audited, only what changed). Returns how many kinds changed. */
export async function setPreferences(userId: string, choices: Record<PreferenceKind, Channel>, actor: Actor): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.notificationPreference.findMany({ where: { userId } });
    const before = Object.fromEntries(preferenceKinds.map((k) => [k, rows.find((r) => r.kind === k)?.channel ?? "BOTH"]));
    const changed = preferenceKinds.filter((k) => before[k] !== choices[k]);
    if (changed.length === 0) return 0;
    for (const kind of changed) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, channel: choices[kind] },
        update: { channel: choices[kind] },
      });
    }
    await audit(tx, actor, {
      action: "user.notification_preferences_changed",
      entityType: "User",
      entityId: userId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, choices[k]])),
    });
    return changed.length;
  });
}
