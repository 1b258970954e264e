import type { NextRequest } from "next/server";
import { requestsCsv } from "@/features/connection-requests/csv";
import { parseListQuery } from "@/features/connection-requests/schemas";
import { exportRequests } from "@/features/connection-requests/service";
import { isoDay } from "@/lib/format";
import { customerScope } from "@/server/access";
import { supplierRoute } from "@/server/guards";

/** The request table as CSV, with the table's filter, search and sort. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await supplierRoute("requests");
  // 403 as before for anyone else: the route names no row, so there is nothing to hide with a 404.
  if (user instanceof Response) return new Response("Not allowed", { status: 403 });
  const query = parseListQuery(Object.fromEntries(request.nextUrl.searchParams));
  const rows = await exportRequests(user.supplierId, query, customerScope(user));
  return new Response(requestsCsv(rows, lng), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="connection-requests-${isoDay(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
