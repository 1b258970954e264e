import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApproveOnboardingForm, SendBackForm } from "@/features/onboarding/components/review-forms";
import { onboardingForReview } from "@/features/onboarding/review";
import { formatDate, ui } from "@/components/ui";
import { sectionRole } from "@/features/admin/sections";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { approveOnboardingAction, sendBackOnboardingAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("onboarding.detailTitle") };
}

/** One supplier's onboarding for one customer: the answers per step, and the review. */
export default async function OnboardingReviewPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  await requireStaff(lng, sectionRole("onboarding"));
  const review = await onboardingForReview(id);
  if (!review) notFound();
  const t = getT(lng, "staff");
  const l = (v: { en: string; zh: string }) => (lng === "zh" ? v.zh : v.en);
  const customer = lng === "zh" && review.customer.nameZh ? review.customer.nameZh : review.customer.name;
  const canReview = review.state === "SUBMITTED";
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${lng}/admin/onboarding`} className="text-sm text-brand underline">{t("onboarding.back")}</Link>
      </p>
      <h1 className={ui.h1}>{t("onboarding.heading", { supplier: review.supplier.name, customer })}</h1>
      <p>
        {t("onboarding.state")}: <span data-testid="onboarding-state">{t(`onboarding.states.${review.state}`)}</span>
        {review.note && <span className="ml-2 text-sm text-gray-700">— {review.note}</span>}
      </p>
      {review.steps.map((step) => (
        <div key={step.key} className={ui.card} data-testid="onboarding-step">
          <h2 className="text-lg font-semibold">{l(step.title)}</h2>
          <p className="text-sm text-gray-600">
            {t(`onboarding.stepStatuses.${step.status}`)} · {formatDate(step.submittedAt)}
          </p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[16rem_1fr]">
            {step.fields.map((f) => (
              <div key={f.key} className="contents">
                <dt className="font-medium">{l(f.label)}</dt>
                <dd className="break-words">
                  {f.value === null
                    ? <span className="text-gray-500">{t("onboarding.unanswered")}</span>
                    : typeof f.value === "boolean"
                      ? t(f.value ? "onboarding.yes" : "onboarding.no")
                      : typeof f.value === "string"
                        ? f.value
                        : l(f.value)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      {canReview ? (
        <div className="grid gap-4 md:grid-cols-2">
          <div className={ui.card}>
            <h2 className="mb-2 text-lg font-semibold">{t("onboarding.approveTitle")}</h2>
            <ApproveOnboardingForm action={approveOnboardingAction} lng={lng} id={review.id} />
          </div>
          <div className={ui.card}>
            <h2 className="mb-2 text-lg font-semibold">{t("onboarding.sendBackTitle")}</h2>
            <SendBackForm action={sendBackOnboardingAction} lng={lng} id={review.id} steps={review.steps.map((s) => ({ key: s.key, title: l(s.title) }))} />
          </div>
        </div>
      ) : (
        <p className="text-gray-700">{t("onboarding.notWaiting")}</p>
      )}
    </section>
  );
}
