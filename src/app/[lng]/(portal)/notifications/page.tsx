import { Inbox } from "@/features/notifications/components/inbox";
import { customerNamesById } from "@/features/customers/service";
import { customerIdsOf, listNotifications } from "@/features/notifications/service";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import { markAllReadAction, markReadAction, openNotificationAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "notifications")("title") };
}

/** The inbox: unread first, each opens the thing it is about (and is marked read). */
export default async function NotificationsPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireUser(lng, `/${lng}/notifications`);
  const items = await listNotifications(user.id, 100);
  const customers = await customerNamesById(customerIdsOf(items));
  return (
    <Inbox lng={lng} items={items} customers={customers} actions={{ markRead: markReadAction, markAllRead: markAllReadAction, open: openNotificationAction }} />
  );
}
