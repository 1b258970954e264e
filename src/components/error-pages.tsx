"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslation } from "react-i18next";
import { fallbackLng, isLng } from "@/lib/i18n/config";

export type Area = "portal" | "public" | "admin";

/** Where "back" leads in each area. */
function home(area: Area, lng: string): { href: string; label: "back" | "backAdmin" | "backPublic" } {
  if (area === "admin") return { href: `/${lng}/admin`, label: "backAdmin" };
  if (area === "public") return { href: `/${lng}/sign-in`, label: "backPublic" };
  return { href: `/${lng}/home`, label: "back" };
}

function useLng(): string {
  const params = useParams<{ lng?: string }>();
  return isLng(params?.lng) ? params.lng : fallbackLng;
}

/** The digest Next gives a server error: the id written with it in the server log. */
export function referenceOf(error: unknown): string | null {
  const digest = typeof error === "object" && error !== null && "digest" in error ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === "string" && digest ? digest : null;
}

/** Body of every error.tsx: what happened, the reference id, try again, a way back. */
export function ErrorView({ area, error, retry }: { area: Area; error: unknown; retry?: () => void }) {
  const { t } = useTranslation("errors");
  const lng = useLng();
  const reference = referenceOf(error);
  const back = home(area, lng);
  return (
    <section role="alert" aria-labelledby="error-title" className="mx-auto max-w-lg rounded-lg border bg-white p-6 text-center" data-testid="error-page">
      <h1 id="error-title" className="text-2xl font-semibold">
        {t("error.title")}
      </h1>
      <p className="mt-3 text-gray-700">{t("error.body")}</p>
      <p className="mt-3 font-mono text-sm" data-testid="error-reference">
        {reference ? t("reference", { id: reference }) : t("error.noReference")}
      </p>
      <div className="mt-6 flex justify-center gap-4">
        {retry && (
          <button type="button" onClick={() => retry()} className="rounded bg-brand px-4 py-2 text-white">
            {t("error.retry")}
          </button>
        )}
        <Link href={back.href} className="px-4 py-2 text-brand underline">
          {t(`error.${back.label}`)}
        </Link>
      </div>
    </section>
  );
}

/** Body of every not-found.tsx. */
export function NotFoundView({ area }: { area: Area }) {
  const { t } = useTranslation("errors");
  const lng = useLng();
  const back = home(area, lng);
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-lg p-6 text-center" data-testid="not-found-page">
      <h1 id="not-found-title" className="text-2xl font-semibold">
        {t("notFound.title")}
      </h1>
      <p className="mt-3 text-gray-700">{t("notFound.body")}</p>
      <Link href={back.href} className="mt-6 inline-block text-brand underline">
        {t(`notFound.${back.label}`)}
      </Link>
    </section>
  );
}
