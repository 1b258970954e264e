import Link from "next/link";
import { listNotifications } from "@/features/notifications/service";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/session";

export default async function NotificationsPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireUser(lng);
  const t = getT(lng, "shell");
  const items = await listNotifications(user.id);
  return (
    <section className="rounded-lg border bg-white p-6">
      <h1 className="text-xl font-semibold">{t("notifications")}</h1>
      {items.length === 0 ? (
        <p className="mt-3 text-gray-700">{t("notificationsCount", { count: 0 })}</p>
      ) : (
        <ul className="mt-4 divide-y">
          {items.map((n) => (
            <li key={n.id} className={`py-3 ${n.readAt ? "text-gray-600" : "font-medium"}`}>
              {n.link ? <Link href={n.link} className="underline">{t(n.kind, n.params)}</Link> : t(n.kind, n.params)}
              <span className="ml-2 text-xs text-gray-500">{n.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
