"use client";
import Link from "next/link";
import { useTranslation } from "react-i18next";

export default function NotFound() {
  const { t, i18n } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="mt-3 text-gray-700">{t("errors.notFoundBody")}</p>
      <Link href={`/${i18n.language}`} className="mt-6 inline-block text-brand underline">
        {t("errors.goHome")}
      </Link>
    </main>
  );
}
