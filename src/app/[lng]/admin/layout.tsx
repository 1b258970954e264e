import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { AdminNav } from "@/features/admin/components/admin-nav";
import { sectionsFor } from "@/features/admin/sections";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { signOutAction } from "../(portal)/actions";
import { Translations } from "@/lib/i18n/translations";

/** Support staff only: everyone else gets a 404 (or sign-in when signed out). */
export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireStaff(lng);
  const t = getT(lng, "staff");
  const items = sectionsFor(user.staffRole).map(({ key, href }) => ({ key, href }));
  return (
    <Translations lng={lng} ns={["staff"]}>
      <div className="min-h-screen">
        <header className="flex flex-wrap items-center justify-between gap-2 bg-gray-900 px-4 py-2 text-white">
          <Link href={`/${lng}/admin`} className="font-bold">
            {getT(lng)("brand")} · {t("title")}
          </Link>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <LanguageSwitcher className="flex gap-2 text-sm" />
            <span data-testid="user-menu">
              {user.name} · {t(`roles.${user.staffRole ?? "SUPPORT"}`)}
            </span>
            <Link href={`/${lng}/admin/security`} className="underline">
              {getT(lng, "accounts")("security.title")}
            </Link>
            <form action={signOutAction}>
              <input type="hidden" name="lng" value={lng} />
              <button type="submit" className="underline">
                {getT(lng, "accounts")("signOut")}
              </button>
            </form>
          </div>
        </header>
        <AdminNav lng={lng} items={items} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </div>
    </Translations>
  );
}
