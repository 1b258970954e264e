import type { NextRequest } from "next/server";
import { toCsv } from "@/features/connection-requests/csv";
import { customerScope } from "@/server/access";
import { parseListQuery } from "@/features/connection-requests/schemas";
import { exportRequests } from "@/features/connection-requests/service";
import { getT } from "@/lib/i18n/instance";
import { can } from "@/lib/permissions";
import { getSessionUser } from "@/server/session";

/** The request table as CSV, with the table's filter, search and sort. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await getSessionUser();
  if (!user || user.kind !== "SUPPLIER" || !user.supplierId || !can(user.permissions, "requests")) {
    return new Response("Not allowed", { status: 403 });
  }
  const query = parseListQuery(Object.fromEntries(request.nextUrl.searchParams));
  const rows = await exportRequests(user.supplierId, query, customerScope(user));
  const t = getT(lng, "requests");
  const csv = toCsv(
    ["customer", "customerZh", "status", "email", "flags", "date", "decidedAt", "comment", "requestedBy"].map((k) => t(`csv.${k}`)),
    rows.map((r) => [
      r.customerName,
      r.customerNameZh,
      t(`status.${r.status}`),
      r.contactEmail,
      r.contactFlags.map((f) => t(`flagShort.${f}`)).join("; "),
      r.createdAt.toISOString(),
      r.decidedAt?.toISOString() ?? "",
      r.comment,
      r.requestedBy,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="connection-requests-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
