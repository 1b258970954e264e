import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/instance";
import { SuccessNotice } from "@/components/notice";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "settings")("emailChange.title") };
}

/** Where a confirmed or stopped email change lands (the link itself is spent). */
export default async function EmailChangeDonePage({ params }: { params: Promise<{ lng: string; outcome: string }> }) {
  const { lng, outcome } = await params;
  if (outcome !== "confirmed" && outcome !== "cancelled") notFound();
  const t = getT(lng, "settings");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t(outcome === "confirmed" ? "emailChange.confirmTitle" : "emailChange.cancelTitle")}</h1>
      <SuccessNotice testId="email-change-done">{t(`emailChange.${outcome}`)}</SuccessNotice>
      <Link href={outcome === "confirmed" ? `/${lng}/sign-in` : `/${lng}/forgot-password`} className="text-brand underline">
        {t(outcome === "confirmed" ? "emailChange.signIn" : "emailChange.resetPassword")}
      </Link>
    </div>
  );
}
