import Link from "next/link";
import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";
import { customerName } from "@/lib/customer-name";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { QueueDetail } from "../service";
import { DecideForm, ResetAttemptsForm } from "./queue-forms";

/** One request for staff (server component): who asks whom, the contact and its flags, the supplier's profile, the history, and the decision. */
export async function QueueRequest({
  lng,
  request: r,
  decideRequestAction,
  resetAttemptsAction,
}: {
  lng: string;
  request: QueueDetail;
  decideRequestAction: FormAction<{ decision: string }>;
  resetAttemptsAction: FormAction<{ used: number; limit: number }>;
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  const customer = customerName(r.customer, lng);
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${lng}/admin/requests`} className="text-sm text-brand underline">
          {t("queue.back")}
        </Link>
      </p>
      <h1 className={ui.h1}>{t("queue.heading", { supplier: r.supplier.name, customer })}</h1>
      <dl className={`${ui.card} grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]`}>
        <dt className="font-medium">{t("queue.status")}</dt>
        <dd data-testid="request-status">{t(`queue.statuses.${r.status}`)}</dd>
        <dt className="font-medium">{t("queue.contactEmail")}</dt>
        <dd className="break-all">
          <span data-testid="contact-email">{r.contactEmail}</span>
          {r.contactFlags.length === 0 ? (
            <span className="ml-2 text-sm text-gray-600">{t("queue.noFlags")}</span>
          ) : (
            <ul className="mt-1 list-disc pl-5 text-sm text-amber-900" data-testid="contact-flags">
              {r.contactFlags.map((f) => (
                <li key={f}>{t(`queue.flagHelp.${f}`, { domains: r.customer.domains.join(", ") || "—" })}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="font-medium">{t("queue.customer")}</dt>
        <dd>
          {customer}
          {r.customer.domains.length > 0 && <span className="text-sm text-gray-600"> ({r.customer.domains.join(", ")})</span>}
        </dd>
        <dt className="font-medium">{t("queue.requestedBy")}</dt>
        <dd className="break-all">
          {r.requestedBy.name} &lt;{r.requestedBy.email}&gt;
        </dd>
        <dt className="font-medium">{t("queue.columns.created")}</dt>
        <dd>{formatDateTime(r.createdAt, lng, tz)}</dd>
        <dt className="font-medium">{t("queue.expires")}</dt>
        <dd>{formatDateTime(r.expiresAt, lng, tz)}</dd>
        {r.comment && (
          <>
            <dt className="font-medium">{t("queue.comment")}</dt>
            <dd data-testid="request-comment">{r.comment}</dd>
          </>
        )}
      </dl>

      {r.status === "PENDING" && (
        <div className={ui.card}>
          <h2 className="mb-2 text-lg font-semibold">{t("queue.decideTitle")}</h2>
          <DecideForm action={decideRequestAction} lng={lng} id={r.id} />
        </div>
      )}

      <div className={ui.card}>
        <h2 className="text-lg font-semibold">{t("queue.profile")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <dt className="font-medium">{t("queue.supplierName")}</dt>
          <dd>{r.supplier.name}</dd>
          <dt className="font-medium">{t("queue.description")}</dt>
          <dd>{r.supplier.description || "—"}</dd>
          <dt className="font-medium">{t("queue.website")}</dt>
          <dd className="break-all">{r.supplier.website || "—"}</dd>
          <dt className="font-medium">{t("queue.location")}</dt>
          <dd>{r.supplier.location || "—"}</dd>
          <dt className="font-medium">{t("queue.categories")}</dt>
          <dd>{r.supplier.categories.join(", ") || "—"}</dd>
          <dt className="font-medium">{t("queue.domains")}</dt>
          <dd>{r.supplier.domains.join(", ") || "—"}</dd>
          <dt className="font-medium">{t("queue.attempts")}</dt>
          <dd>
            <span data-testid="attempts">{t("queue.attemptsUsed", { used: r.allowance.used, limit: r.allowance.limit })}</span>
            <ResetAttemptsForm action={resetAttemptsAction} lng={lng} supplierId={r.supplier.id} />
          </dd>
        </dl>
      </div>

      <div className={ui.card}>
        <h2 className="text-lg font-semibold">{t("queue.history")}</h2>
        <ol className="mt-2 space-y-1 text-sm" data-testid="request-history">
          <li>
            {formatDateTime(r.createdAt, lng, tz)} · {t("queue.created", { name: r.requestedBy.name })}
          </li>
          {r.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.createdAt, lng, tz)} · {t(`queue.statuses.${e.toStatus}`)} · {t(`queue.actors.${e.actorType}`)}
              {e.actorName ? ` (${e.actorName})` : ""}
              {e.comment ? ` — “${e.comment}”` : ""}
            </li>
          ))}
        </ol>
        <h3 className="mt-4 font-semibold">{t("queue.auditTrail")}</h3>
        <ol className="mt-2 space-y-1 text-sm" data-testid="request-audit">
          {r.audit.map((a) => (
            <li key={a.id} className="break-words">
              {formatDateTime(a.createdAt, lng, tz)} · <code>{a.action}</code> · {a.actorType}
              {a.actorName ? ` (${a.actorName})` : ""}
              {a.after ? (
                <>
                  {" "}
                  · <code className="text-xs">{a.after}</code>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
