import Link from "next/link";
import { CustomersNotListed } from "@/features/customers/components/customers-not-listed";
import type { FormAction } from "@/lib/action-result";
import { formatDate } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import { listStatuses, type ListFilters } from "../schemas";
import type { CustomerOptions, InvitationRow } from "../staff";
import { RowActions } from "./staff-forms";

/**
 * Admin -> Invitations: the filters (customer, status, email), the rows with
 * resend and revoke, and the pages.
 */
export async function InvitationList({
  lng,
  filters,
  list,
  customers,
  actions,
}: {
  lng: string;
  filters: ListFilters;
  list: { items: InvitationRow[]; total: number; page: number; pages: number };
  customers: CustomerOptions;
  actions: { resend: FormAction; revoke: FormAction };
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "invitations");
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
          <label htmlFor="f-customer" className="block text-sm font-medium">
            {t("staff.customer")}
          </label>
          <select id="f-customer" name="customerId" defaultValue={filters.customerId ?? ""} className={input}>
            <option value="">{t("staff.allCustomers")}</option>
            {customers.options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className="block text-sm font-medium">
            {t("staff.status")}
          </label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={input}>
            <option value="">{t("staff.allStatuses")}</option>
            {listStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`staff.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-email" className="block text-sm font-medium">
            {t("staff.emailFilter")}
          </label>
          <input id="f-email" name="email" type="search" defaultValue={filters.email ?? ""} maxLength={254} className={input} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded border bg-gray-50 px-3 py-1.5 hover:border-brand">
            {t("staff.apply")}
          </button>
          <Link href={`/${lng}/admin/invitations`} className="px-3 py-1.5 text-brand underline">
            {t("staff.clear")}
          </Link>
        </div>
      </form>
      <CustomersNotListed lng={lng} complete={customers.complete} note={t("staff.customersNotListed")} />

      <p className="mt-4 text-sm text-gray-700" data-testid="invitation-count">
        {t("staff.count", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p className="mt-2">{t("staff.empty")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full divide-y rounded border bg-white text-sm">
            <thead className="bg-gray-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("staff.columns.customer")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("staff.columns.email")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("staff.columns.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("staff.columns.sent")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("staff.columns.expires")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("staff.columns.actions")}
                </th>
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
                  <td className="px-3 py-2" data-testid="invitation-status">
                    {t(`staff.statuses.${row.status}`)}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.createdAt, lng, tz)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.expiresAt, lng, tz)}</td>
                  <td className="px-3 py-2">
                    <RowActions
                      id={row.id}
                      lng={lng}
                      canResend={row.status !== "ACCEPTED" && row.status !== "SUPERSEDED"}
                      canRevoke={row.status === "PENDING"}
                      resend={actions.resend}
                      revoke={actions.revoke}
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
          {list.page > 1 && (
            <Link href={query(list.page - 1)} className="text-brand underline">
              {t("staff.previous")}
            </Link>
          )}
          <span>{t("staff.pageOf", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages && (
            <Link href={query(list.page + 1)} className="text-brand underline">
              {t("staff.next")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
