import type { Metadata } from "next";
import Link from "next/link";
import { RowActions } from "@/features/customer-invitations/components/staff-forms";
import { formatDate } from "@/features/customer-invitations/components/views";
import { listFiltersSchema, listStatuses } from "@/features/customer-invitations/schemas";
import { customerChoices, customerName, listInvitations } from "@/features/customer-invitations/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { resendInvitationAction, revokeInvitationAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("staff.title") };
}

export default async function InvitationsAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  await requireStaff(lng);
  const filters = listFiltersSchema.parse(await searchParams);
  const t = getT(lng, "invitations");
  const [list, customers] = await Promise.all([listInvitations(filters, lng), customerChoices()]);
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (filters.customerId) q.set("customerId", filters.customerId);
    if (filters.status) q.set("status", filters.status);
    if (filters.email) q.set("email", filters.email);
    q.set("page", String(page));
    return `?${q}`;
  };
  const input = "block w-full rounded border border-gray-300 bg-white px-3 py-1.5";
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("staff.title")}</h1>
        <Link href={`/${lng}/admin/invitations/new`} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          {t("staff.new")}
        </Link>
      </div>
      <p className="mt-2 text-gray-700">{t("staff.intro")}</p>

      <form role="search" aria-label={t("staff.filters")} className="mt-4 grid gap-3 rounded border bg-white p-3 sm:grid-cols-4 sm:items-end">
        <div>
          <label htmlFor="f-customer" className="block text-sm font-medium">{t("staff.customer")}</label>
          <select id="f-customer" name="customerId" defaultValue={filters.customerId ?? ""} className={input}>
            <option value="">{t("staff.allCustomers")}</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>{customerName(c, lng)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className="block text-sm font-medium">{t("staff.status")}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={input}>
            <option value="">{t("staff.allStatuses")}</option>
            {listStatuses.map((s) => (
              <option key={s} value={s}>{t(`staff.statuses.${s}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-email" className="block text-sm font-medium">{t("staff.emailFilter")}</label>
          <input id="f-email" name="email" type="search" defaultValue={filters.email ?? ""} maxLength={254} className={input} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded border bg-gray-50 px-3 py-1.5 hover:border-brand">{t("staff.apply")}</button>
          <Link href={`/${lng}/admin/invitations`} className="px-3 py-1.5 text-brand underline">{t("staff.clear")}</Link>
        </div>
      </form>

      <p className="mt-4 text-sm text-gray-700" data-testid="invitation-count">{t("staff.count", { count: list.total })}</p>
      {list.items.length === 0 ? (
        <p className="mt-2">{t("staff.empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full divide-y rounded border bg-white text-sm">
            <thead className="bg-gray-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">{t("staff.columns.customer")}</th>
                <th scope="col" className="px-3 py-2">{t("staff.columns.email")}</th>
                <th scope="col" className="px-3 py-2">{t("staff.columns.status")}</th>
                <th scope="col" className="px-3 py-2">{t("staff.columns.sent")}</th>
                <th scope="col" className="px-3 py-2">{t("staff.columns.expires")}</th>
                <th scope="col" className="px-3 py-2">{t("staff.columns.actions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {list.items.map((row) => (
                <tr key={row.id} data-testid="invitation-row">
                  <td className="px-3 py-2">{row.customer}</td>
                  <td className="px-3 py-2 break-all">
                    {row.email}
                    {row.forwarded && <span className="ml-1 text-xs text-gray-500">({t("staff.forwarded")})</span>}
                  </td>
                  <td className="px-3 py-2" data-testid="invitation-status">{t(`staff.statuses.${row.status}`)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.createdAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.expiresAt)}</td>
                  <td className="px-3 py-2">
                    <RowActions
                      id={row.id}
                      lng={lng}
                      canResend={row.status !== "ACCEPTED" && row.status !== "SUPERSEDED"}
                      canRevoke={row.status === "PENDING"}
                      resend={resendInvitationAction}
                      revoke={revokeInvitationAction}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && (
        <nav aria-label={t("staff.pageOf", { page: list.page, pages: list.pages })} className="mt-3 flex items-center gap-4 text-sm">
          {list.page > 1 && <Link href={query(list.page - 1)} className="text-brand underline">{t("staff.previous")}</Link>}
          <span>{t("staff.pageOf", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && <Link href={query(list.page + 1)} className="text-brand underline">{t("staff.next")}</Link>}
        </nav>
      )}
    </section>
  );
}
