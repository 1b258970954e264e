import Link from "next/link";
import { Pager } from "@/components/pager";
import { ui } from "@/components/ui";
import { getT } from "@/lib/i18n/instance";
import type { Paged } from "@/lib/paging";
import type { CustomerListFilter } from "../schemas";
import type { CustomerListRow } from "../service";

/** Staff: the customer directory, searchable and paged; each name opens the customer's editor. */
export function CustomerTable({ lng, filter, customers }: { lng: string; filter: CustomerListFilter; customers: Paged<CustomerListRow> }) {
  const t = getT(lng, "staff");
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className={ui.h1}>{t("customers.title")}</h1>
        <Link href={`/${lng}/admin/customers/new`} className={ui.primary}>
          {t("customers.new")}
        </Link>
      </div>
      <p className="mt-2 text-gray-700">{t("customers.intro")}</p>
      <form className="mt-4 flex flex-wrap items-end gap-2" role="search" aria-label={t("customers.search")}>
        <div className="min-w-64 flex-1">
          <label htmlFor="customer-q" className={ui.label}>
            {t("customers.search")}
          </label>
          <input id="customer-q" name="q" type="search" defaultValue={filter.q} className={ui.input} />
        </div>
        <button className={ui.button}>{t("filters.apply")}</button>
      </form>
      {customers.items.length === 0 ? (
        <p className="mt-4">{t("customers.none")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className={ui.table}>
            <caption className="sr-only">{t("customers.title")}</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={ui.th}>
                  {t("customers.name")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("customers.domains")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("customers.aliases")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("customers.acceptsRequestsShort")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("customers.autoApproveRule")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {customers.items.map((c) => (
                <tr key={c.id} data-testid="customer-row">
                  <td className={ui.td}>
                    {/* Staff see both names: the one they edit and the Chinese one. */}
                    <Link href={`/${lng}/admin/customers/${c.id}`} className="font-medium text-brand underline">
                      {c.name}
                    </Link>
                    {c.nameZh && (
                      <span className="block text-gray-600" lang="zh">
                        {c.nameZh}
                      </span>
                    )}
                  </td>
                  <td className={`${ui.td} font-mono text-xs`}>{c.domains.join(", ") || "—"}</td>
                  <td className={ui.td}>{c.aliases}</td>
                  <td className={ui.td}>{t(`customers.accepts.${c.acceptsRequests ? "yesShort" : "noShort"}`)}</td>
                  <td className={ui.td}>{t(`customers.rules.${c.autoApproveRule}.label`, { defaultValue: c.autoApproveRule })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager lng={lng} page={customers} path={`/${lng}/admin/customers`} query={filter} />
    </section>
  );
}
