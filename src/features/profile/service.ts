import { relationshipScope, type ScopedUser } from "@/features/customer-setup/scope";
import { parseAnswers, validateStep, type Answers } from "@/features/onboarding/fields";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { can, type Permission } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import { checkUpload, isUpload, listDocuments, storeDocument, type UploadLike } from "./documents";
import { isPrivateSection, privateSections, sectionFields, type PrivateSection, type PublicProfileInput } from "./schemas";

/**
 * The supplier profile: public fields on SupplierCompany (seen by every
 * connected customer) and private sections (SupplierPrivateSection), each
 * shown to a customer only when shared with it (CustomerRelationship.sharedSections).
 */
export type ProfileUser = ScopedUser & { permissions: Permission[] };
interface Caller {
  user: ProfileUser;
  ip?: string;
}

export function parseShared(csv: string): PrivateSection[] {
  return csv.split(",").map((s) => s.trim()).filter(isPrivateSection);
}


const publicSelect = {
  id: true, name: true, description: true, website: true, addressLine: true, city: true, country: true, categories: true,
} as const;

/** The profile page: public fields, private sections, documents, and sharing per customer the caller may see. */
export async function loadProfile(user: ScopedUser) {
  const [company, sections, documents, relationships] = await Promise.all([
    db.supplierCompany.findUniqueOrThrow({ where: { id: user.supplierId }, select: publicSelect }),
    db.supplierPrivateSection.findMany({ where: { supplierId: user.supplierId } }),
    listDocuments(user.supplierId),
    db.customerRelationship.findMany({
      where: relationshipScope(user),
      include: { customer: { select: { id: true, name: true, nameZh: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const data: Partial<Record<PrivateSection, Answers>> = {};
  for (const s of sections) if (isPrivateSection(s.section)) data[s.section] = parseAnswers(s.data);
  return {
    company,
    sections: data,
    documents,
    sharing: relationships.map((r) => ({ customer: r.customer, shared: parseShared(r.sharedSections) })),
  };
}

export async function updatePublicProfile({ user, ip }: Caller, input: PublicProfileInput): Promise<ActionResult<undefined>> {
  if (!can(user.permissions, "profile")) return fail("errors.notAllowed");
  return db.$transaction(async (tx) => {
    const before = await tx.supplierCompany.findUniqueOrThrow({ where: { id: user.supplierId }, select: publicSelect });
    await tx.supplierCompany.update({ where: { id: user.supplierId }, data: input });
    await audit(tx, { type: "USER", id: user.id, ip }, {
      action: "profile.public_updated", entityType: "SupplierCompany", entityId: user.supplierId, before, after: input,
    });
    return ok(undefined, "profile:saved");
  });
}

/** Saves one private form section (TAX, REMIT_TO, BANK, CONTACTS). Values are checked like onboarding fields. */
export async function updatePrivateSection(
  { user, ip }: Caller,
  section: Exclude<PrivateSection, "DOCUMENTS">,
  raw: Record<string, unknown>,
): Promise<ActionResult<undefined>> {
  if (!can(user.permissions, "profile")) return fail("errors.notAllowed");
  const checked = validateStep({ fields: sectionFields[section] }, raw, "submit");
  if (!checked.ok) return { ok: false, fieldErrors: checked.errors };
  const data = JSON.stringify(checked.answers);
  return db.$transaction(async (tx) => {
    const before = await tx.supplierPrivateSection.findUnique({ where: { supplierId_section: { supplierId: user.supplierId, section } } });
    await tx.supplierPrivateSection.upsert({
      where: { supplierId_section: { supplierId: user.supplierId, section } },
      create: { supplierId: user.supplierId, section, data },
      update: { data },
    });
    // Audit which fields changed, never the bank or tax values themselves.
    const old = before ? parseAnswers(before.data) : {};
    const changed = sectionFields[section].map((f) => f.key).filter((k) => old[k] !== checked.answers[k]);
    await audit(tx, { type: "USER", id: user.id, ip }, {
      action: "profile.section_updated", entityType: "SupplierCompany", entityId: user.supplierId, after: { section, changed },
    });
    return ok(undefined, "profile:saved");
  });
}

/** Uploads a document to the DOCUMENTS section. A rejected file stores nothing. */
export async function uploadDocument({ user, ip }: Caller, file: UploadLike | unknown): Promise<ActionResult<{ id: string }>> {
  if (!can(user.permissions, "profile")) return fail("errors.notAllowed");
  if (!isUpload(file)) return { ok: false, fieldErrors: { file: ["profile:documents.choose"] } };
  const checked = await checkUpload(file);
  if (!checked.ok) return { ok: false, fieldErrors: { file: [checked.error] } };
  let discard: (() => Promise<void>) | undefined;
  try {
    return await db.$transaction(async (tx) => {
      const stored = await storeDocument(tx, user.supplierId, checked.file);
      discard = stored.discard;
      await audit(tx, { type: "USER", id: user.id, ip }, {
        action: "profile.document_uploaded", entityType: "SupplierDocument", entityId: stored.doc.id,
        after: { filename: stored.doc.filename, size: stored.doc.size },
      });
      return ok({ id: stored.doc.id }, "profile:documents.uploaded");
    });
  } catch (error) {
    await discard?.();
    throw error;
  }
}

/** Which private sections one connected customer may see. */
export async function updateSharing(
  { user, ip }: Caller,
  customerId: string,
  sections: PrivateSection[],
): Promise<ActionResult<undefined>> {
  if (!can(user.permissions, "profile")) return fail("errors.notAllowed");
  const shared = privateSections.filter((s) => sections.includes(s)).join(",");
  return db.$transaction(async (tx) => {
    const rel = await tx.customerRelationship.findFirst({ where: { ...relationshipScope(user), customerId } });
    if (!rel) return fail("profile:errors.notFound");
    if (rel.sharedSections === shared) return ok(undefined, "profile:sharing.saved");
    await tx.customerRelationship.update({ where: { id: rel.id }, data: { sharedSections: shared } });
    await audit(tx, { type: "USER", id: user.id, ip }, {
      action: "profile.sharing_updated", entityType: "CustomerRelationship", entityId: rel.id,
      before: { sharedSections: rel.sharedSections }, after: { sharedSections: shared },
    });
    return ok(undefined, "profile:sharing.saved");
  });
}

/**
 * The profile exactly as one connected customer sees it: the public fields and
 * only the private sections shared with it. Null when the caller may not see
 * this customer. Unshared sections are never read, so they cannot leak.
 */
export async function profileAsSeenBy(user: ScopedUser, customerId: string) {
  const rel = await db.customerRelationship.findFirst({
    where: { ...relationshipScope(user), customerId },
    include: { customer: { select: { id: true, name: true, nameZh: true } } },
  });
  if (!rel) return null;
  return profileForCustomer(user.supplierId, rel.customer.id).then((p) => p && { ...p, customer: rel.customer });
}

/** What a customer sees of a supplier (for the customer side and the preview). */
export async function profileForCustomer(supplierId: string, customerId: string) {
  const rel = await db.customerRelationship.findUnique({ where: { supplierId_customerId: { supplierId, customerId } } });
  if (!rel) return null;
  const shared = parseShared(rel.sharedSections);
  const formSections = shared.filter((s): s is Exclude<PrivateSection, "DOCUMENTS"> => s !== "DOCUMENTS");
  const [company, rows, documents] = await Promise.all([
    db.supplierCompany.findUniqueOrThrow({ where: { id: supplierId }, select: publicSelect }),
    formSections.length ? db.supplierPrivateSection.findMany({ where: { supplierId, section: { in: formSections } } }) : Promise.resolve([]),
    shared.includes("DOCUMENTS")
      ? db.supplierDocument.findMany({ where: { supplierId }, select: { id: true, filename: true, size: true, createdAt: true }, orderBy: { createdAt: "desc" } })
      : Promise.resolve(null),
  ]);
  const sections: Partial<Record<PrivateSection, Answers>> = {};
  for (const r of rows) if (isPrivateSection(r.section) && shared.includes(r.section)) sections[r.section] = parseAnswers(r.data);
  return { company, shared, sections, documents };
}
