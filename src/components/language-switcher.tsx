"use client";
import { Suspense } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslation } from "react-i18next";
import { languages } from "@/lib/i18n/config";

/** Links to the same page in the other languages; the proxy remembers the choice. */
export function LanguageSwitcher({ className }: { className?: string }) {
  return (
    <Suspense>
      <Switcher className={className} />
    </Suspense>
  );
}

function Switcher({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const pathname = usePathname() ?? "/";
  const search = useSearchParams()?.toString();
  const rest = pathname.replace(/^\/(en|zh)(?=\/|$)/, "");
  return (
    <nav aria-label={t("language")} className={className ?? "flex gap-2 text-sm"}>
      {languages.map((l) => (
        // A whole page load, not the router's: the proxy saves the choice from document loads only (src/proxy.ts),
        // and nothing is prefetched for a language the reader may never pick.
        <a
          key={l}
          href={`/${l}${rest}${search ? `?${search}` : ""}`}
          hrefLang={l}
          lang={l}
          aria-current={i18n.language === l ? "true" : undefined}
          className={i18n.language === l ? "font-semibold underline" : "hover:underline"}
          data-testid={`lang-${l}`}
        >
          {t(`languages.${l}`)}
        </a>
      ))}
    </nav>
  );
}
