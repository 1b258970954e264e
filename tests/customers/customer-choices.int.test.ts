import { describe, expect, it } from "vitest";
import { invitationCustomerOptions } from "@/features/customer-invitations/staff";
import { CUSTOMER_CHOICES_MAX, customerChoices } from "@/features/customers/service";
import { db } from "@/server/db";

/**
 * Staff selects of customers (the request queue's and the invitations'
 * filters, the invitation form) list a small directory whole and never load
 * a large one: a million customers would make each page megabytes.
 */
const customer = (i: number, name = `Choice Customer ${String(i).padStart(4, "0")}`) => ({
  id: `choice-${i}`,
  name,
  nameZh: i % 2 ? `选择客户${i}` : "",
  taxId: "",
  registrationNumber: "",
});

describe("customer choices for staff selects", () => {
  it("lists a small directory whole, by English name, labelled in the reader's language", async () => {
    const before = await db.customer.count();
    await db.customer.createMany({ data: [customer(2, "Zeta Choice Ltd"), customer(1, "Alpha Choice Ltd")] });
    const { customers, complete } = await customerChoices();
    expect(complete).toBe(true);
    expect(customers).toHaveLength(before + 2);
    const names = customers.map((c) => c.name);
    expect(names.indexOf("Alpha Choice Ltd")).toBeLessThan(names.indexOf("Zeta Choice Ltd"));
    const zh = await invitationCustomerOptions("zh");
    expect(zh.complete).toBe(true);
    expect(zh.options).toContainEqual({ id: "choice-1", label: "选择客户1" });
    expect(zh.options).toContainEqual({ id: "choice-2", label: "Zeta Choice Ltd" });
  });

  it("loads none of a directory too large to list, only the customer already chosen", async () => {
    const count = await db.customer.count();
    const missing = CUSTOMER_CHOICES_MAX + 1 - count;
    await db.customer.createMany({ data: Array.from({ length: missing }, (_, i) => customer(1000 + i)) });
    expect(await db.customer.count()).toBe(CUSTOMER_CHOICES_MAX + 1);

    expect(await customerChoices()).toEqual({ customers: [], complete: false });
    expect(await customerChoices("choice-1")).toEqual({ customers: [{ id: "choice-1", name: "Alpha Choice Ltd", nameZh: "选择客户1" }], complete: false });
    expect(await customerChoices("no-such-customer")).toEqual({ customers: [], complete: false });
    expect(await invitationCustomerOptions("en", "choice-2")).toEqual({ options: [{ id: "choice-2", label: "Zeta Choice Ltd" }], complete: false });
  });
});
