import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const { saveStep, loadOnboarding } = await import("@/features/onboarding/answers");
const { copyAnswers } = await import("@/features/onboarding/copy");
const { approveOnboarding, requestChanges } = await import("@/features/onboarding/review");
const { customerDetail } = await import("@/features/customer-setup/service");
const { MAX_DOCUMENT_BYTES, readDocument } = await import("@/features/profile/documents");
const { db } = await import("@/server/db");
const { env } = await import("@/server/env");
const { makeSupplier, makeUser, makeCustomer } = await import("../support/factories");
const { businessStep, paymentStep, validBusiness, validPayment, connect, asCaller, limitTo } = await import("../customer-setup/fixtures");

afterAll(() => smtp.close());

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2000, 32)]);
const file = (name: string, bytes: Buffer, type = "application/pdf") => new File([new Uint8Array(bytes)], name, { type });
const uploadsOf = (supplierId: string) => {
  const dir = path.join(env.DATA_DIR, "uploads", supplierId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

async function setup(locale: "en" | "zh" = "en") {
  const s = await makeSupplier({ locale });
  const customer = await makeCustomer({ name: "Lakeside Hospital", requirements: [businessStep, paymentStep] });
  const rel = await connect(s.supplierId, customer.id);
  const me = { user: await asCaller(s.userId), ip: "10.1.1.1" };
  return { s, customer, rel, me };
}

describe("drafts", () => {
  it("saves a partial draft, moves the state to in progress, and shows it again", async () => {
    const { customer, rel, me } = await setup();
    const r = await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "draft" }, { f_legalName: "Acme" });
    expect(r).toMatchObject({ ok: true, data: { state: "IN_PROGRESS", stepStatus: "DRAFT" } });
    const view = await loadOnboarding(me.user, customer.id);
    expect(view!.answers.business).toMatchObject({ status: "DRAFT", data: { legalName: "Acme" } });
    expect(view!.progress).toMatchObject({ done: 0, total: 2 });
    expect(await db.auditEvent.count({ where: { entityId: rel.id, action: "onboarding.draft_saved" } })).toBe(1);
  });

  it("refuses a malformed value even in a draft and writes nothing", async () => {
    const { customer, rel, me } = await setup();
    const r = await saveStep(me, { customerId: customer.id, stepKey: "payment", intent: "draft" }, { f_iban: "DE00 1234" });
    expect(r).toEqual({ ok: false, fieldErrors: { f_iban: ["onboarding:validation.iban"] } });
    expect(await db.onboardingSubmission.count({ where: { relationshipId: rel.id } })).toBe(0);
    expect((await db.customerRelationship.findUniqueOrThrow({ where: { id: rel.id } })).onboardingState).toBe("NOT_STARTED");
  });
});

describe("submission", () => {
  it("needs every required field, then submits; all steps in makes the onboarding submitted and the banner goes", async () => {
    const { customer, rel, me } = await setup();
    const missing = await saveStep(me, { customerId: customer.id, stepKey: "payment", intent: "submit" }, { ...validPayment, f_swift: "", f_confirm: "" });
    expect(missing).toEqual({ ok: false, fieldErrors: { f_swift: ["validation.required"], f_confirm: ["validation.mustConfirm"] } });
    expect(await db.onboardingSubmission.count({ where: { relationshipId: rel.id } })).toBe(0);

    expect(await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "submit" }, validBusiness)).toMatchObject({
      ok: true,
      data: { state: "IN_PROGRESS", stepStatus: "SUBMITTED" },
    });
    expect((await customerDetail(me.user, customer.id))!.banners).toEqual({ payment: { stepKey: "payment" } });
    expect(await saveStep(me, { customerId: customer.id, stepKey: "payment", intent: "submit" }, validPayment)).toMatchObject({
      ok: true,
      data: { state: "SUBMITTED" },
    });
    const detail = await customerDetail(me.user, customer.id);
    expect(detail!.banners).toEqual({});
    expect(detail!.progress).toMatchObject({ done: 2, total: 2, percent: 100 });
    const stored = await db.onboardingSubmission.findFirstOrThrow({ where: { relationshipId: rel.id, stepKey: "payment" } });
    expect(JSON.parse(stored.data)).toMatchObject({ iban: "DE89370400440532013000", swift: "DEUTDEFF", confirm: true });
    expect(await db.auditEvent.count({ where: { entityId: rel.id, action: "onboarding.submitted" } })).toBe(1);
  });

  it("a submitted onboarding is locked until staff ask for changes", async () => {
    const { customer, me } = await setup();
    await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "submit" }, validBusiness);
    await saveStep(me, { customerId: customer.id, stepKey: "payment", intent: "submit" }, validPayment);
    expect(await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "draft" }, validBusiness)).toEqual({
      ok: false,
      formError: "onboarding:errors.locked",
    });
  });

  it("a repeated submit changes nothing and records one audit row", async () => {
    const { customer, rel, me } = await setup();
    const input = { customerId: customer.id, stepKey: "business", intent: "submit" as const };
    await Promise.all([saveStep(me, input, validBusiness), saveStep(me, input, validBusiness)]);
    await saveStep(me, input, validBusiness);
    expect(await db.onboardingSubmission.count({ where: { relationshipId: rel.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: rel.id, action: "onboarding.step_submitted" } })).toBe(1);
  });
});

