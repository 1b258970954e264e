import { z } from "zod";
import { permissions, type Permission } from "@/lib/permissions";
import { passwordField } from "@/lib/passwords";
import { emailField, idField, lngField, nameField } from "@/lib/validation";

/**
 * One schema per form. Checkbox groups post `permissions[]` / `customerIds[]`
 * (the action wrapper turns `[]` keys into arrays); the access radio posts
 * `access` = all | selected.
 */
const permissionList = z
  .array(z.enum(permissions, { error: "validation.invalid" }), { error: "validation.invalid" })
  .max(permissions.length, "validation.invalid")
  .optional()
  .default([]);

const customerIdList = z.array(idField, { error: "validation.invalid" }).max(1000, "validation.tooLong").optional().default([]);

/** What a user may do and which customers they see. */
const grantShape = {
  "permissions[]": permissionList,
  access: z.enum(["all", "selected"], { error: "validation.required" }),
  "customerIds[]": customerIdList,
};

export interface Grant {
  permissions: Permission[];
  allCustomers: boolean;
  customerIds: string[];
}

function toGrant(v: { "permissions[]": Permission[]; access: "all" | "selected"; "customerIds[]": string[] }): Grant {
  return {
    permissions: [...new Set(v["permissions[]"])],
    allCustomers: v.access === "all",
    customerIds: v.access === "all" ? [] : [...new Set(v["customerIds[]"])],
  };
}

/** "Selected customers" with none chosen would leave the user seeing nothing: ask for at least one. */
const needsCustomer = (v: { access: string; "customerIds[]"?: string[] }) => v.access === "all" || (v["customerIds[]"] ?? []).length > 0;
const needsCustomerIssue = {
  path: ["customerIds[]"],
  message: "validation.required",
  // Also report it when another field (e.g. the email) is wrong, so every message shows at once.
  when: (payload: { value: unknown }) => {
    const v = payload.value as Record<string, unknown> | undefined;
    return (v?.access === "all" || v?.access === "selected") && (v["customerIds[]"] === undefined || Array.isArray(v["customerIds[]"]));
  },
};

export const inviteSchema = z
  .object({ email: emailField, locale: lngField, ...grantShape })
  .refine(needsCustomer, needsCustomerIssue)
  .transform((v) => ({ email: v.email, locale: v.locale, grant: toGrant(v) }));

export const updateAccessSchema = z
  .object({ userId: idField, ...grantShape })
  .refine(needsCustomer, needsCustomerIssue)
  .transform((v) => ({ userId: v.userId, grant: toGrant(v) }));

export const approveJoinSchema = z
  .object({ requestId: idField, ...grantShape })
  .refine(needsCustomer, needsCustomerIssue)
  .transform((v) => ({ requestId: v.requestId, grant: toGrant(v) }));

export const userIdSchema = z.object({ userId: idField });
export const requestIdSchema = z.object({ requestId: idField });
/** A pending colleague invitation, named by its email (resend, revoke). */
export const colleagueInvitationSchema = z.object({ email: emailField });

/** The invited colleague registers from the link. */
export const colleagueJoinSchema = z
  .object({
    token: z.string().max(100),
    name: nameField,
    password: passwordField,
    confirm: z.string().min(1, "validation.required"),
    locale: lngField,
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

export type InviteInput = z.output<typeof inviteSchema>;
export type ColleagueJoinInput = z.output<typeof colleagueJoinSchema>;

/** A user of a company without an active admin asks support for admin rights. */
export const adminRightsRequestSchema = z.object({
  reason: z.string().trim().min(1, "validation.required").max(1000, "validation.tooLong"),
});

/** Support grants or refuses a request for admin rights, always with a comment. */
export const decideAdminRightsSchema = z.object({
  id: idField,
  decision: z.enum(["GRANTED", "REFUSED"], { error: "validation.invalid" }),
  comment: z.string().trim().min(1, "validation.required").max(1000, "validation.tooLong"),
});
