"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

const styles = {
  top: {
    list: "px-2 text-sm sm:flex sm:flex-wrap sm:gap-x-1",
    link: "block px-3 py-2 text-white hover:bg-brand-dark",
    current: "bg-brand-dark font-semibold underline underline-offset-4",
  },
  tabs: {
    list: "flex flex-wrap gap-1 border-b text-sm",
    link: "block border-b-2 border-transparent px-4 py-2 text-gray-700 hover:text-brand",
    current: "border-brand font-semibold text-brand",
  },
};

/**
 * A row of links where the one matching the current path is marked current.
 * The top variant folds into a menu button on narrow screens.
 */
export function NavLinks({
  lng,
  items,
  label,
  prefix,
  variant,
}: {
  lng: string;
  items: readonly { key: string; href: string }[];
  label: string;
  /** translation key prefix, e.g. "nav" or "setup" */
  prefix: string;
  variant: "top" | "tabs";
}) {
  const { t } = useTranslation("shell");
  const pathname = usePathname() ?? "";
  const listId = useId();
  // The menu is open for the path it was opened on; following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const menu = variant === "top";
  return (
    <nav aria-label={label}>
      {menu && (
        <button
          type="button"
          className="flex w-full items-center gap-2 px-5 py-2 text-left text-sm font-semibold text-white sm:hidden"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          <span aria-hidden="true">{open ? "✕" : "☰"}</span>
          {t("nav.menu")}
        </button>
      )}
      <ul id={listId} className={`${styles[variant].list} ${menu && !open ? "hidden" : ""}`}>
        {items.map((item) => {
          const href = `/${lng}/${item.href}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={item.key}>
              <Link href={href} aria-current={current ? "page" : undefined} className={`${styles[variant].link} ${current ? styles[variant].current : ""}`}>
                {t(`${prefix}.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