describe("documents", () => {
  it("stores an accepted PDF under the data folder and keeps it on the next save", async () => {
    const { s, customer, me } = await setup();
    const r = await saveStep(
      me,
      { customerId: customer.id, stepKey: "business", intent: "draft" },
      { ...validBusiness, f_certificate: file("licence.pdf", PDF) },
    );
    expect(r.ok).toBe(true);
    const doc = await db.supplierDocument.findFirstOrThrow({ where: { supplierId: s.supplierId } });
    expect(doc).toMatchObject({ filename: "licence.pdf", mimeType: "application/pdf", size: PDF.length });
    expect(uploadsOf(s.supplierId)).toHaveLength(1);
    const again = await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "submit" }, { ...validBusiness, f_certificate__current: doc.id });
    expect(again.ok).toBe(true);
    const view = await loadOnboarding(me.user, customer.id);
    expect(view!.answers.business.data.certificate).toBe(doc.id);
    expect(view!.documents).toEqual([{ id: doc.id, filename: "licence.pdf", size: PDF.length }]);
    expect((await readDocument(s.supplierId, doc.id))!.bytes.equals(PDF)).toBe(true);
    const other = await makeSupplier();
    expect(await readDocument(other.supplierId, doc.id)).toBeNull();
  });

  it("rejects an oversized file and a wrong type with a message and stores nothing", async () => {
    const { s, customer, rel, me } = await setup();
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_DOCUMENT_BYTES + 1)]);
    const tooBig = await saveStep(
      me,
      { customerId: customer.id, stepKey: "business", intent: "draft" },
      { ...validBusiness, f_certificate: file("big.pdf", big) },
    );
    expect(tooBig).toEqual({ ok: false, fieldErrors: { f_certificate: ["profile:documents.tooLarge"] } });
    const exe = await saveStep(
      me,
      { customerId: customer.id, stepKey: "business", intent: "draft" },
      {
        ...validBusiness,
        f_certificate: file("licence.exe", Buffer.from("MZ\x90\x00 not a document"), "application/octet-stream"),
      },
    );
    expect(exe).toEqual({ ok: false, fieldErrors: { f_certificate: ["profile:documents.wrongType"] } });
    // A PDF's name on other bytes is still the wrong type.
    const fake = await saveStep(
      me,
      { customerId: customer.id, stepKey: "business", intent: "draft" },
      { ...validBusiness, f_certificate: file("fake.pdf", Buffer.from("hello")) },
    );
    expect(fake).toEqual({ ok: false, fieldErrors: { f_certificate: ["profile:documents.wrongType"] } });
    expect(await db.supplierDocument.count({ where: { supplierId: s.supplierId } })).toBe(0);
    expect(await db.onboardingSubmission.count({ where: { relationshipId: rel.id } })).toBe(0);
    expect(uploadsOf(s.supplierId)).toEqual([]);
  });

  it("a valid file with another invalid field stores nothing", async () => {
    const { s, customer, me } = await setup();
    const r = await saveStep(
      me,
      { customerId: customer.id, stepKey: "business", intent: "draft" },
      { ...validBusiness, f_contactEmail: "nope", f_certificate: file("ok.pdf", PDF) },
    );
    expect(r.ok).toBe(false);
    expect(await db.supplierDocument.count({ where: { supplierId: s.supplierId } })).toBe(0);
    expect(uploadsOf(s.supplierId)).toEqual([]);
  });

  it("refuses another company's document id", async () => {
    const { customer, me } = await setup();
    const other = await makeSupplier();
    const foreign = await db.supplierDocument.create({
      data: { supplierId: other.supplierId, filename: "x.pdf", mimeType: "application/pdf", size: 1, storagePath: "x" },
    });
    const r = await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "draft" }, { ...validBusiness, f_certificate__current: foreign.id });
    expect(r).toEqual({ ok: false, fieldErrors: { f_certificate: ["validation.invalid"] } });
  });
});

