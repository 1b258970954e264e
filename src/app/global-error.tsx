"use client";
import { usePathname } from "next/navigation";
import { referenceOf } from "@/components/error-pages";
import { fallbackLng, isLng } from "@/lib/i18n/config";
import enErrors from "@locales/en/errors.json" with { type: "json" };
import zhErrors from "@locales/zh/errors.json" with { type: "json" };
import { createInstance } from "i18next";
import "./globals.css";

// Only the errors namespace (both languages, under 1 KB): the full bundle of
// ./lib/i18n/resources must not reach the browser.
const errorTexts = createInstance();
void errorTexts.init({
  resources: { en: { errors: enErrors }, zh: { errors: zhErrors } },
  fallbackLng,
  ns: ["errors"],
  defaultNS: "errors",
  interpolation: { escapeValue: false },
  initAsync: false,
});

/**
 * The last resort, when the root layout itself fails: its own document, no
 * providers, so the language comes from the path.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const first = usePathname()?.split("/")[1];
  const lng = isLng(first) ? first : fallbackLng;
  const t = errorTexts.getFixedT(lng, "errors");
  const reference = referenceOf(error);
  return (
    <html lang={lng === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen">
        <main id="main" className="mx-auto max-w-lg p-8 text-center" data-testid="error-page">
          <title>{t("error.title")}</title>
          <h1 className="text-2xl font-semibold">{t("error.title")}</h1>
          <p className="mt-3 text-gray-700">{t("error.body")}</p>
          <p className="mt-3 font-mono text-sm" data-testid="error-reference">
            {reference ? t("reference", { id: reference }) : t("error.noReference")}
          </p>
          <div className="mt-6 flex justify-center gap-4">
            <button type="button" onClick={() => retry()} className="rounded bg-brand px-4 py-2 text-white">
              {t("error.retry")}
            </button>
            <a href={`/${lng}`} className="px-4 py-2 text-brand underline">
              {t("error.back")}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
