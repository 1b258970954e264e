import { describe, expect, it } from "vitest";
import { toFieldErrors } from "@/server/action";
import { customerFormSchema, type CustomerInput } from "@/features/customers/schemas";
import { createCustomer, getCustomer, listCustomers, updateCustomer } from "@/features/customers/service";
import { searchDirectory } from "@/features/customer-search/search";
import { db } from "@/server/db";

const actor = { type: "STAFF" as const, id: "staff-admin-1", ip: "10.3.0.1" };
const requirements = [
  {
    key: "business",
    kind: "business",
    title: { en: "About you", zh: "企业信息" },
    fields: [
      { key: "legalName", type: "text", label: { en: "Legal name", zh: "法定名称" }, required: true },
      { key: "size", type: "select", label: { en: "Size", zh: "规模" }, required: false, options: [{ value: "s", label: { en: "Small", zh: "小" } }] },
    ],
  },
];

function form(over: Record<string, unknown> = {}): CustomerInput {
  return customerFormSchema.parse({
    name: "Meridian Shipping Corporation",
    nameZh: "子午线航运",
    taxId: "TX-778812",
    registrationNumber: "REG-55102",
    "aliasName[]": ["Meridian Lines"],
    "aliasKind[]": ["TRADING"],
    domains: "meridian-shipping.example",
    acceptsRequests: "yes",
    autoApproveRule: "OWN_DOMAIN_INVITED",
    requirements: JSON.stringify(requirements),
    ...over,
  });
}

describe("customer directory", () => {
  it("creates a customer with aliases, domains and requirements, audited, and the supplier search finds it", async () => {
    const res = await createCustomer(form(), actor);
    expect(res.ok).toBe(true);
    const id = res.ok ? res.customerId : "";
    const c = await getCustomer(id);
    expect(c).toMatchObject({ name: "Meridian Shipping Corporation", nameZh: "子午线航运", acceptsRequests: true, autoApproveRule: "OWN_DOMAIN_INVITED" });
    expect(c!.aliases.map((a) => [a.name, a.kind])).toEqual([["Meridian Lines", "TRADING"]]);
    expect(c!.domains.map((d) => d.domain)).toEqual(["meridian-shipping.example"]);
    expect(c!.requirementSteps[0].fields.map((f) => f.key)).toEqual(["legalName", "size"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customer.created", entityId: id } });
    expect(audit).toMatchObject({ actorType: "STAFF", actorId: actor.id, entityType: "Customer" });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "Meridian Shipping Corporation", domains: ["meridian-shipping.example"] });
    expect((await searchDirectory("Meridian Lines")).map((h) => h.id)).toContain(id);
  });

  it("a double submit creates one customer", async () => {
    const input = form({ name: "Twin Peaks Holdings" });
    const results = await Promise.all([createCustomer(input, actor), createCustomer(input, actor)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "nameTaken" });
    expect(await db.customer.count({ where: { name: "Twin Peaks Holdings" } })).toBe(1);
  });

  it("an edit adds an alias the search finds at once, and the audit row holds only what changed", async () => {
    const res = await createCustomer(form({ name: "Northern Lights Trading", "aliasName[]": [], "aliasKind[]": [], domains: "" }), actor);
    const id = res.ok ? res.customerId : "";
    expect(await searchDirectory("Aurora Borealis")).toEqual([]);
    const before = await db.customer.findUniqueOrThrow({ where: { id } });
    const upd = await updateCustomer(
      id,
      form({
        name: "Northern Lights Trading",
        "aliasName[]": ["Aurora Borealis Co"],
        "aliasKind[]": ["FORMER"],
        domains: "NL-Trading.example",
        version: before.updatedAt.toISOString(),
      }),
      actor,
    );
    expect(upd).toEqual({ ok: true, customerId: id, changed: true });
    expect((await searchDirectory("Aurora Borealis")).map((h) => h.id)).toEqual([id]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customer.updated", entityId: id } });
    expect(JSON.parse(audit.before!)).toEqual({ aliases: [], domains: [] });
    expect(JSON.parse(audit.after!)).toEqual({ aliases: [{ name: "Aurora Borealis Co", kind: "FORMER" }], domains: ["nl-trading.example"] });
  });

  it("saving the same values changes nothing and writes no audit row", async () => {
    const res = await createCustomer(form({ name: "Steady State Ltd" }), actor);
    const id = res.ok ? res.customerId : "";
    const again = await updateCustomer(id, form({ name: "Steady State Ltd" }), actor);
    expect(again).toEqual({ ok: true, customerId: id, changed: false });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "customer.updated" } })).toBe(0);
  });

  it("refuses a stale form (someone saved in between) and writes nothing", async () => {
    const res = await createCustomer(form({ name: "Race Condition Inc" }), actor);
    const id = res.ok ? res.customerId : "";
    const opened = (await db.customer.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
    expect((await updateCustomer(id, form({ name: "Race Condition Inc", nameZh: "甲", version: opened }), actor)).ok).toBe(true);
    const stale = await updateCustomer(id, form({ name: "Race Condition Inc", nameZh: "乙", version: opened }), actor);
    expect(stale).toEqual({ ok: false, error: "stale" });
    expect((await db.customer.findUniqueOrThrow({ where: { id } })).nameZh).toBe("甲");
    expect(await updateCustomer("no-such-customer", form(), actor)).toEqual({ ok: false, error: "notFound" });
  });

  it("invalid input (domain, requirements JSON, requirement rules) is refused with field messages before anything is written", async () => {
    const count = await db.customer.count();
    const audits = await db.auditEvent.count();
    const raw = { name: "Bad Input Co", acceptsRequests: "yes", autoApproveRule: "NONE" };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ domains: "not a domain" }, "domains", "staff:customers.errors.domain"],
      [{ requirements: "[{" }, "requirements", "staff:customers.errors.requirementsJson"],
      [{ requirements: JSON.stringify([{ ...requirements[0], fields: [] }]) }, "requirements", "staff:customers.errors.requirements"],
      [{ name: "" }, "name", "validation.required"],
    ];
    for (const [over, field, key] of cases) {
      const parsed = customerFormSchema.safeParse({ ...raw, ...over });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(toFieldErrors(parsed.error)[field]).toEqual([key]);
    }
    expect(await db.customer.count()).toBe(count);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("lists with search over names, aliases, numbers and domains, and pages", async () => {
    for (let i = 0; i < 27; i++) {
      await createCustomer(
        form({ name: `Paging Test ${String(i).padStart(2, "0")}`, "aliasName[]": [], "aliasKind[]": [], domains: `paging${i}.example`, taxId: `PT-${i}` }),
        actor,
      );
    }
    const first = await listCustomers({ q: "Paging Test", page: 1 });
    expect(first).toMatchObject({ total: 27, pageCount: 2, page: 1 });
    expect(first.items).toHaveLength(25);
    const second = await listCustomers({ q: "Paging Test", page: 2 });
    expect(second.items.map((c) => c.name)).toEqual(["Paging Test 25", "Paging Test 26"]);
    expect((await listCustomers({ q: "paging7.example", page: 1 })).items.map((c) => c.name)).toEqual(["Paging Test 07"]);
    expect((await listCustomers({ q: "Meridian Lines", page: 1 })).total).toBeGreaterThan(0);
  });
});
