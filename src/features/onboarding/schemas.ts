import { z } from "zod";
import { idField } from "@/lib/validation";

/** The staff review's forms: approve one onboarding, or send it back with a comment (and the steps to reopen). */
export const approveSchema = z.object({ id: idField });
export const sendBackSchema = z.object({
  id: idField,
  comment: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(2000, "validation.tooLong"),
  "steps[]": z.array(z.string().max(40)).max(12).optional(),
});
