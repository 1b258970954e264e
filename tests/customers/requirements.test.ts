import { describe, expect, it } from "vitest";
import { checkRequirements, normaliseDomain } from "@/features/customers/form-rules";
import { customerFormSchema } from "@/features/customers/schemas";

const step = (over: Record<string, unknown> = {}) => ({
  key: "business",
  kind: "business",
  title: { en: "About you", zh: "企业信息" },
  fields: [{ key: "legalName", type: "text", label: { en: "Legal name", zh: "法定名称" }, required: true }],
  ...over,
});

describe("onboarding requirements validation", () => {
  it("accepts a valid document and fills defaults", () => {
    const r = checkRequirements(JSON.stringify([step()]));
    expect(r.ok).toBe(true);
    expect(checkRequirements("").ok).toBe(true);
  });

  it("says where each problem is", () => {
    expect(checkRequirements("[{")).toEqual({ ok: false, json: true, problems: [{ key: "requirements.issues.json", params: {} }] });
    const bad = checkRequirements(
      JSON.stringify([
        step({ title: { en: "About you", zh: "" } }),
        step({ key: "2bad", fields: [] }),
        step({
          key: "pay",
          fields: [
            { key: "choice", type: "select", label: { en: "Pick", zh: "选择" } },
            { key: "choice", type: "text", label: { en: "Again", zh: "再次" } },
          ],
        }),
      ]),
    );
    expect(bad.ok).toBe(false);
    const problems = bad.ok ? [] : bad.problems;
    expect(problems).toContainEqual({
      key: "requirements.issues.titleMissing",
      params: expect.objectContaining({ where: "requirements.issues.whereStep", step: 1, lang: "zh" }),
    });
    expect(problems).toContainEqual({ key: "requirements.issues.keyFormat", params: expect.objectContaining({ step: 2 }) });
    expect(problems).toContainEqual({ key: "requirements.issues.noFields", params: expect.objectContaining({ step: 2 }) });
    expect(problems).toContainEqual({
      key: "requirements.issues.optionsRequired",
      params: expect.objectContaining({ step: 3, field: 1, where: "requirements.issues.whereField" }),
    });
    expect(problems).toContainEqual({ key: "requirements.issues.duplicateFieldKey", params: expect.objectContaining({ step: 3, field: 2 }) });
  });

  it("refuses duplicate step keys and non-arrays", () => {
    const dup = checkRequirements(JSON.stringify([step(), step()]));
    expect(dup.ok ? [] : dup.problems.map((p) => p.key)).toContain("requirements.issues.duplicateStepKey");
    expect(checkRequirements('{"a":1}').ok).toBe(false);
  });
});

describe("customer form", () => {
  const base = { name: "Harbour Freight Ltd", acceptsRequests: "yes", autoApproveRule: "NONE" };

  it("lower-cases, de-duplicates and checks domains", () => {
    const ok = customerFormSchema.parse({ ...base, domains: "Harbour.example\n@harbour.example, hf-group.example.cn " });
    expect(ok.domains).toEqual(["harbour.example", "hf-group.example.cn"]);
    expect(normaliseDomain(" @Mail.Example. ")).toBe("mail.example");
    for (const domains of ["not a domain", "exa_mple.com", "-bad.example", "localhost"]) {
      const r = customerFormSchema.safeParse({ ...base, domains });
      expect(r.error?.issues[0], domains).toMatchObject({ path: ["domains"], message: "staff:customers.errors.domain" });
    }
    expect(customerFormSchema.safeParse({ ...base, domains: "qq.com" }).error?.issues[0].message).toBe("staff:customers.errors.freeMailDomain");
  });

  it("pairs alias names with kinds, skips empty rows and repeated names", () => {
    const r = customerFormSchema.parse({ ...base, "aliasName[]": ["HF", "", "hf", "海港货运"], "aliasKind[]": ["TRADING", "OTHER", "OTHER", "CHINESE"] });
    expect(r.aliases).toEqual([
      { name: "HF", kind: "TRADING" },
      { name: "海港货运", kind: "CHINESE" },
    ]);
    expect(customerFormSchema.safeParse({ ...base, "aliasName[]": ["X"], "aliasKind[]": ["NICKNAME"] }).error?.issues[0].path).toEqual(["aliases"]);
  });

  it("requires a name and a known rule", () => {
    const r = customerFormSchema.safeParse({ name: "", acceptsRequests: "maybe", autoApproveRule: "ALWAYS" });
    const fields = r.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "acceptsRequests", "autoApproveRule"]));
  });
});
