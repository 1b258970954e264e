import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";

/**
 * Item 9: bank details, tax identifiers and documents are read only by users
 * who may manage the profile (permission "profile"; admins hold every
 * permission). Withheld sections never leave the database for anyone else:
 * not on the profile page, not in the "view as customer" preview, not through
 * the document download route. Contacts and the remit-to address stay readable.
 */
let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));

const { loadProfile, profileAsSeenBy, updatePrivateSection, updateSharing } = await import("@/features/profile/service");
const { saveStep } = await import("@/features/onboarding/answers");
const { db } = await import("@/server/db");
const { env } = await import("@/server/env");
const { makeSupplier, makeUser, makeCustomer } = await import("../support/factories");
const { businessStep, connect, asCaller, validBusiness } = await import("../customer-setup/fixtures");
const documentRoute = await import("@/app/[lng]/(portal)/profile/documents/[id]/route");

const IBAN = "DE89370400440532013000";
const TAX_ID = "91310000MA1FL0001X";
const CONTACT = "li.wei@acme.test";
const REMIT = "Acme Remittance Ltd";

async function company() {
  const s = await makeSupplier();
  const admin = { user: await asCaller(s.userId) };
  const customer = await makeCustomer({ requirements: [businessStep] });
  await connect(s.supplierId, customer.id);
  expect(await updatePrivateSection(admin, "TAX", { f_taxId: TAX_ID })).toMatchObject({ ok: true });
  expect(await updatePrivateSection(admin, "BANK", { f_bankName: "Harbour Bank", f_accountHolder: "Acme", f_iban: IBAN })).toMatchObject({ ok: true });
  expect(await updatePrivateSection(admin, "CONTACTS", { f_primaryName: "Li Wei", f_primaryEmail: CONTACT })).toMatchObject({ ok: true });
  expect(await updatePrivateSection(admin, "REMIT_TO", { f_remitName: REMIT, f_remitAddress: "1 Quay Road", f_remitCountry: "GB" })).toMatchObject({
    ok: true,
  });
  expect(await updateSharing(admin, customer.id, ["TAX", "BANK", "CONTACTS", "REMIT_TO", "DOCUMENTS"])).toMatchObject({ ok: true });
  // A real stored file, so the download route can serve it.
  const storagePath = `${s.supplierId}/bank-letter.pdf`;
  await fs.mkdir(path.join(env.DATA_DIR, "uploads", s.supplierId), { recursive: true });
  await fs.writeFile(path.join(env.DATA_DIR, "uploads", storagePath), "%PDF-1.4 bank letter");
  const doc = await db.supplierDocument.create({
    data: { supplierId: s.supplierId, filename: "bank-letter.pdf", mimeType: "application/pdf", size: 20, storagePath },
  });
  const member = async (permissions: string) => asCaller((await makeUser(s.supplierId, { permissions })).id);
  return { s, admin, customer, doc, member };
}

const download = async (user: SessionUser | null, id: string) => {
  current = user;
  try {
    return await documentRoute.GET(new Request(`http://portal.test/en/profile/documents/${id}`), { params: Promise.resolve({ lng: "en", id }) });
  } finally {
    current = null;
  }
};

