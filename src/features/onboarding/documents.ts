import { ownedDocumentId, readDocument } from "@/features/profile/documents";
import type { RelationshipWhere } from "@/features/relationships/service";
import { can, type Permission } from "@/lib/permissions";
import { relationshipScope, type ScopedUser } from "@/server/access";
import { db } from "@/server/db";

type DocumentUser = ScopedUser & { permissions: readonly Permission[] };

/**
 * Which of the company's documents a supplier user may open or attach: the
 * profile's documents belong to profile/, the answers that point at them to
 * onboarding, so the rule lives here, above both.
 */

/** Whether document `id` is the answer of a step in the onboarding of a relationship matching `relationship`. */
export async function documentInAnswers(relationship: RelationshipWhere, id: string): Promise<boolean> {
  // Answers are stored as JSON: a document answer is its id as a JSON string.
  return (await db.onboardingSubmission.count({ where: { relationship, data: { contains: JSON.stringify(id) } } })) > 0;
}

/**
 * The id of the company's document `id` when the caller may use it, else null:
 * any of the company's documents with the profile permission (it reads the
 * DOCUMENTS section); otherwise, with the onboarding permission, only one
 * already attached to an answer within `attachedIn` (the caller's relationships).
 */
export async function usableDocumentId(user: DocumentUser, id: string, attachedIn: RelationshipWhere): Promise<string | null> {
  const owned = await ownedDocumentId(user.supplierId, id);
  if (!owned) return null;
  if (can(user.permissions, "profile")) return owned;
  if (!can(user.permissions, "onboarding")) return null;
  return (await documentInAnswers(attachedIn, owned)) ? owned : null;
}

/**
 * A document for download by a supplier user (the rule of usableDocumentId,
 * over every relationship in the caller's scope), with its bytes. Null (a 404)
 * for everything else, another company's id included.
 */
export async function documentForUser(user: DocumentUser, id: string) {
  return (await usableDocumentId(user, id, relationshipScope(user))) ? readDocument(user.supplierId, id) : null;
}
