import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher";
import { getT } from "@/lib/i18n/instance";
import type { SessionUser } from "@/server/session";
import { NavLinks } from "./nav-links";
import { topNav } from "./nav";

/** The portal header: brand, notifications count, help, language, user menu, and the top navigation. */
export function TopBar({ lng, user, unread, signOut }: { lng: string; user: SessionUser; unread: number; signOut: (form: FormData) => Promise<void> }) {
  const t = getT(lng, "shell");
  return (
    <header className="border-b bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href={`/${lng}/home`} className="text-lg font-bold text-brand">
          {getT(lng)("brand")}
        </Link>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <Link
            href={`/${lng}/notifications`}
            className="font-semibold uppercase tracking-wide text-gray-700 hover:underline"
            aria-label={`${t("notifications")}: ${t("notificationsCount", { count: unread })}`}
            data-testid="notifications-link"
          >
            {t("notifications")}{" "}
            <span className="rounded-full bg-orange-700 px-2 py-0.5 text-xs text-white" data-testid="notifications-count">
              {unread > 99 ? "99+" : unread}
            </span>
          </Link>
          <Link href={`/${lng}/setup/learning`} className="uppercase tracking-wide text-gray-700 hover:underline">
            {t("help")}
          </Link>
          <LanguageSwitcher />
          <details className="relative">
            <summary className="cursor-pointer list-none rounded px-2 py-1 hover:bg-gray-100" aria-label={t("userMenu", { name: user.name })}>
              <span data-testid="user-menu">{user.name}</span> ▾
            </summary>
            <div className="absolute right-0 z-20 mt-1 w-64 rounded border bg-white p-3 shadow-lg">
              <p className="mb-2 truncate text-xs text-gray-600">{t("signedInAs", { email: user.email })}</p>
              <Link href={`/${lng}/profile/security`} className="mb-2 block rounded px-3 py-1.5 hover:bg-gray-50">
                {getT(lng, "accounts")("security.link")}
              </Link>
              <form action={signOut}>
                <input type="hidden" name="lng" value={lng} />
                <button type="submit" className="w-full rounded border px-3 py-1.5 text-left hover:bg-gray-50">
                  {getT(lng, "accounts")("signOut")}
                </button>
              </form>
            </div>
          </details>
        </div>
      </div>
      <div className="bg-brand">
        <NavLinks lng={lng} items={topNav} prefix="nav" label={t("nav.label")} variant="top" />
      </div>
    </header>
  );
}
