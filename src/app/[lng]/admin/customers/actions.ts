"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fail, ok } from "@/lib/action-result";
import { customerFormSchema } from "@/features/customers/schemas";
import { createCustomer, updateCustomer } from "@/features/customers/service";
import { parseForm } from "@/server/parse-form";
import { staffAction } from "@/server/action";

// The wrapper checks the role; the customer form's own schema (namespaced messages) runs inside.
const anyForm = z.record(z.string(), z.unknown());

export const createCustomerAction = staffAction("ADMINISTRATOR", anyForm, async (raw, { user, ip, lng }) => {
  const parsed = parseForm(customerFormSchema, raw);
  if (!parsed.ok) return parsed.result;
  const result = await createCustomer(parsed.data, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:customers.errors.${result.error}`, result.error === "nameTaken" ? { name: ["staff:customers.errors.nameTaken"] } : undefined);
  revalidatePath(`/${lng}/admin/customers`);
  return ok({ customerId: result.customerId }, "staff:customers.created");
});

export const updateCustomerAction = staffAction("ADMINISTRATOR", anyForm, async (raw, { user, ip, lng }) => {
  const id = z.string().min(1).max(40).safeParse(raw.id);
  if (!id.success) return fail("staff:customers.errors.notFound");
  const parsed = parseForm(customerFormSchema, raw);
  if (!parsed.ok) return parsed.result;
  const result = await updateCustomer(id.data, parsed.data, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:customers.errors.${result.error}`, result.error === "nameTaken" ? { name: ["staff:customers.errors.nameTaken"] } : undefined);
  revalidatePath(`/${lng}/admin/customers`);
  revalidatePath(`/${lng}/admin/customers/${id.data}`);
  return ok({ customerId: id.data }, result.changed ? "staff:customers.saved" : "staff:customers.unchanged");
});
