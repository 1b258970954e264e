import type { Metadata } from "next";
import { EmailChangeTokenForm } from "@/features/accounts/components/email-change";
import { isCancelLinkLive } from "@/features/accounts/email-change";
import { getT } from "@/lib/i18n/instance";
import { cancelEmailChangeAction } from "../../actions";
import { DeadEmailChangeLink } from "../../dead-link";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "settings")("emailChange.cancelTitle"), referrer: TOKEN_PAGE_REFERRER };
}

export default async function CancelEmailChangePage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const t = getT(lng, "settings");
  if (!(await isCancelLinkLive(token))) return <DeadEmailChangeLink lng={lng} />;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("emailChange.cancelTitle")}</h1>
      <p className="text-gray-700">{t("emailChange.cancelBody")}</p>
      <EmailChangeTokenForm action={cancelEmailChangeAction} lng={lng} token={token} label={t("emailChange.cancel")} danger />
    </div>
  );
}
