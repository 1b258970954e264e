import { z } from "zod";
import { currentPasswordField, emailField, passwordRulesField } from "@/lib/validation";

/**
 * The accounts schemas that the browser runs as well (ActionForm's `schema`):
 * nothing server-only here. A new password is checked by its rules in the
 * browser; `./schemas` adds the strength check (server only) for the action.
 * Sign-up has no browser check: its one submit answers every field at once,
 * the password's strength included.
 */
export const signInSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  next: z.string().max(500).optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordFields = {
  token: z.string().max(100),
  confirm: z.string().min(1, "validation.required"),
};

/** The new password typed twice: the second must match the first. */
export function withMatchingPasswords<S extends z.ZodType<{ password: string; confirm: string }>>(schema: S) {
  return schema.refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });
}

export const resetPasswordFormSchema = withMatchingPasswords(z.object({ ...resetPasswordFields, password: passwordRulesField }));

/** Profile → Security: move the sign-in to another address (confirmed from the link sent there). */
export const changeEmailSchema = z.object({
  newEmail: emailField,
  password: currentPasswordField,
});
