import Link from "next/link";
import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";
import { customerName } from "@/lib/customer-name";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { OnboardingReview } from "../review";
import type { OnboardingState } from "../progress";
import { ApproveOnboardingForm, SendBackForm } from "./review-forms";

/** Staff: one supplier's onboarding for one customer, the answers per step, and the review forms while it waits. */
export async function ReviewDetail({
  lng,
  review,
  approve,
  sendBack,
}: {
  lng: string;
  review: OnboardingReview;
  approve: FormAction<{ state: OnboardingState }>;
  sendBack: FormAction<{ state: OnboardingState }>;
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  const l = (v: { en: string; zh: string }) => (lng === "zh" ? v.zh : v.en);
  const customer = customerName(review.customer, lng);
  const canReview = review.state === "SUBMITTED";
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${lng}/admin/onboarding`} className="text-sm text-brand underline">
          {t("onboarding.back")}
        </Link>
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
            {t(`onboarding.stepStatuses.${step.status}`)} · {formatDateTime(step.submittedAt, lng, tz)}
          </p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[16rem_1fr]">
            {step.fields.map((f) => (
              <div key={f.key} className="contents">
                <dt className="font-medium">{l(f.label)}</dt>
                <dd className="break-words">
                  {f.value === null ? (
                    <span className="text-gray-500">{t("onboarding.unanswered")}</span>
                  ) : typeof f.value === "boolean" ? (
                    t(f.value ? "onboarding.yes" : "onboarding.no")
                  ) : typeof f.value === "string" ? (
                    f.value
                  ) : (
                    l(f.value)
                  )}
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
            <ApproveOnboardingForm action={approve} lng={lng} id={review.id} />
          </div>
          <div className={ui.card}>
            <h2 className="mb-2 text-lg font-semibold">{t("onboarding.sendBackTitle")}</h2>
            <SendBackForm action={sendBack} lng={lng} id={review.id} steps={review.steps.map((s) => ({ key: s.key, title: l(s.title) }))} />
          </div>
        </div>
      ) : (
        <p className="text-gray-700">{t("onboarding.notWaiting")}</p>
      )}
    </section>
  );
}
