import Link from "next/link";
import { Pager } from "@/components/pager";
import { ui } from "@/components/ui";
import { CustomersNotListed } from "@/features/customers/components/customers-not-listed";
import type { CustomerChoices } from "@/features/customers/service";
import type { FormAction } from "@/lib/action-result";
import { customerName } from "@/lib/customer-name";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { Paged } from "@/lib/paging";
import { requestStatuses } from "../../state-machine";
import { contactFlagFilters, type QueueFilter } from "../schemas";
import type { QueueRow } from "../service";
import { BulkDecideForm } from "./queue-forms";

/** Admin → Connection requests (server component): every supplier's requests, filtered and searched, to open one or decide several at once. */
export async function QueueList({
  lng,
  filter,
  list,
  customers,
  bulkDecideAction,
}: {
  lng: string;
  filter: QueueFilter;
  list: Paged<QueueRow>;
  customers: CustomerChoices;
  bulkDecideAction: FormAction<{ changed: number; skipped: number }>;
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  return (
    <section>
      <h1 className={ui.h1}>{t("queue.title")}</h1>
      <p className="mt-2 text-gray-700">{t("queue.intro")}</p>
      <form role="search" aria-label={t("queue.filters")} className="mt-4 grid gap-3 rounded border bg-white p-3 sm:grid-cols-3 lg:grid-cols-6 sm:items-end">
        <div className="sm:col-span-2">
          <label htmlFor="q-search" className={ui.label}>
            {t("queue.search")}
          </label>
          <input id="q-search" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} className={ui.input} />
        </div>
        <div>
          <label htmlFor="q-status" className={ui.label}>
            {t("queue.status")}
          </label>
          <select id="q-status" name="status" defaultValue={filter.status ?? ""} className={ui.input}>
            <option value="">{t("filters.any")}</option>
            {requestStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`queue.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q-customer" className={ui.label}>
            {t("queue.customer")}
          </label>
          <select id="q-customer" name="customerId" defaultValue={filter.customerId ?? ""} className={ui.input}>
            <option value="">{t("filters.any")}</option>
            {customers.customers.map((c) => (
              <option key={c.id} value={c.id}>
                {customerName(c, lng)}
              </option>
            ))}
          </select>
        </div>
        <CustomersNotListed lng={lng} complete={customers.complete} note={t("queue.customersNotListed")} />
        <div>
          <label htmlFor="q-age" className={ui.label}>
            {t("queue.olderThan")}
          </label>
          <input id="q-age" name="olderThan" type="number" min={1} max={3650} inputMode="numeric" defaultValue={filter.olderThan ?? ""} className={ui.input} />
        </div>
        <div>
          <label htmlFor="q-flag" className={ui.label}>
            {t("queue.flag")}
          </label>
          <select id="q-flag" name="flag" defaultValue={filter.flag ?? ""} className={ui.input}>
            <option value="">{t("filters.any")}</option>
            {contactFlagFilters.map((f) => (
              <option key={f} value={f}>
                {t(`queue.flags.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={ui.button}>
            {t("filters.apply")}
          </button>
          <Link href={`/${lng}/admin/requests`} className="px-3 py-1.5 text-sm text-brand underline">
            {t("queue.clear")}
          </Link>
        </div>
      </form>

      <div className="mt-4">
        <BulkDecideForm action={bulkDecideAction} lng={lng} selectable={list.items.some((r) => r.status === "PENDING")}>
          {list.items.length === 0 ? (
            <p data-testid="queue-empty">{t("queue.empty")}</p>
          ) : (
            <div className="overflow-x-auto rounded border bg-white">
              <table className={ui.table}>
                <caption className="sr-only">{t("queue.title")}</caption>
                <thead className="bg-gray-50">
                  <tr>
                    <th scope="col" className={ui.th}>
                      <span className="sr-only">{t("queue.select")}</span>
                    </th>
                    <th scope="col" className={ui.th}>
                      {t("queue.columns.supplier")}
                    </th>
                    <th scope="col" className={ui.th}>
                      {t("queue.columns.customer")}
                    </th>
                    <th scope="col" className={ui.th}>
                      {t("queue.columns.contact")}
                    </th>
                    <th scope="col" className={ui.th}>
                      {t("queue.columns.status")}
                    </th>
                    <th scope="col" className={ui.th}>
                      {t("queue.columns.created")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y">
                  {list.items.map((r) => (
                    <tr key={r.id} data-testid="queue-row">
                      <td className={ui.td}>
                        {r.status === "PENDING" && (
                          <input
                            type="checkbox"
                            name="ids[]"
                            value={r.id}
                            aria-label={t("queue.selectRow", {
                              supplier: r.supplierName,
                              customer: customerName({ name: r.customerName, nameZh: r.customerNameZh }, lng),
                            })}
                            className="h-5 w-5"
                          />
                        )}
                      </td>
                      <td className={ui.td}>
                        <Link href={`/${lng}/admin/requests/${r.id}`} className="text-brand underline">
                          {r.supplierName}
                        </Link>
                      </td>
                      <td className={ui.td}>{customerName({ name: r.customerName, nameZh: r.customerNameZh }, lng)}</td>
                      <td className={`${ui.td} break-all`}>
                        {r.contactEmail}
                        {r.contactFlags.map((f) => (
                          <span key={f} className="ml-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                            {t(`queue.flags.${f}`)}
                          </span>
                        ))}
                      </td>
                      <td className={ui.td} data-testid="queue-status">
                        {t(`queue.statuses.${r.status}`)}
                      </td>
                      <td className={`${ui.td} whitespace-nowrap`}>{formatDateTime(r.createdAt, lng, tz)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </BulkDecideForm>
      </div>
      <Pager lng={lng} page={list} path={`/${lng}/admin/requests`} query={filter} />
    </section>
  );
}
