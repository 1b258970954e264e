import type { ReactNode } from "react";
import { Translations } from "@/lib/i18n/translations";

/** Sends the texts of the profile forms with these pages (docs/decisions/0013). */
export default async function ProfileLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return (
    <Translations lng={lng} ns={["profile", "settings"]}>
      {children}
    </Translations>
  );
}
