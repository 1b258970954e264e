import { z } from "zod";
import { passwordField } from "@/lib/passwords";
import { companyNameField, currentPasswordField, emailField, idField, lngField, nameField, optionalText } from "@/lib/validation";
import { MESSAGE_MAX } from "./limits";

/**
 * Invitation statuses as stored. A PENDING invitation past its expiry reads as EXPIRED at once; the
 * invitation-expiry job writes EXPIRED down later (expireStaleInvitations in ./staff.ts).
 */
export const storedStatuses = ["PENDING", "ACCEPTED", "REVOKED", "SUPERSEDED", "EXPIRED"] as const;
export type StoredStatus = (typeof storedStatuses)[number];
export const listStatuses = ["PENDING", "EXPIRED", "ACCEPTED", "REVOKED", "SUPERSEDED"] as const;
export type ListStatus = (typeof listStatuses)[number];

/** The link's token travels in a hidden field; its shape is checked by the service. */
const tokenField = z.string({ error: "validation.invalid" }).max(100, "validation.invalid");

// ------------------------------------------------------------------- staff

export const createInvitationSchema = z.object({
  customerId: idField,
  email: emailField,
  locale: lngField,
  message: optionalText(MESSAGE_MAX),
  idempotencyKey: z.string().max(64).optional(),
});
export type CreateInvitationInput = z.output<typeof createInvitationSchema>;

export const listFiltersSchema = z.object({
  customerId: z.string().max(40).optional().catch(undefined),
  status: z.enum(listStatuses).optional().catch(undefined),
  email: z.string().trim().toLowerCase().max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ListFilters = z.output<typeof listFiltersSchema>;

// ----------------------------------------------------------------- invitee

export const registerSchema = z.object({
  token: tokenField,
  companyName: companyNameField,
  name: nameField,
  password: passwordField,
  locale: lngField,
});
export type RegisterInput = z.output<typeof registerSchema>;

export const signInAcceptSchema = z.object({ token: tokenField, password: currentPasswordField });
export const acceptSchema = z.object({ token: tokenField });

/** Asking to join the company that has the invited email's domain. */
export const joinRequestSchema = z.object({ token: tokenField, name: nameField });

export const forwardSchema = z.object({ token: tokenField, email: emailField, locale: lngField });
