import { describe, expect, it } from "vitest";

const { updateSharing, profileAsSeenBy, updatePrivateSection, updatePublicProfile, loadProfile, uploadDocument } = await import("@/features/profile/service");
const { publicProfileSchema } = await import("@/features/profile/schemas");
const { db } = await import("@/server/db");
const { makeSupplier, makeUser, makeCustomer } = await import("../support/factories");
const { connect, asCaller, limitTo } = await import("../customer-setup/fixtures");

const SECRET_IBAN = "DE89370400440532013000";

async function setup() {
  const s = await makeSupplier();
  const me = { user: await asCaller(s.userId), ip: "10.2.2.2" };
  const a = await makeCustomer({ name: "Alpha" });
  const b = await makeCustomer({ name: "Bravo" });
  await connect(s.supplierId, a.id);
  await connect(s.supplierId, b.id);
  expect(await updatePrivateSection(me, "TAX", { f_taxId: "91310000MA1FL0001X" })).toMatchObject({ ok: true });
  expect(
    await updatePrivateSection(me, "BANK", { f_bankName: "Harbour Bank", f_accountHolder: "Acme", f_iban: SECRET_IBAN, f_swift: "DEUTDEFF" }),
  ).toMatchObject({ ok: true });
  expect(await updatePrivateSection(me, "CONTACTS", { f_primaryName: "Li Wei", f_primaryEmail: "li.wei@acme.test" })).toMatchObject({ ok: true });
  await db.supplierDocument.create({ data: { supplierId: s.supplierId, filename: "iso9001.pdf", mimeType: "application/pdf", size: 10, storagePath: "x" } });
  return { s, me, a, b };
}

describe("profile sharing", () => {
  it("the preview of a customer shows the public profile and only the shared sections", async () => {
    const { me, a, b } = await setup();
    expect(await updateSharing(me, a.id, ["TAX"])).toMatchObject({ ok: true });
    const asA = await profileAsSeenBy(me.user, a.id);
    expect(asA!.shared).toEqual(["TAX"]);
    expect(Object.keys(asA!.sections)).toEqual(["TAX"]);
    expect(asA!.documents).toBeNull();
    expect(JSON.stringify(asA)).not.toContain(SECRET_IBAN);
    expect(JSON.stringify(asA)).not.toContain("li.wei@acme.test");
    expect(JSON.stringify(asA)).not.toContain("iso9001.pdf");

    const asB = await profileAsSeenBy(me.user, b.id);
    expect(asB!.shared).toEqual([]);
    expect(asB!.sections).toEqual({});
    expect(asB!.company.name).toMatch(/^Supplier /);
  });

  it("every combination of shared sections shows exactly those sections", async () => {
    const { me, a } = await setup();
    const all = ["TAX", "REMIT_TO", "BANK", "CONTACTS", "DOCUMENTS"] as const;
    for (let mask = 0; mask < 32; mask++) {
      const chosen = all.filter((_, i) => mask & (1 << i));
      await updateSharing(me, a.id, [...chosen]);
      const view = await profileAsSeenBy(me.user, a.id);
      expect(view!.shared).toEqual(chosen);
      for (const s of Object.keys(view!.sections)) expect(chosen).toContain(s);
      expect(view!.documents === null).toBe(!chosen.includes("DOCUMENTS"));
      expect(JSON.stringify(view).includes(SECRET_IBAN)).toBe(chosen.includes("BANK"));
    }
  });

  it("records sharing changes and ignores repeats", async () => {
    const { s, me, a } = await setup();
    await updateSharing(me, a.id, ["BANK", "TAX"]);
    await updateSharing(me, a.id, ["TAX", "BANK"]);
    const rel = await db.customerRelationship.findUniqueOrThrow({ where: { supplierId_customerId: { supplierId: s.supplierId, customerId: a.id } } });
    expect(rel.sharedSections).toBe("TAX,BANK");
    expect(await db.auditEvent.count({ where: { entityId: rel.id, action: "profile.sharing_updated" } })).toBe(1);
  });

  it("only users with the profile permission change sharing or the profile", async () => {
    const { s, a } = await setup();
    const member = await makeUser(s.supplierId, { permissions: "onboarding" });
    const me = { user: await asCaller(member.id) };
    expect(await updateSharing(me, a.id, ["BANK"])).toEqual({ ok: false, formError: "errors.notAllowed" });
    expect(await updatePrivateSection(me, "TAX", { f_taxId: "X" })).toEqual({ ok: false, formError: "errors.notAllowed" });
    const input = publicProfileSchema.parse({ name: "Hijack Co" });
    expect(await updatePublicProfile(me, input)).toEqual({ ok: false, formError: "errors.notAllowed" });
    expect(await uploadDocument(me, new File([new Uint8Array(Buffer.from("%PDF-1.4 x"))], "a.pdf"))).toEqual({ ok: false, formError: "errors.notAllowed" });
    const rel = await db.customerRelationship.findFirstOrThrow({ where: { supplierId: s.supplierId, customerId: a.id } });
    expect(rel.sharedSections).toBe("");
  });

  it("a member limited to customer A can neither preview nor share with customer B", async () => {
    const { s, a, b } = await setup();
    const member = await makeUser(s.supplierId, { permissions: "profile" });
    await limitTo(member.id, [a.id]);
    const me = { user: await asCaller(member.id) };
    expect(await profileAsSeenBy(me.user, b.id)).toBeNull();
    expect(await updateSharing(me, b.id, ["BANK"])).toEqual({ ok: false, formError: "profile:errors.notFound" });
    expect((await loadProfile(me.user)).sharing.map((x) => x.customer.id)).toEqual([a.id]);
    expect(await profileAsSeenBy(me.user, a.id)).not.toBeNull();
  });

  it("another company cannot preview or share", async () => {
    const { a } = await setup();
    const other = await makeSupplier();
    const me = { user: await asCaller(other.userId) };
    expect(await profileAsSeenBy(me.user, a.id)).toBeNull();
    expect(await updateSharing(me, a.id, ["BANK"])).toEqual({ ok: false, formError: "profile:errors.notFound" });
  });
});

