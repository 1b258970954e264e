import { customerName } from "@/lib/customer-name";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { listNotifications } from "../service";

type Notification = Awaited<ReturnType<typeof listNotifications>>[number];
type FormHandler = (form: FormData) => Promise<void>;

/**
 * The inbox: unread first, each opens the thing it is about (and is marked
 * read). Plain forms, so it works without JavaScript.
 */
export async function Inbox({
  lng,
  items,
  customers,
  actions,
}: {
  lng: string;
  items: Notification[];
  /** names of the customers the notifications are about, by id (named at read time in the reader's language) */
  customers: Map<string, { name: string; nameZh: string }>;
  actions: { markRead: FormHandler; markAllRead: FormHandler; open: FormHandler };
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "notifications");
  const unread = items.filter((n) => !n.readAt).length;
  const text = (n: Notification) => {
    const customer = n.params.customerId ? customers.get(n.params.customerId) : undefined;
    return t(n.kind, customer ? { ...n.params, customer: customerName(customer, lng) } : n.params);
  };
  return (
    <section className="rounded-lg border bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-gray-700">{t("intro")}</p>
        </div>
        {unread > 0 && (
          <form action={actions.markAllRead}>
            <input type="hidden" name="lng" value={lng} />
            <button type="submit" className="rounded border border-brand px-3 py-2 text-sm text-brand hover:bg-brand-light">
              {t("markAllRead")}
            </button>
          </form>
        )}
      </div>
      <p className="mt-2 text-sm font-medium" data-testid="unread-count">
        {t("unreadCount", { count: unread })}
      </p>
      {items.length === 0 ? (
        <p className="mt-4 text-gray-700">{t("empty")}</p>
      ) : (
        <ul className="mt-4 divide-y" data-testid="inbox">
          {items.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-start justify-between gap-2 py-3 ${n.readAt ? "text-gray-600" : ""}`}
              data-unread={n.readAt ? undefined : "true"}
            >
              <div className="min-w-0 flex-1">
                {!n.readAt && <span className="mr-2 rounded bg-orange-700 px-1.5 py-0.5 text-xs text-white">{t("unread")}</span>}
                <span className={n.readAt ? "" : "font-semibold"}>{text(n)}</span>
                <p className="text-xs text-gray-500">{formatDateTime(n.createdAt, lng, tz)}</p>
              </div>
              <div className="flex gap-2">
                {n.link && (
                  <form action={actions.open}>
                    <input type="hidden" name="lng" value={lng} />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="rounded bg-brand px-3 py-1.5 text-sm text-white hover:bg-brand-dark">
                      {t("open")}
                    </button>
                  </form>
                )}
                {!n.readAt && (
                  <form action={actions.markRead}>
                    <input type="hidden" name="lng" value={lng} />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="rounded border px-3 py-1.5 text-sm hover:bg-gray-50">
                      {t("markRead")}
                    </button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
