import { describe, expect, it } from "vitest";
import { resetPasswordSchema, signUpSchema } from "@/features/accounts/schemas";
import { isWellKnownPassword } from "@/lib/well-known-passwords";
import { emailField, passwordField } from "@/lib/validation";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe("password rules", () => {
  it.each([
    ["", "validation.required"],
    ["abc123", "validation.passwordTooShort"],
    ["abcdefghij", "validation.passwordLetterDigit"],
    ["1234567890", "validation.passwordLetterDigit"],
    ["password1", "validation.passwordCommon"],
    ["Qwerty2024", "validation.passwordCommon"],
    ["abcd1234", "validation.passwordCommon"],
    ["a1".repeat(37), "validation.passwordTooLong"],
    ["密码".repeat(12) + "a1", "validation.passwordTooLong"],
  ])("refuses %j with %s", (password, key) => {
    expect(messages(passwordField.safeParse(password))).toContain(key);
  });

  it.each(["Harbour-lights-7", "供应商门户2026abc", "a".repeat(71) + "1"])("accepts %j", (password) => {
    expect(passwordField.safeParse(password).success).toBe(true);
  });

  it("recognises well-known passwords case-insensitively", () => {
    expect(isWellKnownPassword("PASSWORD123")).toBe(true);
    expect(isWellKnownPassword("123admin")).toBe(true);
    expect(isWellKnownPassword("tangerine-boat-9")).toBe(false);
  });
});

describe("email field", () => {
  it("trims and lower-cases", () => {
    expect(emailField.parse("  Ann.Lee@Example.COM ")).toBe("ann.lee@example.com");
  });
  it.each(["", "not-an-email", "a@b", "a@@b.com", "x".repeat(250) + "@a.com"])("refuses %j", (email) => {
    expect(emailField.safeParse(email).success).toBe(false);
  });
});

describe("forms", () => {
  it("sign-up reports every bad field with a message key", () => {
    const r = signUpSchema.safeParse({ companyName: " ", name: "", email: "bad", password: "short", locale: "fr" });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["companyName", "name", "email", "password", "locale"]));
    expect(r.error!.issues.every((i) => i.message.startsWith("validation."))).toBe(true);
  });

  it("reset requires matching passwords", () => {
    const r = resetPasswordSchema.safeParse({ token: "t", password: "Harbour-lights-7", confirm: "Harbour-lights-8" });
    expect(messages(r)).toEqual(["validation.passwordMismatch"]);
  });
});
