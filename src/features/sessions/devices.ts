import { formatDateTime } from "@/lib/format";
import { getT } from "@/lib/i18n/instance";
import { approximatePlace } from "@/lib/place";
import { describeUserAgent } from "@/lib/user-agent";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";

/**
 * A device as the new-device rule sees it: the browser and system named by the
 * User-Agent ("Chrome|Windows"), without versions, so a browser update is not a
 * new device. Coarse on purpose: a second Windows laptop with Chrome counts as
 * the same device (docs/decisions/0020-email-change-and-devices.md).
 */
export function deviceKey(userAgent: string | null | undefined): string {
  const d = describeUserAgent(userAgent);
  return `${d.browser ?? "?"}|${d.os ?? "?"}`;
}

/** The device and place of a session, in the reader's language ("Chrome on Windows", "local network"). */
export function describeSession(lng: string, userAgent: string, ip: string): { device: string; place: string } {
  const t = getT(lng, "settings");
  const d = describeUserAgent(userAgent);
  const device = d.browser && d.os ? t("device.on", { browser: d.browser, os: d.os }) : (d.browser ?? d.os ?? t("device.unknown"));
  const where = approximatePlace(ip);
  return { device, place: where ? t(`place.${where}`) : t("place.none") };
}

/**
 * Remembers the device of a successful sign-in and answers whether the user
 * had signed in from it before. The first device a user ever signs in from is
 * not "new" (there is nobody to warn about an account's first sign-in).
 */
export async function rememberDevice(
  userId: string,
  client: { userAgent?: string | null; ip?: string | null },
  now = new Date(),
): Promise<"known" | "new" | "first"> {
  const key = deviceKey(client.userAgent);
  return db.$transaction(async (tx) => {
    const updated = await tx.userDevice.updateMany({ where: { userId, deviceKey: key }, data: { lastSeenAt: now } });
    if (updated.count === 1) return "known" as const;
    const others = await tx.userDevice.count({ where: { userId } });
    await tx.userDevice.create({ data: { userId, deviceKey: key, firstSeenAt: now, lastSeenAt: now } });
    if (others === 0) return "first" as const;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { kind: true } });
    await audit(
      tx,
      { type: user.kind === "STAFF" ? "STAFF" : "USER", id: userId, ip: client.ip ?? undefined },
      { action: "user.new_device", entityType: "User", entityId: userId, after: { device: key } },
    );
    return "new" as const;
  });
}

/**
 * Called once after every successful sign-in (password, passkey, ticket...):
 * a device this user has not signed in from before gets a security email to
 * the account's address (always sent; not a notification preference). A
 * failure here never fails the sign-in.
 */
export async function afterSignIn(userId: string, client: { userAgent?: string | null; ip?: string | null }, now = new Date()): Promise<void> {
  try {
    // A device seen before (almost every sign-in) costs one statement; the user is read only for the email.
    if ((await rememberDevice(userId, client, now)) !== "new") return;
    const user = await db.user.findUnique({ where: { id: userId } });
    if (!user) return;
    const { device, place } = describeSession(user.locale, client.userAgent ?? "", client.ip ?? "");
    await sendMail({
      to: user.email,
      locale: user.locale,
      template: "settings:newDeviceMail",
      params: { name: user.name, device, place, ip: client.ip || "?", when: formatDateTime(now, user.locale, user.timeZone ?? undefined) },
      actionUrl: portalUrl(user.kind === "STAFF" ? `/${user.locale}/admin/security` : `/${user.locale}/profile/security`),
    });
  } catch (error) {
    console.warn("new-device check failed", error instanceof Error ? error.message : error);
  }
}
