"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { saveStep } from "@/features/onboarding/answers";
import { copyAnswers } from "@/features/onboarding/copy";
import { ok } from "@/lib/action-result";
import { idField } from "@/lib/validation";
import { supplierAction } from "@/server/action";

const id = idField;

/**
 * The step's own fields depend on the customer's requirements and are checked
 * by the onboarding service against them; here every extra field must be a
 * bounded text or an uploaded file.
 */
const stepSchema = z
  .object({
    customerId: id,
    stepKey: id,
    intent: z.enum(["draft", "submit"], { error: "validation.invalid" }),
  })
  .catchall(z.union([z.string().max(10_000, "validation.tooLong"), z.instanceof(Blob)], { error: "validation.invalid" }));

/** Saves a draft (stays on the step) or submits a step (goes on to the next open step). */
export const saveStepAction = supplierAction("onboarding", stepSchema, async (input, ctx) => {
  const user = { ...ctx.user, supplierId: ctx.supplierId };
  const { customerId, stepKey, intent } = input;
  const result = await saveStep({ user, ip: ctx.ip }, { customerId, stepKey, intent }, input);
  if (!result.ok) return result;
  revalidatePath(`/${ctx.lng}/setup/customers`, "layout");
  if (intent === "draft") return ok(undefined, "onboarding:saved.draft");
  const base = `/${ctx.lng}/setup/customers/${encodeURIComponent(customerId)}/onboarding`;
  redirect(result.data.next ? `${base}?step=${result.data.next}&saved=submitted` : `${base}?step=${stepKey}&saved=complete`);
});

const copySchema = z.object({ customerId: id, stepKey: id, fromCustomerId: id });

export const copyAnswersAction = supplierAction("onboarding", copySchema, async (input, ctx) => {
  const user = { ...ctx.user, supplierId: ctx.supplierId };
  const result = await copyAnswers({ user, ip: ctx.ip }, input);
  if (!result.ok) return result;
  revalidatePath(`/${ctx.lng}/setup/customers`, "layout");
  redirect(`/${ctx.lng}/setup/customers/${encodeURIComponent(input.customerId)}/onboarding?step=${input.stepKey}&copied=${Date.now()}`);
});
