import { z } from "zod";
import { requestStatuses } from "@/features/connection-requests/state-machine";
import { idField } from "@/lib/validation";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

export const contactFlagFilters = ["FREE_MAIL", "DOMAIN_MISMATCH", "ANY"] as const;

/** The queue's filters come from the URL: anything malformed is ignored rather than an error. */
export const queueFilterSchema = z.object({
  status: z.enum(requestStatuses).optional().catch(undefined),
  customerId: text(40),
  /** Only requests created at least this many days ago */
  olderThan: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  flag: z.enum(contactFlagFilters).optional().catch(undefined),
  /** Supplier name, customer name or contact email */
  q: text(200),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type QueueFilter = z.output<typeof queueFilterSchema>;

const decision = z.enum(["APPROVED", "REJECTED"], { error: "staff:validation.decision" });
const comment = z.string().trim().max(1000, "validation.tooLong").optional().default("");

/** A rejection needs a reason the supplier can read; an approval may carry one. */
function reasonForRejection<T extends { decision: "APPROVED" | "REJECTED"; comment: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.decision === "REJECTED" && !value.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "staff:validation.commentRequired" });
}

export const decideSchema = z.object({ id: idField, decision, comment }).superRefine(reasonForRejection);
export type DecideInput = z.output<typeof decideSchema>;

export const bulkDecideSchema = z
  .object({
    "ids[]": z.array(idField, { error: "staff:validation.noneSelected" }).min(1, "staff:validation.noneSelected").max(100, "validation.tooLong"),
    decision,
    comment,
  })
  .superRefine(reasonForRejection);
export type BulkDecideInput = z.output<typeof bulkDecideSchema>;

export const resetAttemptsSchema = z.object({ supplierId: idField });
