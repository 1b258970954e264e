import { ActionButton } from "@/components/action-button";
import { FilterForm, FilterSelect, FilterText } from "@/components/admin-list";
import { Pager } from "@/components/pager";
import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { Paged } from "@/lib/paging";
import { mailStatuses, type MailFilter } from "../schemas";
import type { MailRow } from "../service";

/** The mail log screen: every message kept or sent, filters, and a resend button on failed ones. */
export async function MailLog({
  lng,
  filter,
  mails,
  templates,
  resend,
}: {
  lng: string;
  filter: MailFilter;
  mails: Paged<MailRow>;
  templates: string[];
  resend: FormAction<{ status: string }>;
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  const mailT = getT(lng, "mail");
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
      <FilterForm lng={lng} label={t("mail.filters")}>
        <FilterText id="mail-to" name="to" label={t("mail.to")} defaultValue={filter.to} />
        <FilterSelect
          lng={lng}
          id="mail-status"
          name="status"
          label={t("mail.status")}
          defaultValue={filter.status}
          options={mailStatuses.map((s) => ({ value: s, label: t(`mail.statuses.${s}`) }))}
        />
        <FilterSelect
          lng={lng}
          id="mail-template"
          name="template"
          label={t("mail.template")}
          defaultValue={filter.template}
          options={templates.map((tpl) => ({ value: tpl, label: tpl }))}
        />
      </FilterForm>
      {mails.items.length === 0 ? (
        <p className="mt-4">{t("mail.none")}</p>
      ) : (
        <ul className="mt-4 space-y-2">
          {mails.items.map((m) => (
            <li key={m.id} className="rounded border bg-white p-3" data-testid="mail-row">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{m.subject}</span> — {m.to} · <span data-testid="mail-status">{t(`mail.statuses.${m.status}`)}</span> ·{" "}
                  {m.template} · {t("mail.attempts")}: {m.attempts} · {formatDateTime(m.createdAt, lng, tz)}
                  {m.linkKind && <> · {mailT(`linkKinds.${m.linkKind}`)}</>}
                </summary>
                {m.withheld && <p className="mt-2 text-sm text-amber-800">{t("mail.withheldRow")}</p>}
                <pre className="mt-2 whitespace-pre-wrap break-words text-sm text-gray-800">{m.text}</pre>
                {m.lastError && <p className="text-sm text-red-700">{m.lastError}</p>}
              </details>
              {m.status === "FAILED" && (
                <div className="mt-2">
                  <ActionButton
                    action={resend}
                    lng={lng}
                    fields={{ id: m.id }}
                    className="rounded border px-3 py-1 text-sm"
                    doneMessage="staff:mail.resent.SENT"
                  >
                    {t("mail.resend")}
                  </ActionButton>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager lng={lng} page={mails} path={`/${lng}/admin/mail`} query={filter} />
    </section>
  );
}
