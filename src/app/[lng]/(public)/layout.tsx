import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { getT } from "@/lib/i18n/instance";
import { Translations } from "@/lib/i18n/translations";

/** Pages for visitors without a session: sign-in, sign-up, reset, invitation links. */
export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const t = getT(lng);
  // Sign-in (with its second step), sign-up, reset and registration forms.
  return (
    <Translations lng={lng} ns={["accounts", "mfa"]}>
      <div className="flex min-h-screen flex-col">
        <header className="flex items-center justify-between border-b bg-white px-4 py-3">
          <span className="text-lg font-bold text-brand">{t("brand")}</span>
          <LanguageSwitcher />
        </header>
        <main id="main" className="flex flex-1 items-start justify-center px-4 py-10">
          <div className="w-full max-w-md rounded-lg border bg-white p-6 shadow-sm">{children}</div>
        </main>
      </div>
    </Translations>
  );
}
