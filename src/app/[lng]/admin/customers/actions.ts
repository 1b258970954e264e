"use server";
import { revalidatePath } from "next/cache";
import { customerFormSchema, customerUpdateSchema } from "@/features/customers/schemas";
import { createCustomer, updateCustomer } from "@/features/customers/service";
import { fail, ok } from "@/lib/action-result";
import { staffAction } from "@/server/action";

const nameTaken = (error: string) => (error === "nameTaken" ? { name: ["staff:customers.errors.nameTaken"] } : undefined);

export const createCustomerAction = staffAction("ADMINISTRATOR", customerFormSchema, async (input, { user, ip, lng }) => {
  const result = await createCustomer(input, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:customers.errors.${result.error}`, nameTaken(result.error));
  revalidatePath(`/${lng}/admin/customers`);
  return ok({ customerId: result.customerId }, "staff:customers.created");
});

export const updateCustomerAction = staffAction("ADMINISTRATOR", customerUpdateSchema, async ({ id, ...input }, { user, ip, lng }) => {
  const result = await updateCustomer(id, input, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:customers.errors.${result.error}`, nameTaken(result.error));
  revalidatePath(`/${lng}/admin/customers`);
  revalidatePath(`/${lng}/admin/customers/${id}`);
  return ok({ customerId: id }, result.changed ? "staff:customers.saved" : "staff:customers.unchanged");
});
