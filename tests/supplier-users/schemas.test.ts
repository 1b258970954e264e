import { describe, expect, it } from "vitest";
import { inviteSchema, colleagueJoinSchema, updateAccessSchema } from "@/features/supplier-users/schemas";
import type { z } from "zod";

/** Field -> message keys, as the action wrapper reports them (every message here is an explicit key). */
function errors(r: { success: boolean; error?: z.ZodError }) {
  const out: Record<string, string[]> = {};
  for (const issue of r.error?.issues ?? []) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe("user access forms", () => {
  it("reads checkbox groups and the access radio into a grant", () => {
    const r = inviteSchema.parse({
      email: " Lin@Colleague.TEST ",
      locale: "zh",
      "permissions[]": ["requests", "requests"],
      access: "selected",
      "customerIds[]": ["c1"],
    });
    expect(r).toEqual({ email: "lin@colleague.test", locale: "zh", grant: { permissions: ["requests"], allCustomers: false, customerIds: ["c1"] } });
    expect(inviteSchema.parse({ email: "a@b.test", locale: "en", access: "all", "customerIds[]": ["c1"] }).grant).toEqual({
      permissions: [],
      allCustomers: true,
      customerIds: [],
    });
  });

  it("gives localized field messages for bad input", () => {
    expect(errors(inviteSchema.safeParse({ email: "nope", locale: "en", access: "all" }))).toEqual({ email: ["validation.email"] });
    expect(errors(inviteSchema.safeParse({ email: "a@b.test", locale: "en", access: "selected" }))).toEqual({ "customerIds[]": ["validation.required"] });
    // Every message at once, not one after the other.
    expect(errors(inviteSchema.safeParse({ email: "", locale: "en", access: "selected" }))).toEqual({
      email: ["validation.required"],
      "customerIds[]": ["validation.required"],
    });
    expect(errors(updateAccessSchema.safeParse({ userId: "u1", access: "all", "permissions[]": ["root"] }))).toEqual({
      "permissions[]": ["validation.invalid"],
    });
    expect(errors(updateAccessSchema.safeParse({ userId: "u1" }))).toEqual({ access: ["validation.required"] });
  });

  it("registration needs a name, a strong password typed twice, and a language", () => {
    const bad = colleagueJoinSchema.safeParse({ token: "t", name: " ", password: "password1", confirm: "x", locale: "fr" });
    expect(Object.keys(errors(bad)).sort()).toEqual(["locale", "name", "password"]);
    const mismatch = colleagueJoinSchema.safeParse({ token: "t", name: "Lin", password: "Harbour-lights-7", confirm: "Harbour-lights-8", locale: "en" });
    expect(errors(mismatch)).toEqual({ confirm: ["validation.passwordMismatch"] });
  });
});
