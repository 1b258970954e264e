import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/features/accounts/components/forms";
import { isResetTokenValid } from "@/features/accounts/service";
import { getT } from "@/lib/i18n/instance";
import { resetPasswordAction } from "../../actions";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "accounts")("reset.title"), referrer: TOKEN_PAGE_REFERRER };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const t = getT(lng, "accounts");
  if (!(await isResetTokenValid(token))) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-semibold">{t("reset.invalidTitle")}</h1>
        <p className="mb-4 text-gray-700">{t("reset.invalidBody")}</p>
        <Link href={`/${lng}/forgot-password`} className="text-brand underline">
          {t("reset.requestNew")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("reset.title")}</h1>
      <ResetPasswordForm action={resetPasswordAction} lng={lng} token={token} />
    </>
  );
}
