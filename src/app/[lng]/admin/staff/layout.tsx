import type { ReactNode } from "react";
import { Translations } from "@/lib/i18n/translations";

/** Sends the second-factor texts with the staff pages (a factor reset; docs/decisions/0013). */
export default async function StaffLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return (
    <Translations lng={lng} ns={["mfa"]}>
      {children}
    </Translations>
  );
}
