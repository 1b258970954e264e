import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";

/** Staff review submitted onboarding: answers per step, approve, send back with a comment. */
let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));
vi.mock("@/server/request", () => ({ clientIp: async () => "10.9.0.4" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db");
const { createStaffUser } = await import("@/features/accounts/service");
const { onboardingForReview } = await import("@/features/onboarding/review");
const { makeCustomer, makeSupplier, PASSWORD } = await import("../support/factories");
const actions = await import("@/app/[lng]/admin/onboarding/actions");

const uid = () => crypto.randomBytes(4).toString("hex");
let staff: SessionUser;

const businessStep = {
  key: "business",
  kind: "business",
  title: { en: "Business details", zh: "企业信息" },
  fields: [
    { key: "taxId", type: "text", label: { en: "Tax ID", zh: "税号" } },
    { key: "size", type: "select", label: { en: "Company size", zh: "公司规模" }, options: [{ value: "small", label: { en: "Small", zh: "小型" } }] },
    { key: "agree", type: "confirm", label: { en: "I confirm", zh: "我确认" } },
    { key: "notes", type: "text", label: { en: "Notes", zh: "备注" }, required: false },
  ],
};
const bankStep = {
  key: "bank",
  kind: "payment",
  title: { en: "Bank", zh: "银行" },
  fields: [{ key: "iban", type: "iban", label: { en: "IBAN", zh: "IBAN" } }],
};

function form(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  fd.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) fd.append(k, value);
  return fd;
}

async function submitted() {
  const s = await makeSupplier();
  const c = await makeCustomer({ requirements: [businessStep, bankStep] });
  const rel = await db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: c.id, origin: "STAFF", onboardingState: "SUBMITTED" } });
  const now = new Date();
  await db.onboardingSubmission.create({
    data: {
      relationshipId: rel.id,
      stepKey: "business",
      status: "SUBMITTED",
      submittedAt: now,
      data: JSON.stringify({ taxId: "DE123", size: "small", agree: true }),
    },
  });
  await db.onboardingSubmission.create({
    data: { relationshipId: rel.id, stepKey: "bank", status: "SUBMITTED", submittedAt: now, data: JSON.stringify({ iban: "DE89370400440532013000" }) },
  });
  return rel;
}

beforeAll(async () => {
  const u = await createStaffUser({ email: `onb-${uid()}@staff.test`, name: "Olga Support", password: PASSWORD, role: "SUPPORT" });
  staff = { id: u.id, email: u.email, name: u.name, locale: "en", kind: "STAFF", staffRole: "SUPPORT", supplierId: null, permissions: [], allCustomers: true };
});

describe("onboarding reviews", () => {
  it("lays out the answers per step", async () => {
    const rel = await submitted();
    const review = (await onboardingForReview(rel.id))!;
    expect(review.state).toBe("SUBMITTED");
    expect(review.steps.map((s) => [s.key, s.status])).toEqual([
      ["business", "SUBMITTED"],
      ["bank", "SUBMITTED"],
    ]);
    expect(review.steps[0].fields.map((f) => [f.key, f.value])).toEqual([
      ["taxId", "DE123"],
      ["size", { en: "Small", zh: "小型" }],
      ["agree", true],
      ["notes", null],
    ]);
    expect(review.steps[1].fields[0].value).toBe("DE89370400440532013000");
    expect(await onboardingForReview("nope")).toBeNull();
  });

  it("approves once, audited; a second approve changes nothing", async () => {
    const rel = await submitted();
    current = staff;
    const first = await actions.approveOnboardingAction(undefined, form({ id: rel.id }));
    const again = await actions.approveOnboardingAction(undefined, form({ id: rel.id }));
    current = null;
    expect(first).toMatchObject({ ok: true, message: "staff:onboarding.approved" });
    expect(again).toMatchObject({ ok: true });
    expect((await db.customerRelationship.findUniqueOrThrow({ where: { id: rel.id } })).onboardingState).toBe("APPROVED");
    expect(await db.auditEvent.count({ where: { action: "onboarding.approved", entityId: rel.id, actorId: staff.id } })).toBe(1);
  });

  it("sends back with a comment, reopening the ticked step; no comment is a field message and writes nothing", async () => {
    const rel = await submitted();
    const audits = await db.auditEvent.count();
    current = staff;
    const empty = await actions.sendBackOnboardingAction(undefined, form({ id: rel.id, comment: " " }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { comment: ["validation.required"] } });
    expect(await db.auditEvent.count()).toBe(audits);
    const sent = await actions.sendBackOnboardingAction(undefined, form({ id: rel.id, comment: "The IBAN belongs to another company.", "steps[]": ["bank"] }));
    const again = await actions.sendBackOnboardingAction(undefined, form({ id: rel.id, comment: "The IBAN belongs to another company.", "steps[]": ["bank"] }));
    const missing = await actions.approveOnboardingAction(undefined, form({ id: "nope" }));
    current = null;
    expect(sent).toMatchObject({ ok: true, message: "staff:onboarding.sentBack" });
    expect(again).toMatchObject({ ok: true });
    expect(missing).toMatchObject({ ok: false, formError: "onboarding:errors.notFound" });
    const after = await db.customerRelationship.findUniqueOrThrow({ where: { id: rel.id }, include: { submissions: true } });
    expect(after.onboardingState).toBe("CHANGES_REQUESTED");
    expect(after.onboardingNote).toBe("The IBAN belongs to another company.");
    expect(Object.fromEntries(after.submissions.map((s) => [s.stepKey, s.status]))).toEqual({ business: "SUBMITTED", bank: "CHANGES_REQUESTED" });
    expect(await db.auditEvent.count({ where: { action: "onboarding.changes_requested", entityId: rel.id } })).toBe(1);
  });
});
