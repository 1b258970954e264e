import type { ReactNode } from "react";
import { Translations } from "@/lib/i18n/translations";

/** Sends the texts of the request and support forms with these pages (docs/decisions/0013). */
export default async function RequestsLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return (
    <Translations lng={lng} ns={["requests", "support"]}>
      {children}
    </Translations>
  );
}
