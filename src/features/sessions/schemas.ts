import { z } from "zod";

/** Sign-out of this browser; `everywhere` ends every session of the user. */
export const signOutSchema = z.object({
  everywhere: z.literal("1").optional(),
});

/** Sign-out of one device listed on the security page. */
export const revokeSessionSchema = z.object({
  sessionId: z.string().trim().min(1, "validation.required").max(40, "validation.invalid"),
});
