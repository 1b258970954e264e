import Link from "next/link";
import { AdminTable, FilterCheckbox, FilterForm, FilterSelect } from "@/components/admin-list";
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
      <FilterForm lng={lng} label={t("tickets.filters")}>
        <FilterSelect
          lng={lng}
          id="t-status"
          name="status"
          label={t("tickets.status")}
          defaultValue={filter.status}
          options={ticketStatuses.map((s) => ({ value: s, label: ts(`status.${s}`) }))}
        />
        <FilterCheckbox name="mine" label={t("tickets.mine")} checked={!!filter.mine} />
      </FilterForm>
      <AdminTable
        caption={t("tickets.title")}
        rows={list.items}
        rowTestId="ticket-row"
        empty={t("tickets.empty")}
        columns={[
          {
            header: t("tickets.columns.topic"),
            cell: (x) => (
              <>
                <Link href={`/${lng}/admin/tickets/${x.id}`} className="text-brand underline">
                  {ts(`topics.${x.topic}`)}
                </Link>
                <p className="mt-1 line-clamp-2 max-w-md text-xs text-gray-600">{x.message}</p>
              </>
            ),
          },
          {
            header: t("tickets.columns.supplier"),
            cell: (x) => (
              <>
                {x.supplier.name}
                <br />
                <span className="text-xs text-gray-600 break-all">
                  {x.author.name} &lt;{x.author.email}&gt;
                </span>
              </>
            ),
          },
          { header: t("tickets.columns.status"), testId: "ticket-status", cell: (x) => ts(`status.${x.status}`) },
          { header: t("tickets.columns.assignee"), cell: (x) => x.assignee?.name ?? t("tickets.unassigned") },
          { header: t("tickets.columns.replies"), cell: (x) => x._count.messages },
          { header: t("tickets.columns.created"), className: "whitespace-nowrap", cell: (x) => formatDateTime(x.createdAt, lng, tz) },
        ]}
      />
      <Pager lng={lng} page={list} path={`/${lng}/admin/tickets`} query={filter} />
    </section>
  );
}
