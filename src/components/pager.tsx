import Link from "next/link";
import { getT } from "@/lib/i18n/instance";
import type { Paged } from "@/lib/paging";

/** "Page 2 of 5" with previous/next links that keep the current filters. */
export function Pager({ lng, page, path, query }: { lng: string; page: Paged<unknown>; path: string; query: Record<string, string | number | undefined> }) {
  const t = getT(lng, "staff");
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "" && k !== "page") params.set(k, String(v));
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return `${path}${qs ? `?${qs}` : ""}`;
  };
  const link = "rounded border px-3 py-1.5 hover:bg-gray-50";
  return (
    <nav aria-label={t("paging.label")} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      <span data-testid="paging-summary">{t("paging.summary", { page: page.page, pages: page.pageCount, total: page.total })}</span>
      {page.page > 1 && (
        <Link className={link} href={href(page.page - 1)} rel="prev">
          {t("paging.previous")}
        </Link>
      )}
      {page.page < page.pageCount && (
        <Link className={link} href={href(page.page + 1)} rel="next">
          {t("paging.next")}
        </Link>
      )}
    </nav>
  );
}
