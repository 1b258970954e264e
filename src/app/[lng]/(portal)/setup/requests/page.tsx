import type { Metadata } from "next";
import { RequestsView } from "@/features/connection-requests/components/requests-view";
import { getAllowance } from "@/features/connection-requests/rationing";
import { parseListQuery } from "@/features/connection-requests/schemas";
import { listRequests, suggestions } from "@/features/connection-requests/service";
import { customerScope } from "@/server/access";
import { MyTickets } from "@/features/support/components/my-tickets";
import { listTickets } from "@/features/support/service";
import { getT } from "@/lib/i18n/instance";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/guards";
import {
  cancelRequestAction,
  checkContactAction,
  createTicketAction,
  requestConnectionAction,
  searchCustomersAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "requests")("title") };
}

export default async function SetupRequestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  const user = await requireUser(lng, `/${lng}/setup/requests`);
  const t = getT(lng, "requests");
  const tc = getT(lng);
  if (user.kind !== "SUPPLIER" || !user.supplierId || !can(user.permissions, "requests")) {
    return (
      <section className="rounded-lg border bg-white p-6">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-3 text-gray-700">{tc("errors.notAllowed")}</p>
      </section>
    );
  }
  const query = parseListQuery(await searchParams);
  const [list, suggested, allowance, tickets] = await Promise.all([
    listRequests(user.supplierId, query, customerScope(user)),
    suggestions(user.supplierId),
    getAllowance(user.supplierId),
    listTickets(user.supplierId, 10),
  ]);
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
            date: r.createdAt.toISOString().slice(0, 10),
            comment: r.comment,
          }))}
          suggestions={suggested.map((s) => ({ id: s.customerId, name: s.name, nameZh: s.nameZh, acceptsRequests: s.acceptsRequests, reason: s.reason }))}
          allowance={allowance}
          actions={{ search: searchCustomersAction, checkContact: checkContactAction, request: requestConnectionAction, ticket: createTicketAction }}
          cancelAction={cancelRequestAction}
        />
      </div>
      <MyTickets lng={lng} tickets={tickets.map((x) => ({ id: x.id, topic: x.topic, status: x.status, date: x.createdAt.toISOString().slice(0, 10), author: x.author.name, replies: x._count.messages }))} />
    </section>
  );
}
