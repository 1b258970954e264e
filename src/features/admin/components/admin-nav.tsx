"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslation } from "react-i18next";

/** The admin sections this staff member may open; the current one is marked. */
export function AdminNav({ lng, items }: { lng: string; items: readonly { key: string; href: string }[] }) {
  const { t } = useTranslation("staff");
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={t("nav.label")} className="border-b bg-white">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2 text-sm">
        {items.map((item) => {
          const href = `/${lng}/${item.href}`;
          const current = item.key === "dashboard" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={item.key}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block border-b-2 px-3 py-2 ${current ? "border-brand font-semibold text-brand" : "border-transparent text-gray-700 hover:text-brand"}`}
              >
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
