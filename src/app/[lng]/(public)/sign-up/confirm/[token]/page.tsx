import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmSignUpForm } from "@/features/accounts/components/forms";
import { pendingSignUp } from "@/features/accounts/sign-up";
import { getT } from "@/lib/i18n/instance";
import { confirmSignUpAction } from "../../../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "accounts")("confirm.title"), referrer: "no-referrer" };
}

/**
 * The link from the sign-up email. Opening it changes nothing (mail scanners
 * open links too); the button creates the account and signs in.
 */
export default async function ConfirmSignUpPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; token: string }>;
  searchParams: Promise<{ choice?: string }>;
}) {
  const { lng, token } = await params;
  const { choice } = await searchParams;
  const t = getT(lng, "accounts");
  const pending = await pendingSignUp(token);
  if (!pending) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-semibold">{t("confirm.invalidTitle")}</h1>
        <p className="mb-4 text-gray-700">{t("confirm.invalidBody")}</p>
        <p className="flex gap-4">
          <Link href={`/${lng}/sign-in`} className="text-brand underline">
            {t("signUp.signIn")}
          </Link>
          <Link href={`/${lng}/sign-up`} className="text-brand underline">
            {t("signIn.createAccount")}
          </Link>
        </p>
      </>
    );
  }
  const names = { company: pending.companyName, name: pending.name, email: pending.email, domainCompany: pending.domainCompany ?? "" };
  if (!pending.domainCompany) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-semibold">{t("confirm.title")}</h1>
        <p className="mb-4 text-gray-700">{t("confirm.intro", names)}</p>
        <ConfirmSignUpForm action={confirmSignUpAction} lng={lng} token={token} choice="create" label={t("confirm.create")} />
      </>
    );
  }
  const separateFirst = choice === "separate";
  const join = (
    <ConfirmSignUpForm
      key="join"
      action={confirmSignUpAction}
      lng={lng}
      token={token}
      choice="join"
      label={t("confirm.join", { company: pending.domainCompany })}
      secondary={separateFirst}
    />
  );
  const separate = (
    <ConfirmSignUpForm
      key="separate"
      action={confirmSignUpAction}
      lng={lng}
      token={token}
      choice="create"
      label={t("confirm.separate", { company: pending.companyName })}
      secondary={!separateFirst}
    />
  );
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("confirm.title")}</h1>
      <p className="mb-4 text-gray-700">{t("confirm.domainIntro", names)}</p>
      <div className="space-y-3">{separateFirst ? [separate, join] : [join, separate]}</div>
    </>
  );
}
