import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { setupTabs } from "@/components/shell/nav";
import { getT } from "@/lib/i18n/instance";

export default async function SetupLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const t = getT(lng, "shell");
  return (
    <div>
      <NavLinks lng={lng} items={setupTabs} prefix="setup" label={t("setup.label")} variant="tabs" />
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <aside className="order-last lg:order-first">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-gray-600">{t("setup.learning")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            <li>
              <Link href={`/${lng}/setup/learning#adding-users`} className="text-brand underline">
                {t("setup.addingUsers")}
              </Link>
            </li>
            <li>
              <Link href={`/${lng}/setup/learning#faq`} className="text-brand underline">
                {t("setup.faq")}
              </Link>
            </li>
          </ul>
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </div>
  );
}
