import { z } from "zod";
import { passwordField } from "@/lib/passwords";
import { companyNameField, currentPasswordField, emailField, lngField, nameField } from "@/lib/validation";

export const signInSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  next: z.string().max(500).optional(),
});

export const signUpSchema = z.object({
  companyName: companyNameField,
  name: nameField,
  email: emailField,
  password: passwordField,
  locale: lngField,
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: z.string().max(100),
    password: passwordField,
    confirm: z.string().min(1, "validation.required"),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordMismatch" });

/** The confirmation page's choice: create the account (a separate company on a registered domain) or ask to join. */
export const confirmSignUpSchema = z.object({
  token: z.string().max(100),
  choice: z.enum(["create", "join"]),
});

export type SignUpInput = z.output<typeof signUpSchema>;

/** Profile → Security: move the sign-in to another address (confirmed from the link sent there). */
export const changeEmailSchema = z.object({
  newEmail: emailField,
  password: currentPasswordField,
});

/** The confirmation and "it wasn't me" pages post the token from their link. */
export const emailChangeTokenSchema = z.object({ token: z.string().max(100) });
