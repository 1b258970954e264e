import Link from "next/link";
import { getT } from "@/lib/i18n/instance";
import { customerName } from "@/lib/customer-name";
import { groups, type CustomerItem, type Group } from "../service";

/** The left column of Customer Setup: a name filter and the customers, grouped and counted. */
export function CustomerList({ lng, list, q, selected }: { lng: string; list: Record<Group, CustomerItem[]>; q: string; selected?: string }) {
  const t = getT(lng, "customers");
  const total = groups.reduce((n, g) => n + list[g].length, 0);
  const base = `/${lng}/setup/customers`;
  const href = (id: string) => `${base}?c=${encodeURIComponent(id)}${q ? `&q=${encodeURIComponent(q)}` : ""}`;
  return (
    <nav aria-label={t("listLabel")} className="space-y-4">
      <form method="get" action={base} role="search" className="flex gap-2">
        {selected && <input type="hidden" name="c" value={selected} />}
        <label htmlFor="customer-filter" className="sr-only">
          {t("filter.label")}
        </label>
        <input
          id="customer-filter"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("filter.label")}
          maxLength={100}
          className="min-w-0 flex-1 rounded border border-gray-300 px-3 py-2"
        />
        <button type="submit" className="rounded border border-brand px-3 py-2 text-brand hover:bg-brand-light">
          {t("filter.submit")}
        </button>
      </form>
      {q && (
        <p className="text-sm">
          <Link href={`${base}${selected ? `?c=${selected}` : ""}`} className="text-brand underline">
            {t("filter.clear")}
          </Link>
        </p>
      )}
      {total === 0 && <p className="text-sm text-gray-700">{q ? t("noMatch", { q }) : t("empty")}</p>}
      {groups.map((g) => (
        <section key={g} aria-labelledby={`group-${g}`} data-testid={`group-${g}`}>
          <h2 id={`group-${g}`} className="flex items-center justify-between text-sm font-semibold uppercase tracking-wide text-gray-700">
            <span>{t(`groups.${g}`)}</span>
            <span className="rounded-full bg-gray-200 px-2 text-xs" aria-label={t("groupCount", { count: list[g].length })} data-testid={`count-${g}`}>
              {list[g].length}
            </span>
          </h2>
          {list[g].length === 0 ? (
            <p className="mt-1 text-sm text-gray-500">{t("emptyGroup")}</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {list[g].map((c) => (
                <li key={c.customerId}>
                  <Link
                    href={href(c.customerId)}
                    aria-current={selected === c.customerId ? "page" : undefined}
                    className={`block rounded px-2 py-1.5 text-sm hover:bg-brand-light ${selected === c.customerId ? "bg-brand-light font-semibold text-brand" : "text-gray-900"}`}
                  >
                    {customerName(c, lng)}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </nav>
  );
}
