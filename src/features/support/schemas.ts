import { z } from "zod";
import { pageField } from "@/features/admin/filters";
import { idField, idSchema } from "@/lib/validation";

export const ticketTopics = ["FIND_CUSTOMER", "SEARCH_ATTEMPTS", "CONNECTION_REQUEST", "ACCOUNT", "OTHER"] as const;
export type TicketTopic = (typeof ticketTopics)[number];

/** The "Contact Support" form. */
export const ticketSchema = z.object({
  topic: z.enum(ticketTopics, { error: "support:validation.topic" }),
  message: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .min(10, "support:validation.messageShort")
    .max(4000, "validation.tooLong"),
});
export type TicketInput = z.output<typeof ticketSchema>;

// ------------------------------------------------------------ staff side

export const ticketStatuses = ["OPEN", "CLOSED"] as const;

/** The staff list's filters come from the URL: anything malformed is ignored. */
export const ticketFilterSchema = z.object({
  status: z.enum(ticketStatuses).optional().catch(undefined),
  mine: z.enum(["1"]).optional().catch(undefined),
  page: pageField,
});
export type TicketFilter = z.output<typeof ticketFilterSchema>;

export const ticketIdSchema = idSchema;

export const replySchema = z.object({
  id: idField,
  body: z.string({ error: "staff:validation.replyRequired" }).trim().min(1, "staff:validation.replyRequired").max(4000, "validation.tooLong"),
});
export type ReplyInput = z.output<typeof replySchema>;
