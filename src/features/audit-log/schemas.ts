import { z } from "zod";
import { dayField, filterText, pageField } from "@/features/admin/filters";

/** The audit log's filters (from the URL; malformed values are ignored). */
export const auditFilterSchema = z.object({
  actor: filterText(254),
  entityType: filterText(60),
  entityId: filterText(60),
  action: filterText(80),
  from: dayField,
  to: dayField,
  page: pageField,
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
