"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ok } from "@/lib/action-result";
import { staffAction } from "@/server/action";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import { deliver } from "@/server/mail";

export const resendMailAction = staffAction("SUPPORT", z.object({ id: z.string().min(1).max(40) }), async ({ id }, { user, ip, lng }) => {
  const result = await deliver(id);
  await audit(db, { type: "STAFF", id: user.id, ip }, { action: "mail.resent", entityType: "OutgoingMail", entityId: id, after: result });
  revalidatePath(`/${lng}/admin/mail`);
  return ok(undefined);
});
