import { describe, expect, it } from "vitest";
import { createInvitationSchema, forwardSchema, listFiltersSchema, registerSchema } from "@/features/customer-invitations/schemas";

describe("invitation schemas", () => {
  it("normalises the invited email and keeps the message optional", () => {
    const parsed = createInvitationSchema.parse({ customerId: "c1", email: "  Contact@Supplier.TEST ", locale: "zh" });
    expect(parsed).toMatchObject({ email: "contact@supplier.test", message: "", locale: "zh" });
  });

  it("names the field and the reason for bad staff input", () => {
    const r = createInvitationSchema.safeParse({ customerId: "", email: "nope", locale: "fr", message: "x".repeat(1001) });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
    expect(byField).toEqual({
      customerId: "validation.required",
      email: "validation.email",
      locale: "validation.invalid",
      message: "validation.tooLong",
    });
  });

  it("ignores an email sent with the registration: the invitation fixes it", () => {
    const parsed = registerSchema.parse({ token: "t", companyName: "Acme", name: "A", password: "Harbour-lights-7", locale: "en", email: "x@y.test" });
    expect(parsed).not.toHaveProperty("email");
  });

  it("rejects weak passwords and malformed colleague emails", () => {
    expect(registerSchema.safeParse({ token: "t", companyName: "Acme", name: "A", password: "password1", locale: "en" }).error?.issues[0].message).toBe(
      "validation.passwordCommon",
    );
    expect(forwardSchema.safeParse({ token: "t", email: "a@@b", locale: "en" }).error?.issues[0].message).toBe("validation.email");
  });

  it("drops unknown list filters instead of failing the page", () => {
    expect(listFiltersSchema.parse({ status: "BOGUS", page: "-3", email: " A@B ", customerId: ["x", "y"] })).toEqual({ email: "a@b" });
    expect(listFiltersSchema.parse({ status: "EXPIRED", page: "2" })).toEqual({ status: "EXPIRED", page: 2 });
  });
});
