import { z } from "zod";
import { staffRoles } from "@/lib/permissions";
import { passwordField } from "@/lib/passwords";
import { emailField, lngField, nameField } from "@/lib/validation";

const id = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(40, "validation.tooLong");

export const staffRoleField = z.enum(staffRoles, { error: "validation.invalid" });

/**
 * A new staff account. "link" emails a set-password link (the default: nobody
 * else ever knows the password); "password" sets an initial one.
 */
export const createStaffSchema = z
  .object({
    email: emailField,
    name: nameField,
    role: staffRoleField,
    locale: lngField.optional().default("en"),
    setup: z.enum(["link", "password"], { error: "validation.invalid" }).default("link"),
    password: z.string().optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.setup !== "password") return;
    const checked = passwordField.safeParse(value.password);
    if (!checked.success) ctx.addIssue({ code: "custom", path: ["password"], message: checked.error.issues[0].message });
  });
export type CreateStaffInput = z.output<typeof createStaffSchema>;

export const staffIdSchema = z.object({ id });
export const changeRoleSchema = z.object({ id, role: staffRoleField });

// ------------------------------------------------------------ list filters
// Filters come from the URL: anything malformed is ignored rather than an error.

const text = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined);
const pageField = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

export const auditFilterSchema = z.object({
  actor: text(254),
  entityType: text(60),
  entityId: text(60),
  action: text(80),
  from: day,
  to: day,
  page: pageField,
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const mailStatuses = ["LOGGED", "QUEUED", "SENT", "FAILED", "REPLACED"] as const;
export const mailFilterSchema = z.object({
  status: z.enum(mailStatuses).optional().catch(undefined),
  template: text(80),
  to: text(254),
  page: pageField,
});
export type MailFilter = z.output<typeof mailFilterSchema>;

export const staffFilterSchema = z.object({ page: pageField });

/** Reads Next's searchParams (string | string[]) into a plain object for the schemas above. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
