import type { Metadata } from "next";
import { EmailChangeTokenForm } from "@/features/accounts/components/email-change";
import { pendingEmailChange } from "@/features/accounts/email-change";
import { getT } from "@/lib/i18n/instance";
import { confirmEmailChangeAction } from "../actions";
import { DeadEmailChangeLink } from "../dead-link";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "settings")("emailChange.confirmTitle"), referrer: TOKEN_PAGE_REFERRER };
}

export default async function ConfirmEmailChangePage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const t = getT(lng, "settings");
  const pending = await pendingEmailChange(token);
  if (!pending) return <DeadEmailChangeLink lng={lng} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("emailChange.confirmTitle")}</h1>
      <p className="text-gray-700">{t("emailChange.confirmBody", { from: pending.from, to: pending.to })}</p>
      <EmailChangeTokenForm action={confirmEmailChangeAction} lng={lng} token={token} label={t("emailChange.confirm")} />
    </div>
  );
}
