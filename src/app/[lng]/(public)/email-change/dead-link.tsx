import Link from "next/link";
import { getT } from "@/lib/i18n/instance";

/** A used, replaced, cancelled or expired email-change link. */
export function DeadEmailChangeLink({ lng }: { lng: string }) {
  const t = getT(lng, "settings");
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("emailChange.invalidTitle")}</h1>
      <p className="mb-4 text-gray-700">{t("emailChange.invalidBody")}</p>
      <Link href={`/${lng}/sign-in`} className="text-brand underline">
        {t("emailChange.signIn")}
      </Link>
    </>
  );
}