describe("copy answers from another customer", () => {
  it("fills matching fields of a step as a draft", async () => {
    const { s, customer, me } = await setup();
    const other = await makeCustomer({ requirements: [businessStep] });
    await connect(s.supplierId, other.id);
    await saveStep(me, { customerId: other.id, stepKey: "business", intent: "submit" }, validBusiness);
    const r = await copyAnswers(me, { customerId: customer.id, stepKey: "business", fromCustomerId: other.id });
    expect(r).toEqual({ ok: true, data: { copied: 4 }, message: undefined });
    const view = await loadOnboarding(me.user, customer.id);
    expect(view!.answers.business).toMatchObject({ status: "DRAFT", data: { legalName: "Acme Widgets Ltd", country: "CN" } });
    expect(await copyAnswers(me, { customerId: customer.id, stepKey: "payment", fromCustomerId: other.id })).toEqual({
      ok: false,
      formError: "onboarding:copy.nothing",
    });
  });
});

describe("staff review", () => {
  async function submitted(locale: "en" | "zh" = "en") {
    const w = await setup(locale);
    await saveStep(w.me, { customerId: w.customer.id, stepKey: "business", intent: "submit" }, validBusiness);
    await saveStep(w.me, { customerId: w.customer.id, stepKey: "payment", intent: "submit" }, validPayment);
    return w;
  }

  it("approves, notifies the onboarding users and emails them in their language", async () => {
    const w = await submitted("zh");
    const viewer = await makeUser(w.s.supplierId, { permissions: "requests", email: "viewer@example.test" });
    const r = await approveOnboarding({ id: "staff-1" }, w.rel.id);
    expect(r).toMatchObject({ ok: true, data: { state: "APPROVED" } });
    expect((await db.customerRelationship.findUniqueOrThrow({ where: { id: w.rel.id } })).onboardingState).toBe("APPROVED");
    expect(await db.onboardingSubmission.count({ where: { relationshipId: w.rel.id, status: "APPROVED" } })).toBe(2);
    const notes = await db.notification.findMany({ where: { kind: "onboarding:events.approved" } });
    expect(notes.map((n) => n.userId)).toEqual([w.s.userId]);
    expect(notes[0].link).toBe(`/setup/customers?c=${w.customer.id}`);
    expect(await db.notification.count({ where: { userId: viewer.id } })).toBe(0);
    const mail = await smtp.waitFor(w.s.email);
    expect(mail.subject).toBe("Lakeside Hospital 已批准您的入职信息");
    // Approving twice changes nothing more.
    await approveOnboarding({ id: "staff-1" }, w.rel.id);
    expect(await db.notification.count({ where: { kind: "onboarding:events.approved" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: w.rel.id, action: "onboarding.approved", actorType: "STAFF" } })).toBe(1);
  });

  it("requests changes with a comment: steps reopen, the banner returns, the supplier resubmits", async () => {
    const w = await submitted();
    expect(await requestChanges({ id: "staff-1" }, w.rel.id, "  ")).toEqual({ ok: false, fieldErrors: { comment: ["validation.required"] } });
    const r = await requestChanges({ id: "staff-1" }, w.rel.id, "The IBAN belongs to another company.", ["payment"]);
    expect(r).toMatchObject({ ok: true, data: { state: "CHANGES_REQUESTED" } });
    const detail = await customerDetail(w.me.user, w.customer.id);
    expect(detail!.banners).toEqual({ payment: { stepKey: "payment" } });
    expect(detail!.history[0]).toMatchObject({ kind: "onboarding.changes_requested", comment: "The IBAN belongs to another company." });
    const mail = await smtp.waitFor(w.s.email, (m) => /changes/.test(m.subject ?? ""));
    expect(mail.text).toContain("The IBAN belongs to another company.");
    expect(await db.notification.count({ where: { userId: w.s.userId, kind: "onboarding:events.changesRequested" } })).toBe(1);

    expect(
      await saveStep(w.me, { customerId: w.customer.id, stepKey: "payment", intent: "submit" }, { ...validPayment, f_iban: "GB82WEST12345698765432" }),
    ).toMatchObject({
      ok: true,
      data: { state: "SUBMITTED" },
    });
  });

  it("cannot approve what was not submitted", async () => {
    const w = await setup();
    expect(await approveOnboarding({ id: "staff-1" }, w.rel.id)).toEqual({ ok: false, formError: "onboarding:review.notSubmitted" });
  });
});

