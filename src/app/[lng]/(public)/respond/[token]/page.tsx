import type { Metadata } from "next";
import { RespondForm } from "@/features/connection-requests/components/respond-form";
import { findByRespondToken } from "@/features/connection-requests/service";
import { getT } from "@/lib/i18n/instance";
import { respondAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  // The token is in the URL: never leak it to other sites.
  return { title: getT((await params).lng, "requests")("title"), referrer: "no-referrer", robots: { index: false } };
}

export default async function RespondPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; token: string }>;
  searchParams: Promise<{ decision?: string; answered?: string }>;
}) {
  const { lng, token } = await params;
  const { decision, answered } = await searchParams;
  const t = getT(lng, "requests");
  const request = await findByRespondToken(token);
  if (!request && (answered === "APPROVED" || answered === "REJECTED")) {
    return (
      <div role="status" data-testid="respond-done">
        <h1 className="mb-3 text-2xl font-semibold">{t("respond.doneTitle")}</h1>
        <p className="text-gray-700">{t(answered === "APPROVED" ? "respond.doneApproved" : "respond.doneRejected")}</p>
      </div>
    );
  }
  if (!request) {
    return (
      <>
        <h1 className="mb-3 text-2xl font-semibold">{t("respond.invalidTitle")}</h1>
        <p className="text-gray-700">{t("respond.invalidBody")}</p>
      </>
    );
  }
  const s = request.supplier;
  const customer = lng === "zh" && request.customer.nameZh ? request.customer.nameZh : request.customer.name;
  const item = (label: string, value: string) => (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-gray-600">{label}</dt>
      <dd>{value || t("respond.notGiven")}</dd>
    </div>
  );
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold">{t("respond.title", { supplier: s.name })}</h1>
      <p className="mb-4 text-gray-800">
        {t("respond.intro", { supplier: s.name, requester: request.requester.name, email: request.requester.email, customer })}
      </p>
      <section className="mb-4 rounded border bg-gray-50 p-3 text-sm" aria-labelledby="profile-title">
        <h2 id="profile-title" className="mb-2 font-semibold">
          {t("respond.profile", { supplier: s.name })}
        </h2>
        <dl className="space-y-1">
          {item(t("respond.description"), s.description)}
          {item(t("respond.website"), s.website)}
          {item(t("respond.location"), s.location)}
          {item(t("respond.categories"), s.categories)}
        </dl>
      </section>
      <RespondForm
        lng={lng}
        token={token}
        action={respondAction}
        initialDecision={decision === "REJECTED" ? "REJECTED" : decision === "APPROVED" ? "APPROVED" : undefined}
      />
      <p className="mt-4 text-xs text-gray-600">{t("respond.expires", { date: request.expiresAt.toISOString().slice(0, 10) })}</p>
    </>
  );
}
