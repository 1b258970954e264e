import Link from "next/link";
import type { FormAction } from "@/lib/action-result";
import { countryOptions } from "@/lib/countries";
import { customerName } from "@/lib/customer-name";
import { getT } from "@/lib/i18n/instance";
import { can, type Permission } from "@/lib/permissions";
import type { OnboardingView } from "../answers";
import { firstOpenStep } from "../progress";
import { CopyAnswersForm } from "./copy-form";
import { ProgressBar } from "./progress-bar";
import { StepForm } from "./step-form";
import { SuccessNotice } from "@/components/notice";

/**
 * Finish Setup for one customer: progress, the steps (the chosen one, or the
 * first open one), the step's form, and copying answers from another customer.
 * Read-only without the onboarding permission or once submitted.
 */
export function OnboardingScreen({
  lng,
  customerId,
  view,
  permissions,
  stepParam,
  saved,
  copied,
  actions,
}: {
  lng: string;
  customerId: string;
  view: OnboardingView;
  permissions: readonly Permission[];
  /** From the URL: the step asked for, and what was just done */
  stepParam?: string;
  saved?: string;
  copied?: string;
  actions: { saveStep: FormAction<unknown>; copyAnswers: FormAction<unknown> };
}) {
  const t = getT(lng, "onboarding");
  const name = customerName(view.customer, lng);
  const submissions = Object.entries(view.answers).map(([stepKey, a]) => ({ stepKey, status: a.status }));
  const stepKey = view.steps.some((s) => s.key === stepParam) ? stepParam! : firstOpenStep(view.steps, submissions);
  const step = view.steps.find((s) => s.key === stepKey);
  const mayEdit = can(permissions, "onboarding");
  const editable = mayEdit && !view.relationship.locked;
  const documents = Object.fromEntries(view.documents.map((d) => [d.id, { filename: d.filename }]));
  const base = `/${lng}/setup/customers/${customerId}/onboarding`;
  const stepTitle = (s: (typeof view.steps)[number]) => (lng === "zh" ? s.title.zh : s.title.en);

  return (
    <section className="space-y-5 rounded-lg border bg-white p-4 sm:p-6">
      <p>
        <Link href={`/${lng}/setup/customers?c=${customerId}`} className="text-sm text-brand underline">
          ← {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-gray-700">{t("forCustomer", { customer: name })}</p>
        {view.steps.length > 0 && (
          <ProgressBar {...view.progress} label={t("progressLabel")} text={t("progress", { done: view.progress.done, total: view.progress.total })} />
        )}
      </header>

      {saved === "submitted" && <SuccessNotice>{t("saved.submitted")}</SuccessNotice>}
      {saved === "complete" && <SuccessNotice testId="onboarding-complete">{t("saved.complete", { customer: name })}</SuccessNotice>}
      {copied && <SuccessNotice>{t("copy.done")}</SuccessNotice>}
      {view.relationship.state === "CHANGES_REQUESTED" && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">{t("changesRequested", { customer: name, comment: view.relationship.note })}</p>
      )}
      {view.relationship.locked && saved !== "complete" && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm" data-testid="onboarding-locked">
          {t(`locked.${view.relationship.state}`, { customer: name })}
        </p>
      )}
      {!mayEdit && <p className="rounded border bg-gray-50 p-3 text-sm">{t("readOnly")}</p>}

      {view.steps.length === 0 || !step ? (
        <p>{t("noSteps", { customer: name })}</p>
      ) : (
        <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
          <nav aria-label={t("stepsLabel")}>
            <ol className="space-y-1">
              {view.steps.map((s, i) => {
                const status = view.answers[s.key]?.status ?? "NONE";
                return (
                  <li key={s.key}>
                    <Link
                      href={`${base}?step=${s.key}`}
                      aria-current={s.key === step.key ? "step" : undefined}
                      className={`block rounded px-2 py-2 text-sm hover:bg-brand-light ${s.key === step.key ? "bg-brand-light font-semibold text-brand" : ""}`}
                    >
                      <span className="block text-xs text-gray-600">{t("stepN", { n: i + 1 })}</span>
                      {stepTitle(s)}
                      <span className="block text-xs" data-testid={`step-status-${s.key}`}>
                        {t(`stepStatus.${status}`)}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </nav>
          <div className="min-w-0 space-y-6">
            <div>
              <h2 className="text-lg font-semibold">{stepTitle(step)}</h2>
              {view.answers[step.key]?.status === "CHANGES_REQUESTED" && view.answers[step.key].comment && (
                <p className="mt-1 text-sm text-amber-800">“{view.answers[step.key].comment}”</p>
              )}
            </div>
            <StepForm
              key={`${step.key}-${copied ?? ""}`}
              action={actions.saveStep}
              lng={lng}
              customerId={customerId}
              step={step}
              answers={view.answers[step.key]?.data ?? {}}
              documents={documents}
              editable={editable}
              countries={step.fields.some((f) => f.type === "country") ? countryOptions(lng) : []}
            />
            {editable && view.copySources.length > 0 && (
              <section aria-labelledby="copy-title" className="rounded border bg-gray-50 p-4">
                <h3 id="copy-title" className="font-semibold">
                  {t("copy.title")}
                </h3>
                <p className="mb-2 text-sm text-gray-700">{t("copy.intro")}</p>
                <CopyAnswersForm action={actions.copyAnswers} lng={lng} customerId={customerId} stepKey={step.key} sources={view.copySources} />
              </section>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
