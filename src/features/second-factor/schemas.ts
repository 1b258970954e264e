import { z } from "zod";
import { currentPasswordField, emailField } from "@/lib/validation";

/** A six-digit authenticator code or a recovery code (xxxxx-xxxxx); the service tells which. */
export const codeField = z
  .string()
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.tooLong")
  .regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/i, "mfa:errors.codeShape");

/** A WebAuthn response as JSON (from @simplewebauthn/browser). */
const passkeyJson = z.string().min(2).max(20_000);

/** The second step of sign-in: a code or a passkey. */
export const verifySignInSchema = z
  .object({ code: z.string().max(40).optional(), passkey: passkeyJson.optional(), next: z.string().max(500).optional() })
  .refine((v) => v.passkey || (v.code && codeField.safeParse(v.code).success), { path: ["code"], message: "mfa:errors.codeShape" });

export const passkeySignInSchema = z.object({ passkey: passkeyJson, next: z.string().max(500).optional() });

/** Passkey options before sign-in (passwordless, or the second step) and for a signed-in user (a new passkey, a step-up check). */
export const passkeySignInOptionsSchema = z.object({ purpose: z.enum(["signIn", "secondStep"]) });
export const passkeyOptionsSchema = z.object({ purpose: z.enum(["register", "stepUp"]) });

export const confirmTotpSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "mfa:errors.totpShape"),
});

export const addPasskeySchema = z.object({ name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"), passkey: passkeyJson });

export const passkeyIdSchema = z.object({ passkeyId: z.string().min(1).max(400) });

/** A step-up answer: the password, a code, or a passkey. */
export const stepUpSchema = z
  .object({
    password: currentPasswordField.optional().or(z.literal("")),
    code: z.string().max(40).optional(),
    passkey: passkeyJson.optional(),
    next: z.string().max(500).optional(),
  })
  .refine((v) => v.password || v.passkey || (v.code && codeField.safeParse(v.code).success), { path: ["password"], message: "mfa:errors.stepUpEmpty" });

export const companyPolicySchema = z.object({ required: z.enum(["on", "off"]) });

export const resetFactorSchema = z.object({ userId: z.string().min(1).max(40) });

export const emptySchema = z.object({});

export const resetByEmailSchema = z.object({ email: emailField });
