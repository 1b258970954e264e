import type { Metadata } from "next";
import Link from "next/link";
import { JoinForm } from "@/features/supplier-users/components/forms";
import { INVITE_TTL_DAYS, inspectInvitation } from "@/features/supplier-users/service";
import { getT } from "@/lib/i18n/instance";
import { joinAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "users")("register.submit"), referrer: "no-referrer" };
}

/** The colleague-invitation registration page: email fixed, name + password + language. */
export default async function JoinPage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const t = getT(lng, "users");
  const invite = await inspectInvitation(token);
  if (invite.state !== "valid") {
    return (
      <div data-testid="join-invalid">
        <h1 className="mb-3 text-2xl font-semibold">{t(`register.${invite.state}Title`)}</h1>
        <p className="mb-4 text-gray-700">{t(`register.${invite.state}Body`, { days: INVITE_TTL_DAYS })}</p>
        <Link href={`/${lng}/sign-in`} className="text-brand underline">
          {t("register.signIn")}
        </Link>
      </div>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("register.title", { company: invite.company })}</h1>
      <p className="mb-4 text-sm text-gray-700">{t("register.intro", { company: invite.company })}</p>
      <JoinForm action={joinAction} lng={lng} token={token} email={invite.email} name={invite.name} />
    </>
  );
}
