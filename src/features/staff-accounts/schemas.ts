import { z } from "zod";
import { pageField } from "@/features/admin/filters";
import { staffRoles } from "@/lib/permissions";
import { passwordField } from "@/lib/passwords";
import { emailField, idField, idSchema, lngField, nameField } from "@/lib/validation";

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

export const staffIdSchema = idSchema;
export const changeRoleSchema = z.object({ id: idField, role: staffRoleField });

/** The staff list's filters (from the URL). */
export const staffFilterSchema = z.object({ page: pageField });
