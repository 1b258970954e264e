import { describe, expect, it } from "vitest";
import { isFreeMailDomain } from "@/lib/free-mail";
import { contactFlags, isSearchable, normalizeQuery, onDomain } from "@/features/connection-requests/normalize";
import { parseListQuery } from "@/features/connection-requests/schemas";
import { canTransition, effectiveStatus, expiryFrom, requestStatuses, type RequestActor } from "@/features/connection-requests/state-machine";

describe("normalizeQuery (what one search attempt is)", () => {
  it("ignores case, accents, width, punctuation and spacing", () => {
    expect(normalizeQuery("  ACME,   Inc. ")).toBe("acme inc");
    expect(normalizeQuery("Müller & Söhne")).toBe("muller sohne");
    expect(normalizeQuery("Société Générale d'Équipement")).toBe("societe generale d equipement");
    expect(normalizeQuery("ＡＣＭＥ")).toBe("acme");
  });

  it("keeps Chinese names and numbers", () => {
    expect(normalizeQuery("上海东方明珠贸易有限公司")).toBe("上海东方明珠贸易有限公司");
    expect(normalizeQuery("東方明珠（上海）")).toBe("東方明珠 上海");
    expect(normalizeQuery("91310000MA1FL0001X")).toBe("91310000ma1fl0001x");
  });

  it("treats queries shorter than two characters as no search", () => {
    expect(isSearchable(normalizeQuery("a"))).toBe(false);
    expect(isSearchable(normalizeQuery("..."))).toBe(false);
    expect(isSearchable(normalizeQuery("明珠"))).toBe(true);
  });
});

describe("contact flags", () => {
  it("flags free-mail and addresses outside the customer's domains", () => {
    expect(contactFlags("buyer@acme.test", ["acme.test"], isFreeMailDomain)).toEqual([]);
    expect(contactFlags("buyer@eu.acme.test", ["acme.test"], isFreeMailDomain)).toEqual([]);
    expect(contactFlags("buyer@gmail.com", ["acme.test"], isFreeMailDomain)).toEqual(["FREE_MAIL", "DOMAIN_MISMATCH"]);
    expect(contactFlags("buyer@other.test", ["acme.test"], isFreeMailDomain)).toEqual(["DOMAIN_MISMATCH"]);
    expect(contactFlags("buyer@notacme.test", ["acme.test"], isFreeMailDomain)).toEqual(["DOMAIN_MISMATCH"]);
    expect(contactFlags("buyer@acme.test", [], isFreeMailDomain)).toEqual(["DOMAIN_MISMATCH"]);
    expect(onDomain("x@ACME.test", ["acme.test"])).toBe(true);
  });
});

describe("request state machine", () => {
  const cases: [string, string, RequestActor, boolean][] = [
    ["PENDING", "APPROVED", "CONTACT", true],
    ["PENDING", "APPROVED", "STAFF", true],
    ["PENDING", "APPROVED", "SYSTEM", true],
    ["PENDING", "APPROVED", "SUPPLIER", false],
    ["PENDING", "REJECTED", "CONTACT", true],
    ["PENDING", "REJECTED", "STAFF", true],
    ["PENDING", "REJECTED", "SUPPLIER", false],
    ["PENDING", "REJECTED", "SYSTEM", false],
    ["PENDING", "EXPIRED", "SYSTEM", true],
    ["PENDING", "EXPIRED", "STAFF", false],
    ["PENDING", "CANCELLED", "SUPPLIER", true],
    ["PENDING", "CANCELLED", "CONTACT", false],
    ["PENDING", "PENDING", "SYSTEM", false],
  ];
  it.each(cases)("%s -> %s by %s: %s", (from, to, actor, expected) => {
    expect(canTransition(from as never, to as never, actor)).toBe(expected);
  });

  it("never moves a final state", () => {
    for (const from of requestStatuses.filter((s) => s !== "PENDING")) {
      for (const to of requestStatuses) {
        for (const actor of ["SUPPLIER", "CONTACT", "STAFF", "SYSTEM"] as const) expect(canTransition(from, to, actor)).toBe(false);
      }
    }
  });

  it("reads a pending request past its date as expired, and nothing else changes", () => {
    const created = new Date("2026-01-01T00:00:00Z");
    const expiresAt = expiryFrom(created);
    expect(expiresAt.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(effectiveStatus({ status: "PENDING", expiresAt }, new Date("2026-01-30T23:59:59Z"))).toBe("PENDING");
    expect(effectiveStatus({ status: "PENDING", expiresAt }, new Date("2026-01-31T00:00:00Z"))).toBe("EXPIRED");
    expect(effectiveStatus({ status: "APPROVED", expiresAt }, new Date("2027-01-01T00:00:00Z"))).toBe("APPROVED");
  });
});

describe("table query from the URL", () => {
  it("falls back to safe defaults on bad input", () => {
    expect(parseListQuery({ page: "-3", sort: "drop table", dir: "up", status: "NOPE", q: ["acme", "x"] })).toEqual({
      q: "acme",
      status: undefined,
      sort: "date",
      dir: "desc",
      page: 1,
    });
    expect(parseListQuery({ page: "2", sort: "customer", dir: "asc", status: "EXPIRED" })).toMatchObject({ page: 2, sort: "customer", status: "EXPIRED" });
  });
});
