import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { isLng, languages } from "@/lib/i18n/config";
import { getT } from "@/lib/i18n/instance";
import { I18nProvider } from "@/lib/i18n/provider";
import { cookieTimeZone } from "@/server/time-zone";
import "../globals.css";

export function generateStaticParams() {
  return languages.map((lng) => ({ lng }));
}

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  const { lng } = await params;
  return { title: { default: getT(lng)("brand"), template: `%s · ${getT(lng)("brand")}` } };
}

export default async function RootLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  if (!isLng(lng)) notFound();
  // Rendered per request: the CSP nonce on Next's scripts is fresh every time.
  await connection();
  const t = getT(lng);
  return (
    <html lang={lng === "zh" ? "zh-CN" : "en"}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t("skipToContent")}
        </a>
        <I18nProvider lng={lng}>{children}</I18nProvider>
        <TimeZoneSync current={await cookieTimeZone()} />
      </body>
    </html>
  );
}
