import Link from "next/link";
import type { FormAction } from "@/lib/action-result";
import { getT } from "@/lib/i18n/instance";
import type { PendingSignUp } from "../sign-up";
import { ConfirmSignUpForm } from "./forms";

/**
 * The sign-up email's link: create the company, or (when a company already has
 * the email's domain) join it or create a separate one; a dead link says so.
 */
export function ConfirmSignUpScreen({
  lng,
  token,
  pending,
  choice,
  action,
}: {
  lng: string;
  token: string;
  pending: PendingSignUp | null;
  /** "separate": the separate company is offered first */
  choice?: string;
  action: FormAction;
}) {
  const t = getT(lng, "accounts");
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
        <ConfirmSignUpForm action={action} lng={lng} token={token} choice="create" label={t("confirm.create")} />
      </>
    );
  }
  const separateFirst = choice === "separate";
  const join = (
    <ConfirmSignUpForm
      key="join"
      action={action}
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
      action={action}
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