describe("access limits on actions", () => {
  it("a member limited to customer A cannot read, save, submit or copy anything of customer B", async () => {
    const { s, customer: a, me: admin } = await setup();
    const b = await makeCustomer({ requirements: [businessStep] });
    const relB = await connect(s.supplierId, b.id);
    await saveStep(admin, { customerId: b.id, stepKey: "business", intent: "draft" }, validBusiness);
    const member = await makeUser(s.supplierId, { permissions: "onboarding" });
    await limitTo(member.id, [a.id]);
    const me = { user: await asCaller(member.id) };

    expect(await loadOnboarding(me.user, b.id)).toBeNull();
    expect(await saveStep(me, { customerId: b.id, stepKey: "business", intent: "submit" }, validBusiness)).toEqual({
      ok: false,
      formError: "onboarding:errors.notFound",
    });
    expect(await copyAnswers(me, { customerId: a.id, stepKey: "business", fromCustomerId: b.id })).toEqual({
      ok: false,
      formError: "onboarding:errors.notFound",
    });
    expect((await loadOnboarding(me.user, a.id))!.copySources).toEqual([]);
    expect(await db.onboardingSubmission.findFirstOrThrow({ where: { relationshipId: relB.id } })).toMatchObject({ status: "DRAFT" });
    // Customer A works.
    expect((await saveStep(me, { customerId: a.id, stepKey: "business", intent: "draft" }, validBusiness)).ok).toBe(true);
  });

  it("needs the onboarding permission to change anything", async () => {
    const { s, customer, rel } = await setup();
    const viewer = await makeUser(s.supplierId, { permissions: "profile" });
    const me = { user: await asCaller(viewer.id) };
    expect(await loadOnboarding(me.user, customer.id)).not.toBeNull();
    expect(await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "draft" }, validBusiness)).toEqual({
      ok: false,
      formError: "errors.notAllowed",
    });
    expect(await db.onboardingSubmission.count({ where: { relationshipId: rel.id } })).toBe(0);
  });

  it("another company cannot touch the relationship", async () => {
    const { customer, rel } = await setup();
    const other = await makeSupplier();
    const me = { user: await asCaller(other.userId) };
    expect(await saveStep(me, { customerId: customer.id, stepKey: "business", intent: "draft" }, validBusiness)).toEqual({
      ok: false,
      formError: "onboarding:errors.notFound",
    });
    expect(await db.onboardingSubmission.count({ where: { relationshipId: rel.id } })).toBe(0);
  });
});
