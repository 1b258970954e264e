"use server";
import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/action-result";
import { resendMail } from "@/features/mail-log/service";
import { idSchema } from "@/lib/validation";
import { staffAction } from "@/server/action";

/** Sends a failed message again (support and administrators). */
export const resendMailAction = staffAction("SUPPORT", idSchema, async ({ id }, { user, ip, lng }) => {
  const result = await resendMail(id, { type: "STAFF", id: user.id, ip });
  if (!result.ok) return fail(`staff:mail.errors.${result.error}`);
  revalidatePath(`/${lng}/admin/mail`);
  return ok({ status: result.status }, result.freshLink ? `staff:mail.resentFresh.${result.status}` : `staff:mail.resent.${result.status}`);
});
