import type { FormAction } from "@/lib/action-result";
import { customerName } from "@/lib/customer-name";
import { formatDate } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { findByRespondToken } from "../respond";
import { RespondForm } from "./respond-form";

type LiveRequest = NonNullable<Awaited<ReturnType<typeof findByRespondToken>>>;

/**
 * /respond/<token> (server component): the supplier's public profile and the
 * contact's answer; a thank-you after answering; an explanation for a link
 * that is unknown, used or expired.
 */
export async function RespondPage({
  lng,
  token,
  request,
  decision,
  answered,
  action,
}: {
  lng: string;
  token: string;
  request: LiveRequest | null;
  decision?: string;
  answered?: string;
  action: FormAction;
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "requests");
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
  const customer = customerName(request.customer, lng);
  const item = (label: string, value: string) => (
    <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2">
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
        action={action}
        initialDecision={decision === "REJECTED" ? "REJECTED" : decision === "APPROVED" ? "APPROVED" : undefined}
      />
      <p className="mt-4 text-xs text-gray-600">{t("respond.expires", { date: formatDate(request.expiresAt, lng, tz) })}</p>
    </>
  );
}
