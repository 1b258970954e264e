import { z } from "zod";
import { filterText, pageField } from "@/features/admin/filters";

export const mailStatuses = ["LOGGED", "QUEUED", "SENT", "FAILED", "REPLACED"] as const;

/** The mail log's filters (from the URL; malformed values are ignored). */
export const mailFilterSchema = z.object({
  status: z.enum(mailStatuses).optional().catch(undefined),
  template: filterText(80),
  to: filterText(254),
  page: pageField,
});
export type MailFilter = z.output<typeof mailFilterSchema>;