describe("profile sections", () => {
  it("validates bank values and writes nothing on bad input", async () => {
    const { s, me } = await setup();
    const r = await updatePrivateSection(me, "BANK", { f_bankName: "", f_accountHolder: "Acme", f_iban: "DE00 0000", f_routingNumber: "123456789" });
    expect(r).toEqual({
      ok: false,
      fieldErrors: { f_bankName: ["validation.required"], f_iban: ["onboarding:validation.iban"], f_routingNumber: ["onboarding:validation.routingNumber"] },
    });
    const row = await db.supplierPrivateSection.findUniqueOrThrow({ where: { supplierId_section: { supplierId: s.supplierId, section: "BANK" } } });
    expect(JSON.parse(row.data).iban).toBe(SECRET_IBAN);
  });

  it("updates the public profile and audits it without bank values", async () => {
    const { s, me } = await setup();
    const input = publicProfileSchema.parse({ name: "Acme Widgets", website: "https://acme.test", country: "cn", categories: "Bolts, Nuts,Bolts" });
    expect(await updatePublicProfile(me, input)).toMatchObject({ ok: true });
    expect(await db.supplierCompany.findUniqueOrThrow({ where: { id: s.supplierId } })).toMatchObject({
      name: "Acme Widgets",
      country: "CN",
      categories: "Bolts,Nuts",
    });
    expect(publicProfileSchema.safeParse({ name: "Acme", website: "javascript:alert(1)" }).success).toBe(false);
    const audits = await db.auditEvent.findMany({ where: { entityId: s.supplierId, action: "profile.section_updated" } });
    expect(audits.map((a) => a.after).join("")).not.toContain(SECRET_IBAN);
  });
});
