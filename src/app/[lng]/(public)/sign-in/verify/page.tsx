import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { VerifySignInForm } from "@/features/second-factor/components/forms";
import { pendingSignIn } from "@/features/second-factor/service";
import { getT } from "@/lib/i18n/instance";
import { secondStepTicket } from "@/server/second-step";
import { passkeySignInOptionsAction, verifySignInAction } from "../../two-factor/actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "mfa")("verify.title") };
}

/** The second step of sign-in, after a correct password: a code or a passkey. Without a live ticket, back to sign-in. */
export default async function VerifySignInPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<{ next?: string }> }) {
  const { lng } = await params;
  const { next } = await searchParams;
  const pending = await pendingSignIn((await secondStepTicket()) ?? "");
  if (!pending) redirect(`/${lng}/sign-in`);
  const t = getT(lng, "mfa");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("verify.title")}</h1>
      <p className="mb-4 text-sm text-gray-700">{t("verify.intro")}</p>
      <VerifySignInForm
        action={verifySignInAction}
        optionsAction={passkeySignInOptionsAction}
        lng={lng}
        next={next}
        hasTotp={pending.hasTotp}
        hasPasskeys={pending.hasPasskeys}
      />
      <p className="mt-4 text-sm">
        <Link href={`/${lng}/sign-in`} className="text-brand underline">
          {t("verify.back")}
        </Link>
      </p>
    </>
  );
}
