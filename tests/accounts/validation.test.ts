import { describe, expect, it } from "vitest";
import { resetPasswordSchema, signUpSchema } from "@/features/accounts/schemas";
import { isGuessablePassword, passwordField } from "@/lib/passwords";
import { emailField } from "@/lib/validation";
import { PASSWORD } from "../support/factories";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

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

  it.each([
    // Letters and digits, yet among the first guesses: breach lists, keyboard runs, a word plus a year.
    ["iloveyou1", "validation.passwordCommon"],
    ["PASSWORD123", "validation.passwordCommon"],
    ["1q2w3e4r5t", "validation.passwordCommon"],
    ["Sunshine2026", "validation.passwordCommon"],
    ["michael1985", "validation.passwordCommon"],
    // The product's own names are in the dictionary.
    ["Supplier2026", "validation.passwordCommon"],
    ["coupa12345", "validation.passwordCommon"],
    // One repeated letter passes the length and letter-digit rules but not the guess count.
    ["a".repeat(71) + "1", "validation.passwordCommon"],
  ])("refuses the guessable %j with %s", (password, key) => {
    expect(messages(passwordField.safeParse(password))).toEqual([key]);
  });

  it.each([
    "Harbour-lights-7",
    "供应商门户2026abc",
    "correct horse battery staple 9",
    // 72 bytes exactly: bcrypt's limit.
    "Lantern-river-42 orchard gate 19 quiet meadow 31 harbour lights seven 7!",
  ])("accepts %j", (password) => {
    expect(passwordField.safeParse(password).success).toBe(true);
  });

  it("accepts the demo password and the test factories' password", () => {
    // DEMO_PASSWORD in prisma/seed.ts (that module seeds on import).
    expect(passwordField.safeParse("Demo-pass-2026").success).toBe(true);
    expect(passwordField.safeParse(PASSWORD).success).toBe(true);
  });

  it("judges guessability whatever the case, and with what the user typed elsewhere", () => {
    expect(isGuessablePassword("PASSWORD1")).toBe(true);
    expect(isGuessablePassword("tangerine-boat-9")).toBe(false);
    expect(isGuessablePassword("Northwind-2026", ["northwind"])).toBe(true);
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
