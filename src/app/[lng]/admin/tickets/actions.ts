"use server";
import { revalidatePath } from "next/cache";
import { replySchema, ticketIdSchema } from "@/features/support/schemas";
import { assignToSelf, closeTicket, replyToTicket } from "@/features/support/staff";
import { fail, ok } from "@/lib/action-result";
import { staffAction } from "@/server/action";

// Support staff and administrators answer "Contact Support" tickets.

export const assignTicketAction = staffAction("SUPPORT", ticketIdSchema, async ({ id }, { user, ip, lng }) => {
  const result = await assignToSelf(id, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:tickets.errors.${result.error}`);
  revalidatePath(`/${lng}/admin/tickets`, "layout");
  return ok(undefined, "staff:tickets.assigned");
});

export const replyTicketAction = staffAction("SUPPORT", replySchema, async (input, { user, ip, lng }) => {
  const result = await replyToTicket(input, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:tickets.errors.${result.error}`);
  revalidatePath(`/${lng}/admin/tickets`, "layout");
  return ok(undefined, "staff:tickets.replied");
});

export const closeTicketAction = staffAction("SUPPORT", ticketIdSchema, async ({ id }, { user, ip, lng }) => {
  const result = await closeTicket(id, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:tickets.errors.${result.error}`);
  revalidatePath(`/${lng}/admin/tickets`, "layout");
  return ok(undefined, "staff:tickets.closed");
});
