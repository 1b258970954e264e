"use server";
import { revalidatePath } from "next/cache";
import { createInvitationSchema } from "@/features/customer-invitations/schemas";
import { createInvitation, resendInvitation, revokeInvitation } from "@/features/customer-invitations/staff";
import { fail, ok } from "@/lib/action-result";
import { idSchema } from "@/lib/validation";
import { staffAction } from "@/server/action";

// Support staff and administrators act on behalf of customers.

export const createInvitationAction = staffAction("SUPPORT", createInvitationSchema, async (input, { user, ip, lng }) => {
  const result = await createInvitation(input, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return { ok: false, fieldErrors: { customerId: ["invitations:errors.customerNotFound"] } };
  revalidatePath(`/${lng}/admin/invitations`);
  return ok({ email: input.email });
});

export const resendInvitationAction = staffAction("SUPPORT", idSchema, async ({ id }, { user, ip, lng }) => {
  const result = await resendInvitation(id, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`invitations:errors.${result.error}`);
  revalidatePath(`/${lng}/admin/invitations`);
  return ok(undefined, "invitations:staff.resent");
});

export const revokeInvitationAction = staffAction("SUPPORT", idSchema, async ({ id }, { user, ip, lng }) => {
  const result = await revokeInvitation(id, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`invitations:errors.${result.error}`);
  revalidatePath(`/${lng}/admin/invitations`);
  return ok(undefined, "invitations:staff.revoked");
});
