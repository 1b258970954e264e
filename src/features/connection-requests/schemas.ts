import { z } from "zod";
import { checkboxField, emailField, idField, lngField, optionalText } from "@/lib/validation";
import { requestStatuses } from "./state-machine";

/** The chosen customer: the one id field, with the dialog's own message when none is chosen. */
const customerId = z.string({ error: "validation.required" }).trim().min(1, "requests:validation.chooseCustomer").pipe(idField);

/** The "Search for a customer" dialog. */
export const requestConnectionSchema = z.object({
  customerId,
  contactEmail: emailField,
  contactLocale: lngField,
  consent: checkboxField,
  /** The widget's payload; checked on the server */
  captcha: z.string({ error: "requests:validation.captcha" }).min(1, "requests:validation.captcha").max(5000, "requests:validation.captcha"),
  /** A UUID made when the dialog opens: a repeated submit of the same dialog creates one request */
  idempotencyKey: z.uuid("validation.invalid"),
});
export type RequestConnectionInput = z.output<typeof requestConnectionSchema>;

export const searchSchema = z.object({ query: z.string().trim().max(200, "validation.tooLong") });

export const contactCheckSchema = z.object({ customerId, contactEmail: emailField });

export const cancelSchema = z.object({ requestId: idField });

export const decisionSchema = z.enum(["APPROVED", "REJECTED"], { error: "requests:validation.decision" });
export type Decision = z.output<typeof decisionSchema>;

/** The customer contact's answer on /respond/<token>. */
export const respondSchema = z.object({
  token: z.string().max(100),
  decision: decisionSchema,
  comment: optionalText(1000),
});

export const sortKeys = ["customer", "status", "email", "date", "comment"] as const;
export type SortKey = (typeof sortKeys)[number];

/** The table's state in the URL (searchParams): filter, search, sort and page. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(requestStatuses).optional().catch(undefined),
  sort: z.enum(sortKeys).catch("date"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ListQuery = z.output<typeof listQuerySchema>;

export function parseListQuery(params: Record<string, string | string[] | undefined>): ListQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return listQuerySchema.parse({
    q: one(params.q) ?? "",
    status: one(params.status) || undefined,
    sort: one(params.sort) ?? "date",
    dir: one(params.dir) ?? "desc",
    page: one(params.page) ?? 1,
  });
}
