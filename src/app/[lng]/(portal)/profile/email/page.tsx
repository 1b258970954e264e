import { ChangeEmailForm } from "@/features/accounts/components/email-change";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import { changeEmailAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "settings")("emailChange.title") };
}

/** Change of the sign-in email, confirmed from a link sent to the new address. */
export default async function ChangeEmailPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const me = await requireUser(lng, `/${lng}/profile/email`);
  const t = getT(lng, "settings");
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("emailChange.title")}</h1>
      <p className="text-sm text-gray-700">{t("emailChange.intro", { email: me.email })}</p>
      <p className="text-sm text-gray-600">{t("emailChange.domainNote")}</p>
      <div className="rounded-lg border bg-white p-4 sm:p-6">
        <ChangeEmailForm action={changeEmailAction} lng={lng} />
      </div>
    </div>
  );
}
