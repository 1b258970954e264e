import Link from "next/link";
import { AdminTable, FilterForm, FilterText } from "@/components/admin-list";
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
      <FilterForm lng={lng} label={t("customers.search")}>
        <FilterText id="customer-q" name="q" type="search" label={t("customers.search")} defaultValue={filter.q} />
      </FilterForm>
      <AdminTable
        caption={t("customers.title")}
        rows={customers.items}
        rowTestId="customer-row"
        empty={t("customers.none")}
        columns={[
          {
            header: t("customers.name"),
            cell: (c) => (
              <>
                {/* Staff see both names: the one they edit and the Chinese one. */}
                <Link href={`/${lng}/admin/customers/${c.id}`} className="font-medium text-brand underline">
                  {c.name}
                </Link>
                {c.nameZh && (
                  <span className="block text-gray-600" lang="zh">
                    {c.nameZh}
                  </span>
                )}
              </>
            ),
          },
          { header: t("customers.domains"), className: "font-mono text-xs", cell: (c) => c.domains.join(", ") || "—" },
          { header: t("customers.aliases"), cell: (c) => c.aliases },
          { header: t("customers.acceptsRequestsShort"), cell: (c) => t(`customers.accepts.${c.acceptsRequests ? "yesShort" : "noShort"}`) },
          { header: t("customers.autoApproveRule"), cell: (c) => t(`customers.rules.${c.autoApproveRule}.label`, { defaultValue: c.autoApproveRule }) },
        ]}
      />
      <Pager lng={lng} page={customers} path={`/${lng}/admin/customers`} query={filter} />
    </section>
  );
}
