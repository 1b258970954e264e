"use server";
import { revalidatePath } from "next/cache";
import type { DirectoryHit } from "@/features/customer-search/search";
import type { ContactFlag } from "@/features/connection-requests/normalize";
import type { Allowance } from "@/features/connection-requests/rationing";
import { rationedSearch } from "@/features/connection-requests/rationing";
import { cancelSchema, contactCheckSchema, requestConnectionSchema, searchSchema } from "@/features/connection-requests/schemas";
import { cancelRequest, checkContact, requestConnection } from "@/features/connection-requests/service";
import { customerScope } from "@/server/access";
import type { RequestStatus } from "@/features/connection-requests/state-machine";
import { ticketSchema } from "@/features/support/schemas";
import { createTicket } from "@/features/support/service";
import { fail, ok } from "@/lib/action-result";
import { supplierAction } from "@/server/action";

export type SearchData = { hits: DirectoryHit[]; allowance: Allowance; exhausted: boolean };

/** One rationed directory search from the dialog. */
export const searchCustomersAction = supplierAction("requests", searchSchema, async (input, { supplierId }) => {
  const res = await rationedSearch(supplierId, input.query, 10);
  return ok<SearchData>(res.ok ? { hits: res.hits, allowance: res.allowance, exhausted: false } : { hits: [], allowance: res.allowance, exhausted: true });
});

/** Warnings about the contact's address, shown before sending. */
export const checkContactAction = supplierAction("requests", contactCheckSchema, async (input) => {
  const flags = await checkContact(input.customerId, input.contactEmail);
  return flags ? ok<{ flags: ContactFlag[] }>({ flags }) : fail("requests:errors.notFound");
});

export const requestConnectionAction = supplierAction("requests", requestConnectionSchema, async (input, { supplierId, user, ip }) => {
  const res = await requestConnection(input, { supplierId, userId: user.id, ip });
  if (!res.ok) {
    if (res.error === "captcha") return { ok: false, fieldErrors: { captcha: ["requests:errors.captcha"] } };
    return fail(`requests:errors.${res.error}`);
  }
  revalidatePath("/[lng]/setup/requests", "page");
  return ok<{ status: RequestStatus }>({ status: res.status }, res.status === "APPROVED" ? "requests:table.autoApproved" : "requests:table.sent");
});

export const cancelRequestAction = supplierAction("requests", cancelSchema, async (input, { supplierId, user, ip }) => {
  const res = await cancelRequest(input.requestId, { supplierId, userId: user.id, ip, customers: customerScope(user) });
  if (!res.ok) return fail(`requests:errors.${res.error}`);
  revalidatePath("/[lng]/setup/requests", "page");
  return ok(undefined, "requests:table.cancelled");
});

/** "Contact Support": any user of a supplier company may open a ticket. */
export const createTicketAction = supplierAction(null, ticketSchema, async (input, { supplierId, user, ip }) => {
  await createTicket(input, { supplierId, userId: user.id, ip });
  revalidatePath("/[lng]/setup/requests", "page");
  return ok(undefined, "support:sent");
});
