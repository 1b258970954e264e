import { z } from "zod";
import { passwordField } from "@/lib/passwords";
import { companyNameField, emailField, lngField, nameField } from "@/lib/validation";
import { resetPasswordFields, withMatchingPasswords } from "./form-schemas";

// The schemas the browser runs too live in ./form-schemas; the server's are the same ones, with the password's strength check.
export { changeEmailSchema, forgotPasswordSchema, signInSchema } from "./form-schemas";

export const signUpSchema = z.object({
  companyName: companyNameField,
  name: nameField,
  email: emailField,
  password: passwordField,
  locale: lngField,
});

export const resetPasswordSchema = withMatchingPasswords(z.object({ ...resetPasswordFields, password: passwordField }));

/** The confirmation page's choice: create the account (a separate company on a registered domain) or ask to join. */
export const confirmSignUpSchema = z.object({
  token: z.string().max(100),
  choice: z.enum(["create", "join"]),
});

export type SignUpInput = z.output<typeof signUpSchema>;

/** The confirmation and "it wasn't me" pages post the token from their link. */
export const emailChangeTokenSchema = z.object({ token: z.string().max(100) });
