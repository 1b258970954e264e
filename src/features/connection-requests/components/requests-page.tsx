import { MyTickets } from "@/features/support/components/my-tickets";
import type { FormAction } from "@/lib/action-result";
import { formatDate } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { Allowance } from "../rationing";
import type { ListQuery } from "../schemas";
import type { RequestRow, Suggestion } from "../service";
import type { DialogActions } from "./request-dialog";
import { RequestsView } from "./requests-view";

/** Setup → Connection Requests for a signed-in user without the "requests" permission. */
export function RequestsNotAllowed({ lng }: { lng: string }) {
  const t = getT(lng, "requests");
  const tc = getT(lng);
  return (
    <section className="rounded-lg border bg-white p-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-gray-700">{tc("errors.notAllowed")}</p>
    </section>
  );
}

interface TicketRow {
  id: string;
  topic: string;
  status: string;
  createdAt: Date;
  author: { name: string };
  _count: { messages: number };
}

/** Setup → Connection Requests (server component): the table with its suggestions and dialog, then the company's support tickets. */
export async function RequestsPage({
  lng,
  query,
  list,
  suggestions,
  allowance,
  tickets,
  actions,
  cancelAction,
}: {
  lng: string;
  query: ListQuery;
  list: { total: number; pages: number; rows: RequestRow[] };
  suggestions: Suggestion[];
  allowance: Allowance;
  tickets: TicketRow[];
  actions: DialogActions;
  cancelAction: FormAction;
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "requests");
  return (
    <section className="space-y-6">
      <div className="rounded-lg border bg-white p-4 sm:p-6">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mb-4 mt-1 text-gray-700">{t("intro")}</p>
        <RequestsView
          lng={lng}
          query={{ ...query, page: Math.min(query.page, list.pages) }}
          total={list.total}
          pages={list.pages}
          rows={list.rows.map((r) => ({
            id: r.id,
            customerId: r.customerId,
            customerName: r.customerName,
            customerNameZh: r.customerNameZh,
            status: r.status,
            contactEmail: r.contactEmail,
            contactFlags: r.contactFlags,
            date: formatDate(r.createdAt, lng, tz),
            comment: r.comment,
          }))}
          suggestions={suggestions.map((s) => ({ id: s.customerId, name: s.name, nameZh: s.nameZh, acceptsRequests: s.acceptsRequests, reason: s.reason }))}
          allowance={allowance}
          actions={actions}
          cancelAction={cancelAction}
        />
      </div>
      <MyTickets
        lng={lng}
        tickets={tickets.map((x) => ({
          id: x.id,
          topic: x.topic,
          status: x.status,
          date: formatDate(x.createdAt, lng, tz),
          author: x.author.name,
          replies: x._count.messages,
        }))}
      />
    </section>
  );
}
