"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslation } from "react-i18next";

const styles = {
  top: {
    list: "flex flex-wrap gap-x-1 px-2 text-sm",
    link: "block px-3 py-2 text-white hover:bg-brand-dark",
    current: "bg-brand-dark font-semibold underline underline-offset-4",
  },
  tabs: {
    list: "flex flex-wrap gap-1 border-b text-sm",
    link: "block border-b-2 border-transparent px-4 py-2 text-gray-700 hover:text-brand",
    current: "border-brand font-semibold text-brand",
  },
};

/** A row of links where the one matching the current path is marked current. */
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
  return (
    <nav aria-label={label}>
      <ul className={styles[variant].list}>
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
