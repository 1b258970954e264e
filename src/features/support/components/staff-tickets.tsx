import Link from "next/link";
import { Pager } from "@/components/pager";
import { ui } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { Paged } from "@/lib/paging";
import { ticketStatuses, type TicketFilter } from "../schemas";
import type { TicketRow } from "../staff";

/** Staff: suppliers' "Contact Support" tickets with their filters. */
export async function StaffTickets({ lng, filter, list }: { lng: string; filter: TicketFilter; list: Paged<TicketRow> }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  const ts = getT(lng, "support");
  return (
    <section>
      <h1 className={ui.h1}>{t("tickets.title")}</h1>
      <p className="mt-2 text-gray-700">{t("tickets.intro")}</p>
      <form role="search" aria-label={t("tickets.filters")} className="mt-4 flex flex-wrap items-end gap-3 rounded border bg-white p-3">
        <div>
          <label htmlFor="t-status" className={ui.label}>
            {t("tickets.status")}
          </label>
          <select id="t-status" name="status" defaultValue={filter.status ?? ""} className={ui.input}>
            <option value="">{t("filters.any")}</option>
            {ticketStatuses.map((s) => (
              <option key={s} value={s}>
                {ts(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 py-2">
          <input type="checkbox" name="mine" value="1" defaultChecked={!!filter.mine} className="h-5 w-5" /> {t("tickets.mine")}
        </label>
        <button type="submit" className={ui.button}>
          {t("filters.apply")}
        </button>
      </form>
      {list.items.length === 0 ? (
        <p className="mt-4">{t("tickets.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded border bg-white">
          <table className={ui.table}>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={ui.th}>
                  {t("tickets.columns.topic")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("tickets.columns.supplier")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("tickets.columns.status")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("tickets.columns.assignee")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("tickets.columns.replies")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("tickets.columns.created")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {list.items.map((x) => (
                <tr key={x.id} data-testid="ticket-row">
                  <td className={ui.td}>
                    <Link href={`/${lng}/admin/tickets/${x.id}`} className="text-brand underline">
                      {ts(`topics.${x.topic}`)}
                    </Link>
                    <p className="mt-1 line-clamp-2 max-w-md text-xs text-gray-600">{x.message}</p>
                  </td>
                  <td className={ui.td}>
                    {x.supplier.name}
                    <br />
                    <span className="text-xs text-gray-600 break-all">
                      {x.author.name} &lt;{x.author.email}&gt;
                    </span>
                  </td>
                  <td className={ui.td} data-testid="ticket-status">
                    {ts(`status.${x.status}`)}
                  </td>
                  <td className={ui.td}>{x.assignee?.name ?? t("tickets.unassigned")}</td>
                  <td className={ui.td}>{x._count.messages}</td>
                  <td className={`${ui.td} whitespace-nowrap`}>{formatDateTime(x.createdAt, lng, tz)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager lng={lng} page={list} path={`/${lng}/admin/tickets`} query={filter} />
    </section>
  );
}