describe("private profile sections: who reads what", () => {
  it("a member without the profile permission gets no bank, tax or documents on the profile page, but contacts and remit-to", async () => {
    const { member } = await company();
    for (const permissions of ["", "requests", "onboarding,requests,users"]) {
      const profile = await loadProfile(await member(permissions));
      const json = JSON.stringify(profile);
      expect(json).not.toContain(IBAN);
      expect(json).not.toContain(TAX_ID);
      expect(json).not.toContain("bank-letter.pdf");
      expect(profile.sections.BANK).toBeUndefined();
      expect(profile.sections.TAX).toBeUndefined();
      expect(profile.documents).toEqual([]);
      expect(profile.withheld).toEqual(["TAX", "BANK", "DOCUMENTS"]);
      expect(profile.sections.CONTACTS?.primaryEmail).toBe(CONTACT);
      expect(profile.sections.REMIT_TO?.remitName).toBe(REMIT);
    }
  });

  it("users who may manage the profile (profile permission, admins) read every section", async () => {
    const { admin, member } = await company();
    for (const user of [admin.user, await member("profile")]) {
      const profile = await loadProfile(user);
      expect(profile.withheld).toEqual([]);
      expect(profile.sections.BANK?.iban).toBe(IBAN);
      expect(profile.sections.TAX?.taxId).toBe(TAX_ID);
      expect(profile.documents.map((d) => d.filename)).toEqual(["bank-letter.pdf"]);
    }
  });

  it("the 'view as customer' preview withholds the same sections, even when they are shared", async () => {
    const { admin, customer, member } = await company();
    const restricted = await profileAsSeenBy(await member("onboarding"), customer.id);
    expect(restricted!.shared).toEqual(["TAX", "REMIT_TO", "BANK", "CONTACTS", "DOCUMENTS"]);
    expect(restricted!.withheld).toEqual(["TAX", "BANK", "DOCUMENTS"]);
    expect(restricted!.documents).toBeNull();
    const json = JSON.stringify(restricted);
    expect(json).not.toContain(IBAN);
    expect(json).not.toContain(TAX_ID);
    expect(json).not.toContain("bank-letter.pdf");
    expect(json).toContain(CONTACT);

    const full = await profileAsSeenBy(admin.user, customer.id);
    expect(full!.withheld).toEqual([]);
    expect(JSON.stringify(full)).toContain(IBAN);
    expect(full!.documents!.map((d) => d.filename)).toEqual(["bank-letter.pdf"]);
  });

  it("the document route serves a document only to users who may read documents (another company's admin gets a 404)", async () => {
    const { admin, doc, member } = await company();
    const ok = await download(admin.user, doc.id);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).toString()).toContain("bank letter");
    expect((await download(await member("profile"), doc.id)).status).toBe(200);

    expect((await download(await member("requests,users"), doc.id)).status).toBe(404);
    expect((await download(await member("onboarding"), doc.id)).status).toBe(404);
    expect((await download(null, doc.id)).status).toBe(404);
    const other = await makeSupplier();
    expect((await download(await asCaller(other.userId), doc.id)).status).toBe(404);
  });

  it("an onboarding member still downloads a document attached to an onboarding answer of a customer they see", async () => {
    const { s, customer, member } = await company();
    const rel = await db.customerRelationship.findFirstOrThrow({ where: { supplierId: s.supplierId, customerId: customer.id } });
    const attached = await db.supplierDocument.create({
      data: { supplierId: s.supplierId, filename: "licence.pdf", mimeType: "application/pdf", size: 20, storagePath: `${s.supplierId}/bank-letter.pdf` },
    });
    await db.onboardingSubmission.create({ data: { relationshipId: rel.id, stepKey: "business", data: JSON.stringify({ certificate: attached.id }) } });
    expect((await download(await member("onboarding"), attached.id)).status).toBe(200);
    // Without the onboarding permission, or limited to another customer: not found.
    expect((await download(await member("requests"), attached.id)).status).toBe(404);
    const limited = await makeUser(s.supplierId, { permissions: "onboarding", allCustomers: false });
    const other = await makeCustomer();
    await connect(s.supplierId, other.id);
    await db.userCustomerAccess.create({ data: { userId: limited.id, customerId: other.id } });
    expect((await download(await asCaller(limited.id), attached.id)).status).toBe(404);
  });

  it("an onboarding member cannot attach a profile document they may not read to an answer (and so download it)", async () => {
    const { customer, doc, member } = await company();
    const user = await member("onboarding");
    const input = { customerId: customer.id, stepKey: "business", intent: "draft" as const };
    const result = await saveStep({ user }, input, { ...validBusiness, f_certificate__current: doc.id });
    expect(result).toMatchObject({ ok: false, fieldErrors: { f_certificate: ["validation.invalid"] } });
    expect((await download(user, doc.id)).status).toBe(404);
  });
});
