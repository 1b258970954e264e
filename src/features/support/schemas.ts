import { z } from "zod";

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
