import type { Metadata } from "next";
import { StepUpForm } from "@/features/second-factor/components/forms";
import { secondFactorStatus } from "@/features/second-factor/service";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import { passkeyOptionsAction, stepUpAction } from "../two-factor/actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "mfa")("stepUp.title") };
}

/** The step-up check before a sensitive change: the password or a second factor, then back to `next`. */
export default async function VerifyIdentityPage({ params, searchParams }: { params: Promise<{ lng: string }>; searchParams: Promise<{ next?: string }> }) {
  const { lng } = await params;
  const { next } = await searchParams;
  const back = next && /^\/(en|zh)\/[^/]/.test(next) && !next.startsWith("//") ? next : `/${lng}`;
  const me = await requireUser(lng, `/${lng}/verify-identity?next=${encodeURIComponent(back)}`);
  const t = getT(lng, "mfa");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("stepUp.title")}</h1>
      <p className="mb-4 text-sm text-gray-700" data-testid="step-up-intro">
        {t("stepUp.intro")}
      </p>
      <StepUpForm action={stepUpAction} optionsAction={passkeyOptionsAction} lng={lng} next={back} hasFactor={(await secondFactorStatus(me.id)).enabled} />
    </>
  );
}
