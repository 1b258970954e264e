import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";
import { formatDate, formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { RecoveryEvidence } from "../admin-recovery";
import { DecideRecoveryForm } from "./admin-recovery-forms";

/** Support's list of requests for admin rights, each with the evidence to decide on. */
export async function RecoveryReview({ lng, rows, decide }: { lng: string; rows: RecoveryEvidence[]; decide: FormAction<unknown> }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "settings");
  return (
    <section className="space-y-4">
      <h1 className={ui.h1}>{t("recoveryAdmin.title")}</h1>
      <p className="text-gray-700">{t("recoveryAdmin.intro")}</p>
      {rows.length === 0 && <p data-testid="recovery-empty">{t("recoveryAdmin.empty")}</p>}
      <ul className="space-y-4">
        {rows.map((r) => (
          <li key={r.id} className={ui.card} data-testid="recovery-request">
            <h2 className="text-lg font-semibold">
              {r.user.name} · {r.company.name}{" "}
              <span className="ml-1 rounded bg-gray-100 px-2 py-0.5 text-xs" data-testid="recovery-status">
                {t(`recoveryAdmin.status.${r.status}`)}
              </span>
            </h2>
            <p className="text-sm text-gray-700">{t("recoveryAdmin.asked", { when: formatDateTime(r.createdAt, lng, tz) })}</p>
            <blockquote className="my-2 border-l-4 pl-3 text-sm italic">{r.reason}</blockquote>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2" data-testid="recovery-evidence">
              <dt className="font-semibold">{t("recoveryAdmin.email")}</dt>
              <dd>
                {r.user.email} —{" "}
                {r.onCompanyDomain ? t("recoveryAdmin.onCompanyDomain") : r.freeMail ? t("recoveryAdmin.freeMail") : t("recoveryAdmin.otherDomain")}
              </dd>
              <dt className="font-semibold">{t("recoveryAdmin.companyDomains")}</dt>
              <dd>{r.company.domains.join(", ") || "—"}</dd>
              <dt className="font-semibold">{t("recoveryAdmin.tenure")}</dt>
              <dd>{t("recoveryAdmin.tenureValue", { count: r.tenureDays, since: formatDate(r.user.createdAt, lng, tz) })}</dd>
              <dt className="font-semibold">{t("recoveryAdmin.activity")}</dt>
              <dd>
                {t("recoveryAdmin.activityValue", { count: r.recentActions })} ·{" "}
                {r.user.lastSignInAt ? t("recoveryAdmin.lastSignIn", { when: formatDateTime(r.user.lastSignInAt, lng, tz) }) : t("recoveryAdmin.neverSignedIn")}
              </dd>
              <dt className="font-semibold">{t("recoveryAdmin.formerAdmins")}</dt>
              <dd>{r.formerAdmins.map((a) => `${a.name} <${a.email}> (${t(`recoveryAdmin.userStatus.${a.status}`)})`).join("; ") || "—"}</dd>
            </dl>
            {r.status === "PENDING" ? (
              <div className="mt-3">
                {!r.stillWithoutAdmin && <p className="mb-2 text-sm text-amber-800">{t("recoveryAdmin.hasAdminNow")}</p>}
                <DecideRecoveryForm action={decide} lng={lng} id={r.id} />
              </div>
            ) : (
              <p className="mt-2 text-sm">
                {t("recoveryAdmin.decidedOn", { when: r.decidedAt ? formatDateTime(r.decidedAt, lng, tz) : "—" })}: {r.comment}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
