import { relationshipScope, type ScopedUser } from "@/server/access";
import { parseAnswers, validateStep, type Answers } from "@/features/requirements/fields";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { can, type Permission } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import {
  findRelationship,
  relationshipBetween,
  relationshipsWithCustomerNames,
  relationshipWithCustomerNames,
  setSharedSections,
} from "@/features/relationships/service";
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
  return csv
    .split(",")
    .map((s) => s.trim())
    .filter(isPrivateSection);
}

/**
 * Sections only users who may manage the profile (permission "profile"; admins
 * hold every permission) can read: bank details and tax identifiers are what
 * payment fraud needs, and documents may be bank letters. Contacts and the
 * remit-to address stay readable by every colleague (they are printed on
 * invoices and needed to answer customers). Withheld sections are never read
 * from the database for other users, so no page can leak them.
 */
export const restrictedSections: readonly PrivateSection[] = ["BANK", "TAX", "DOCUMENTS"];

/** The private sections `permissions` may read, and those withheld from them. */
export function sectionAccess(permissions: readonly Permission[]) {
  const all = can(permissions, "profile");
  return {
    readable: privateSections.filter((s) => all || !restrictedSections.includes(s)),
    withheld: all ? [] : privateSections.filter((s) => restrictedSections.includes(s)),
  };
}

const publicSelect = {
  id: true,
  name: true,
  description: true,
  website: true,
  addressLine: true,
  city: true,
  country: true,
  categories: true,
} as const;

/**
 * The profile page: public fields, the private sections and documents the
 * caller may read (see `restrictedSections`), and sharing per customer the caller may see.
 */
/** The company's name, for greetings ("" when it is gone). */
export async function companyName(supplierId: string): Promise<string> {
  const company = await db.supplierCompany.findUnique({ where: { id: supplierId }, select: { name: true } });
  return company?.name ?? "";
}

export async function loadProfile(user: ProfileUser) {
  const { readable, withheld } = sectionAccess(user.permissions);
  const [company, sections, documents, relationships] = await Promise.all([
    db.supplierCompany.findUniqueOrThrow({ where: { id: user.supplierId }, select: publicSelect }),
    db.supplierPrivateSection.findMany({ where: { supplierId: user.supplierId, section: { in: [...readable] } } }),
    readable.includes("DOCUMENTS") ? listDocuments(user.supplierId) : Promise.resolve([]),
    relationshipsWithCustomerNames(relationshipScope(user)),
  ]);
  const data: Partial<Record<PrivateSection, Answers>> = {};
  for (const s of sections) if (isPrivateSection(s.section) && readable.includes(s.section)) data[s.section] = parseAnswers(s.data);
  return {
    company,
    /** The caller may read the profile but not change it (no "profile" permission) */
    readOnly: !can(user.permissions, "profile"),
    sections: data,
    withheld,
    documents,
    sharing: relationships.map((r) => ({ customer: r.customer, shared: parseShared(r.sharedSections) })),
  };
}

export async function updatePublicProfile({ user, ip }: Caller, input: PublicProfileInput): Promise<ActionResult<undefined>> {
  if (!can(user.permissions, "profile")) return fail("errors.notAllowed");
  return db.$transaction(async (tx) => {
    const before = await tx.supplierCompany.findUniqueOrThrow({ where: { id: user.supplierId }, select: publicSelect });
    await tx.supplierCompany.update({ where: { id: user.supplierId }, data: input });
    await audit(
      tx,
      { type: "USER", id: user.id, ip },
      {
        action: "profile.public_updated",
        entityType: "SupplierCompany",
        entityId: user.supplierId,
        before,
        after: input,
      },
    );
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
    await audit(
      tx,
      { type: "USER", id: user.id, ip },
      {
        action: "profile.section_updated",
        entityType: "SupplierCompany",
        entityId: user.supplierId,
        after: { section, changed },
      },
    );
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
      await audit(
        tx,
        { type: "USER", id: user.id, ip },
        {
          action: "profile.document_uploaded",
          entityType: "SupplierDocument",
          entityId: stored.doc.id,
          after: { filename: stored.doc.filename, size: stored.doc.size },
        },
      );
      return ok({ id: stored.doc.id }, "profile:documents.uploaded");
    });
  } catch (error) {
    await discard?.();
    throw error;
  }
}

/** Which private sections one connected customer may see. */
export async function updateSharing({ user, ip }: Caller, customerId: string, sections: PrivateSection[]): Promise<ActionResult<undefined>> {
  if (!can(user.permissions, "profile")) return fail("errors.notAllowed");
  const shared = privateSections.filter((s) => sections.includes(s)).join(",");
  return db.$transaction(async (tx) => {
    const rel = await findRelationship({ ...relationshipScope(user), customerId }, tx);
    if (!rel) return fail("profile:errors.notFound");
    if (rel.sharedSections === shared) return ok(undefined, "profile:sharing.saved");
    await setSharedSections(tx, rel.id, shared);
    await audit(
      tx,
      { type: "USER", id: user.id, ip },
      {
        action: "profile.sharing_updated",
        entityType: "CustomerRelationship",
        entityId: rel.id,
        before: { sharedSections: rel.sharedSections },
        after: { sharedSections: shared },
      },
    );
    return ok(undefined, "profile:sharing.saved");
  });
}

/**
 * The profile exactly as one connected customer sees it: the public fields and
 * only the private sections shared with it. Null when the caller may not see
 * this customer. Unshared sections are never read, so they cannot leak; nor
 * are the sections the caller may not read (`withheld`).
 */
export async function profileAsSeenBy(user: ProfileUser, customerId: string) {
  const rel = await relationshipWithCustomerNames({ ...relationshipScope(user), customerId });
  if (!rel) return null;
  const { readable } = sectionAccess(user.permissions);
  return profileForCustomer(user.supplierId, rel.customer.id, readable).then(
    (p) => p && { ...p, customer: rel.customer, withheld: p.shared.filter((s) => !readable.includes(s)) },
  );
}

/**
 * What a customer sees of a supplier (for the customer side and the preview).
 * `readable` limits the sections read further (a supplier user's own preview).
 */
export async function profileForCustomer(supplierId: string, customerId: string, readable: readonly PrivateSection[] = privateSections) {
  const rel = await relationshipBetween(supplierId, customerId);
  if (!rel) return null;
  const shared = parseShared(rel.sharedSections);
  const visible = shared.filter((s) => readable.includes(s));
  const formSections = visible.filter((s): s is Exclude<PrivateSection, "DOCUMENTS"> => s !== "DOCUMENTS");
  const [company, rows, documents] = await Promise.all([
    db.supplierCompany.findUniqueOrThrow({ where: { id: supplierId }, select: publicSelect }),
    formSections.length ? db.supplierPrivateSection.findMany({ where: { supplierId, section: { in: formSections } } }) : Promise.resolve([]),
    visible.includes("DOCUMENTS")
      ? db.supplierDocument.findMany({
          where: { supplierId },
          select: { id: true, filename: true, size: true, createdAt: true },
          orderBy: { createdAt: "desc" },
        })
      : Promise.resolve(null),
  ]);
  const sections: Partial<Record<PrivateSection, Answers>> = {};
  for (const r of rows) if (isPrivateSection(r.section) && visible.includes(r.section)) sections[r.section] = parseAnswers(r.data);
  return { company, shared, sections, documents };
}
