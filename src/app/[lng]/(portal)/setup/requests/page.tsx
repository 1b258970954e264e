import type { Metadata } from "next";
import { RequestsNotAllowed, RequestsPage } from "@/features/connection-requests/components/requests-page";
import { getAllowance } from "@/features/connection-requests/rationing";
import { parseListQuery } from "@/features/connection-requests/schemas";
import { listRequests, suggestions } from "@/features/connection-requests/service";
import { listTickets } from "@/features/support/service";
import { getT } from "@/lib/i18n/instance";
import { customerScope } from "@/server/access";
import { requireSupplier } from "@/server/guards";
import { cancelRequestAction, checkContactAction, createTicketAction, requestConnectionAction, searchCustomersAction } from "./actions";

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
  const user = await requireSupplier(lng, "requests", `/${lng}/setup/requests`);
  if (!user) return <RequestsNotAllowed lng={lng} />;
  const query = parseListQuery(await searchParams);
  const [list, suggested, allowance, tickets] = await Promise.all([
    listRequests(user.supplierId, query, customerScope(user)),
    suggestions(user.supplierId),
    getAllowance(user.supplierId),
    listTickets(user.supplierId, 10),
  ]);
  return (
    <RequestsPage
      lng={lng}
      query={query}
      list={list}
      suggestions={suggested}
      allowance={allowance}
      tickets={tickets}
      actions={{ search: searchCustomersAction, checkContact: checkContactAction, request: requestConnectionAction, ticket: createTicketAction }}
      cancelAction={cancelRequestAction}
    />
  );
}
