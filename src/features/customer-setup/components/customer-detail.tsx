import Link from "next/link";
import { ProgressBar } from "@/features/onboarding/components/progress-bar";
import { getT } from "@/lib/i18n/instance";
import { customerName } from "@/lib/customer-name";
import { formatDate } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import type { CustomerDetail } from "../service";

/** The right column: banners, relationship state, details and history of one customer. */
export async function CustomerDetailView({ lng, detail }: { lng: string; detail: CustomerDetail }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "customers");
  const name = customerName(detail.customer, lng);
  const rel = detail.relationship;
  const onboarding = `/${lng}/setup/customers/${detail.customer.id}/onboarding`;
  return (
    <article className="space-y-5" aria-labelledby="customer-name">
      <h2 id="customer-name" className="text-xl font-semibold">
        {name}
      </h2>

      {detail.banners.payment && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded border border-amber-300 bg-amber-50 p-4" data-testid="banner-payment">
          <p className="font-medium">{t("banner.payment", { customer: name })}</p>
          <Link
            href={`${onboarding}?step=${detail.banners.payment.stepKey}`}
            className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark"
          >
            {t("banner.paymentAction")}
          </Link>
        </div>
      )}
      {detail.banners.steps && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded border border-sky-300 bg-sky-50 p-4" data-testid="banner-steps">
          <p className="font-medium">{t("banner.steps", { customer: name })}</p>
          <Link href={`${onboarding}?step=${detail.banners.steps.stepKey}`} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            {t("banner.stepsAction")}
          </Link>
        </div>
      )}

      {rel && (
        <section aria-labelledby="rel-title" className="space-y-3 rounded border bg-white p-4">
          <h3 id="rel-title" className="font-semibold">
            {t("detail.relationship")}
          </h3>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-gray-600">{t("detail.onboarding")}</dt>
            <dd data-testid="onboarding-state">{t(`states.${rel.onboardingState}`)}</dd>
            <dt className="text-gray-600">{t("detail.origin")}</dt>
            <dd>{t(`origins.${rel.origin}`, { defaultValue: rel.origin })}</dd>
            <dt className="text-gray-600">{t("detail.connectedSince")}</dt>
            <dd>{formatDate(rel.createdAt, lng, tz)}</dd>
          </dl>
          {detail.steps.length === 0 ? (
            <p className="text-sm">{t("detail.noRequirements", { customer: name })}</p>
          ) : (
            <>
              <ProgressBar
                {...detail.progress}
                label={t("detail.onboarding")}
                text={t("detail.progress", { done: detail.progress.done, total: detail.progress.total })}
              />
              {rel.onboardingState === "SUBMITTED" && <p className="text-sm">{t("detail.submitted", { customer: name })}</p>}
              {rel.onboardingState === "APPROVED" && <p className="text-sm text-green-800">{t("detail.approved", { customer: name })}</p>}
              {rel.onboardingState === "CHANGES_REQUESTED" && (
                <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
                  {t("detail.changesRequested", { customer: name, comment: rel.onboardingNote })}
                </p>
              )}
              <Link href={onboarding} className="inline-block text-brand underline">
                {rel.onboardingState === "SUBMITTED" || rel.onboardingState === "APPROVED" ? t("detail.viewOnboarding") : t("detail.openOnboarding")}
              </Link>
            </>
          )}
          <p className="text-sm">
            <Link href={`/${lng}/profile#sharing`} className="text-brand underline">
              {t("detail.sharing")}
            </Link>
          </p>
        </section>
      )}

      {detail.item.group === "invited" && (
        <div className="rounded border bg-white p-4 text-sm">
          <p>{t("detail.invited", { customer: name })}</p>
          {detail.invitation && <p className="mt-1 text-gray-600">{t("detail.invitedExpires", { date: formatDate(detail.invitation.expiresAt, lng, tz) })}</p>}
        </div>
      )}
      {detail.item.group === "requests" && detail.pendingRequest && (
        <div className="rounded border bg-white p-4 text-sm">
          <p>
            {t("detail.requestPending", {
              customer: name,
              email: detail.pendingRequest.contactEmail,
              date: formatDate(detail.pendingRequest.createdAt, lng, tz),
            })}
          </p>
          <Link href={`/${lng}/setup/requests`} className="mt-1 inline-block text-brand underline">
            {t("detail.requestLink")}
          </Link>
        </div>
      )}
      {detail.item.group === "potential" && (
        <div className="rounded border bg-white p-4 text-sm">
          <p>{t("detail.potential", { customer: name })}</p>
          <Link href={`/${lng}/setup/requests`} className="mt-1 inline-block text-brand underline">
            {t("detail.potentialLink")}
          </Link>
        </div>
      )}

      {(detail.customer.domains.length > 0 || detail.customer.aliases.length > 0) && (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          {detail.customer.domains.length > 0 && (
            <>
              <dt className="text-gray-600">{t("detail.domains")}</dt>
              <dd>{detail.customer.domains.map((d) => d.domain).join(", ")}</dd>
            </>
          )}
          {detail.customer.aliases.length > 0 && (
            <>
              <dt className="text-gray-600">{t("detail.aliases")}</dt>
              <dd>{detail.customer.aliases.map((a) => a.name).join(", ")}</dd>
            </>
          )}
        </dl>
      )}

      <section aria-labelledby="history-title">
        <h3 id="history-title" className="font-semibold">
          {t("history.title")}
        </h3>
        {detail.history.length === 0 ? (
          <p className="mt-1 text-sm text-gray-600">{t("history.empty")}</p>
        ) : (
          <ol className="mt-2 space-y-2 border-l-2 border-gray-200 pl-4 text-sm" data-testid="history">
            {detail.history.map((h, i) => (
              <li key={i}>
                <span className="font-medium">{t(`history.${h.kind.replace(/\./g, "_")}`, { defaultValue: t("history.other") })}</span>
                <span className="ml-2 text-gray-600">{formatDate(h.at, lng, tz)}</span>
                {h.comment && <p className="text-gray-700">“{h.comment}”</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
