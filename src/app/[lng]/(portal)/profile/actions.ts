"use server";
import { revalidatePath } from "next/cache";
import { publicProfileSchema, sectionFormSchema, sharingSchema, uploadSchema } from "@/features/profile/schemas";
import { updatePrivateSection, updatePublicProfile, updateSharing, uploadDocument } from "@/features/profile/service";
import { supplierAction, type SupplierCtx } from "@/server/action";

const caller = (ctx: SupplierCtx) => ({ user: { ...ctx.user, supplierId: ctx.supplierId }, ip: ctx.ip });

export const updatePublicProfileAction = supplierAction("profile", publicProfileSchema, async (input, ctx) => {
  const r = await updatePublicProfile(caller(ctx), input);
  if (r.ok) revalidatePath(`/${ctx.lng}/profile`, "layout");
  return r;
});

/** Bank details are a step-up change: the password or a second factor again when the last check is over ten minutes old. */
export const updateSectionAction = supplierAction(
  "profile",
  sectionFormSchema,
  async (input, ctx) => {
    const r = await updatePrivateSection(caller(ctx), input.section, input);
    if (r.ok) revalidatePath(`/${ctx.lng}/profile`, "layout");
    return r;
  },
  { stepUp: (form) => form.section === "BANK" },
);

export const uploadDocumentAction = supplierAction("profile", uploadSchema, async (input, ctx) => {
  const r = await uploadDocument(caller(ctx), input.file);
  if (r.ok) revalidatePath(`/${ctx.lng}/profile`, "layout");
  return r;
});

export const updateSharingAction = supplierAction("profile", sharingSchema, async (input, ctx) => {
  const r = await updateSharing(caller(ctx), input.customerId, input["sections[]"]);
  if (r.ok) revalidatePath(`/${ctx.lng}/profile`, "layout");
  return r;
});
