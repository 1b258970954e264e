import { JsonBlock } from "@/components/json-block";
import { Pager } from "@/components/pager";
import { ui } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { AuditFilter } from "../schemas";
import type { Paged } from "@/lib/paging";
import { auditActionLabel, auditEntityLabel } from "../labels";
import type { AuditRow } from "../service";

/** The audit log screen: filters, the events (who, what, when, before and after), paging. */
export async function AuditLog({
  lng,
  filter,
  events,
  vocabulary,
}: {
  lng: string;
  filter: AuditFilter;
  events: Paged<AuditRow>;
  vocabulary: { entityTypes: string[]; actions: string[] };
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  const text = (name: "actor" | "entityId", label: string, hint?: string) => (
    <div>
      <label className={ui.label} htmlFor={`audit-${name}`}>
        {label}
      </label>
      <input id={`audit-${name}`} name={name} defaultValue={filter[name]} className={ui.input} aria-describedby={hint ? `audit-${name}-hint` : undefined} />
      {hint && (
        <p id={`audit-${name}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
    </div>
  );
  return (
    <section>
      <h1 className={ui.h1}>{t("audit.title")}</h1>
      <p className="mt-2 text-gray-700">{t("audit.intro")}</p>
      <form className="mt-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-4 sm:items-end" role="search" aria-label={t("audit.filters")}>
        {text("actor", t("audit.actor"), t("audit.actorHint"))}
        <div>
          <label className={ui.label} htmlFor="audit-entityType">
            {t("audit.entityType")}
          </label>
          <select id="audit-entityType" name="entityType" defaultValue={filter.entityType ?? ""} className={ui.input}>
            <option value="">{t("filters.any")}</option>
            {vocabulary.entityTypes.map((v) => (
              <option key={v} value={v}>
                {auditEntityLabel(v, lng)}
              </option>
            ))}
          </select>
        </div>
        {text("entityId", t("audit.entityId"))}
        <div>
          <label className={ui.label} htmlFor="audit-action">
            {t("audit.action")}
          </label>
          <input id="audit-action" name="action" list="audit-actions" defaultValue={filter.action} className={ui.input} />
          <datalist id="audit-actions">
            {vocabulary.actions.map((v) => (
              <option key={v} value={v} label={auditActionLabel(v, lng)} />
            ))}
          </datalist>
        </div>
        <div>
          <label className={ui.label} htmlFor="audit-from">
            {t("audit.from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from} className={ui.input} />
        </div>
        <div>
          <label className={ui.label} htmlFor="audit-to">
            {t("audit.to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to} className={ui.input} />
        </div>
        <button className={ui.button}>{t("filters.apply")}</button>
      </form>
      {events.items.length === 0 ? (
        <p className="mt-4">{t("audit.none")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className={ui.table}>
            <caption className="sr-only">{t("audit.title")}</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={ui.th}>
                  {t("audit.when")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("audit.who")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("audit.action")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("audit.entity")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("audit.change")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 bg-white">
              {events.items.map((e) => (
                <tr key={e.id} data-testid="audit-row">
                  <td className={`${ui.td} whitespace-nowrap`}>{formatDateTime(e.createdAt, lng, tz)}</td>
                  <td className={ui.td}>
                    <span>{t(`audit.actorTypes.${e.actorType}`, { defaultValue: e.actorType })}</span>
                    {e.actorEmail && <span className="block">{e.actorEmail}</span>}
                    {e.actorId && <span className="block text-xs text-gray-500">{e.actorId}</span>}
                    {e.ip && <span className="block text-xs text-gray-500">{e.ip}</span>}
                  </td>
                  <td className={ui.td}>
                    {auditActionLabel(e.action, lng)}
                    <span className="block font-mono text-xs text-gray-500">{e.action}</span>
                  </td>
                  <td className={ui.td}>
                    {auditEntityLabel(e.entityType, lng)}
                    <span className="block text-xs text-gray-500">{e.entityId}</span>
                  </td>
                  <td className={ui.td}>
                    {e.before !== null && <JsonBlock label={t("audit.before")} value={e.before} />}
                    {e.after !== null && <JsonBlock label={t("audit.after")} value={e.after} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager lng={lng} page={events} path={`/${lng}/admin/audit`} query={filter} />
    </section>
  );
}
