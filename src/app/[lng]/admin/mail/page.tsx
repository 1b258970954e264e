import type { Metadata } from "next";
import { Pager } from "@/components/pager";
import { ResendButton } from "@/features/mail-log/components/resend-button";
import { formatDate, ui } from "@/components/ui";
import { listMail, mailTemplates } from "@/features/mail-log/service";
import { firstValues } from "@/features/admin/filters";
import { mailFilterSchema, mailStatuses } from "@/features/mail-log/schemas";
import { sectionRole } from "@/features/admin/sections";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { resendMailAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("mail.title") };
}

/** The mail log: every message kept or sent, newest first, filterable, failed ones resendable. */
export default async function MailLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  const user = await requireStaff(lng, sectionRole("mail"));
  const filter = mailFilterSchema.parse(firstValues(await searchParams));
  const t = getT(lng, "staff");
  const mailT = getT(lng, "mail");
  const [mails, templates] = await Promise.all([listMail(filter, user.staffRole ?? "SUPPORT"), mailTemplates()]);
  return (
    <section>
      <h1 className={ui.h1}>{t("mail.title")}</h1>
      <p className="mt-2 text-gray-700">{t("mail.intro")}</p>
      <p className="mt-2 text-sm text-gray-700">{t("mail.linksNote")}</p>
      {mails.items.some((m) => m.withheld) && (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="mail-withheld-note">
          {t("mail.withheldNote")}
        </p>
      )}
      <form className="mt-4 grid gap-3 sm:grid-cols-4 sm:items-end" role="search" aria-label={t("mail.filters")}>
        <div>
          <label className={ui.label} htmlFor="mail-to">{t("mail.to")}</label>
          <input id="mail-to" name="to" defaultValue={filter.to} className={ui.input} />
        </div>
        <div>
          <label className={ui.label} htmlFor="mail-status">{t("mail.status")}</label>
          <select id="mail-status" name="status" defaultValue={filter.status ?? ""} className={ui.input}>
            <option value="">{t("filters.any")}</option>
            {mailStatuses.map((s) => (
              <option key={s} value={s}>{t(`mail.statuses.${s}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label className={ui.label} htmlFor="mail-template">{t("mail.template")}</label>
          <select id="mail-template" name="template" defaultValue={filter.template ?? ""} className={ui.input}>
            <option value="">{t("filters.any")}</option>
            {templates.map((tpl) => (
              <option key={tpl} value={tpl}>{tpl}</option>
            ))}
          </select>
        </div>
        <button className={ui.button}>{t("filters.apply")}</button>
      </form>
      {mails.items.length === 0 ? (
        <p className="mt-4">{t("mail.none")}</p>
      ) : (
        <ul className="mt-4 space-y-2">
          {mails.items.map((m) => (
            <li key={m.id} className="rounded border bg-white p-3" data-testid="mail-row">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{m.subject}</span> — {m.to} · <span data-testid="mail-status">{t(`mail.statuses.${m.status}`)}</span> · {m.template} ·{" "}
                  {t("mail.attempts")}: {m.attempts} · {formatDate(m.createdAt)}
                  {m.linkKind && <> · {mailT(`linkKinds.${m.linkKind}`)}</>}
                </summary>
                {m.withheld && <p className="mt-2 text-sm text-amber-800">{t("mail.withheldRow")}</p>}
                <pre className="mt-2 whitespace-pre-wrap break-words text-sm text-gray-800">{m.text}</pre>
                {m.lastError && <p className="text-sm text-red-700">{m.lastError}</p>}
              </details>
              {m.status === "FAILED" && <ResendButton action={resendMailAction} lng={lng} id={m.id} />}
            </li>
          ))}
        </ul>
      )}
      <Pager lng={lng} page={mails} path={`/${lng}/admin/mail`} query={filter} />
    </section>
  );
}
