import { AdminTable, FilterForm, FilterSelect, FilterText } from "@/components/admin-list";
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
  return (
    <section>
      <h1 className={ui.h1}>{t("audit.title")}</h1>
      <p className="mt-2 text-gray-700">{t("audit.intro")}</p>
      <FilterForm lng={lng} label={t("audit.filters")}>
        <FilterText id="audit-actor" name="actor" label={t("audit.actor")} hint={t("audit.actorHint")} defaultValue={filter.actor} />
        <FilterSelect
          lng={lng}
          id="audit-entityType"
          name="entityType"
          label={t("audit.entityType")}
          defaultValue={filter.entityType}
          options={vocabulary.entityTypes.map((v) => ({ value: v, label: auditEntityLabel(v, lng) }))}
        />
        <FilterText id="audit-entityId" name="entityId" label={t("audit.entityId")} defaultValue={filter.entityId} />
        <div>
          <FilterText id="audit-action" name="action" label={t("audit.action")} defaultValue={filter.action} list="audit-actions" />
          <datalist id="audit-actions">
            {vocabulary.actions.map((v) => (
              <option key={v} value={v} label={auditActionLabel(v, lng)} />
            ))}
          </datalist>
        </div>
        <FilterText id="audit-from" name="from" type="date" label={t("audit.from")} defaultValue={filter.from} />
        <FilterText id="audit-to" name="to" type="date" label={t("audit.to")} defaultValue={filter.to} />
      </FilterForm>
      <AdminTable
        caption={t("audit.title")}
        rows={events.items}
        rowTestId="audit-row"
        empty={t("audit.none")}
        columns={[
          { header: t("audit.when"), className: "whitespace-nowrap", cell: (e) => formatDateTime(e.createdAt, lng, tz) },
          {
            header: t("audit.who"),
            cell: (e) => (
              <>
                <span>{t(`audit.actorTypes.${e.actorType}`, { defaultValue: e.actorType })}</span>
                {e.actorEmail && <span className="block">{e.actorEmail}</span>}
                {e.actorId && <span className="block text-xs text-gray-500">{e.actorId}</span>}
                {e.ip && <span className="block text-xs text-gray-500">{e.ip}</span>}
              </>
            ),
          },
          {
            header: t("audit.action"),
            cell: (e) => (
              <>
                {auditActionLabel(e.action, lng)}
                <span className="block font-mono text-xs text-gray-500">{e.action}</span>
              </>
            ),
          },
          {
            header: t("audit.entity"),
            cell: (e) => (
              <>
                {auditEntityLabel(e.entityType, lng)}
                <span className="block text-xs text-gray-500">{e.entityId}</span>
              </>
            ),
          },
          {
            header: t("audit.change"),
            cell: (e) => (
              <>
                {e.before !== null && <JsonBlock label={t("audit.before")} value={e.before} />}
                {e.after !== null && <JsonBlock label={t("audit.after")} value={e.after} />}
              </>
            ),
          },
        ]}
      />
      <Pager lng={lng} page={events} path={`/${lng}/admin/audit`} query={filter} />
    </section>
  );
}
