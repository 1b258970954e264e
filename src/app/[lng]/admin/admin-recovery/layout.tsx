import type { ReactNode } from "react";
import { Translations } from "@/lib/i18n/translations";

/** Sends the account-settings texts with these pages (email change, admin recovery; docs/decisions/0013). */
export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return (
    <Translations lng={lng} ns={["settings"]}>
      {children}
    </Translations>
  );
}
