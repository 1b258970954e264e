import { describe, expect, it } from "vitest";
import { isFreeMailDomain } from "@/lib/free-mail";

describe("free-mail domains (email-providers' full list)", () => {
  it.each(["gmx.net", "mail.ru", "hotmail.co.uk", "pm.me", "yahoo.co.uk", "outlook.de"])("knows %s, which the old 41-domain list missed", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(["gmail.com", "qq.com", "163.com", "126.com", "foxmail.com", "sohu.com", "139.com", "189.cn"])(
    "still knows %s (Chinese providers included)",
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(true);
    },
  );

  it("compares case-insensitively and ignores surrounding spaces", () => {
    expect(isFreeMailDomain(" GMX.Net ")).toBe(true);
  });

  it.each(["acme.test", "northwind.example", "siemens.com", "huawei.com", "mail.acme.com"])("never marks the company domain %s", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});
