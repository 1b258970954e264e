import { notFound, redirect } from "next/navigation";
import { can, type Permission, type StaffRole } from "@/lib/permissions";
import { asScopedUser, type ScopedUser } from "./access";
import { getSessionUser, type SessionUser } from "./session";

/**
 * Authorisation for pages and route handlers, the same checks as the action
 * wrappers in ./action.ts. A page calls one guard first and gets the checked
 * caller; it never reads the session or compares roles itself.
 */

export type SupplierUser = ScopedUser & SessionUser;

/** Whether a session user is a supplier user holding `permission` (admins hold every one). */
export function supplierWith(user: SessionUser | null, permission: Permission | null): SupplierUser | null {
  const supplier = user && asScopedUser(user);
  if (!supplier || (permission && !can(supplier.permissions, permission))) return null;
  return supplier;
}

/** Public pages that look different to a signed-in visitor: the user, or null for anyone else. */
export async function currentUser(): Promise<SessionUser | null> {
  return getSessionUser();
}

/** Pages: the signed-in user, or a redirect to sign-in that comes back to `next`. */
export async function requireUser(lng: string, next?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/${lng}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  return user;
}

/**
 * Pages: a supplier user, with `permission` when given. Anonymous visitors go
 * to sign-in; a signed-in caller without the right gets `null`, for pages that
 * explain the refusal, or a 404 with `{ orNotFound: true }`.
 */
export async function requireSupplier(lng: string, permission: Permission | null, next: string, options: { orNotFound: true }): Promise<SupplierUser>;
export async function requireSupplier(lng: string, permission: Permission | null, next?: string): Promise<SupplierUser | null>;
export async function requireSupplier(lng: string, permission: Permission | null, next?: string, options?: { orNotFound: true }): Promise<SupplierUser | null> {
  const user = await requireUser(lng, next);
  if (user.kind === "SUPPLIER") enrolFirst(user, lng);
  const supplier = supplierWith(user, permission);
  if (!supplier && options?.orNotFound) notFound();
  return supplier;
}

/** Pages: a staff user (of `role` when given); anyone else gets a 404, so the admin area is not advertised. */
export async function requireStaff(lng: string, role?: StaffRole): Promise<SessionUser> {
  const user = await requireUser(lng);
  if (user.kind !== "STAFF" || (role === "ADMINISTRATOR" && user.staffRole !== "ADMINISTRATOR")) notFound();
  enrolFirst(user, lng);
  return user;
}

/**
 * Staff, and users of a company that requires it, enrol a second factor
 * before anything else: their pages send them to the enrolment page (and their
 * actions refuse, see ./action.ts).
 */
export function enrolFirst(user: SessionUser, lng: string): void {
  if (user.mustEnrol) redirect(`/${lng}/two-factor?required=1`);
}

/**
 * Route handlers: the supplier user with `permission`, or the Response to
 * return (404 for an unknown caller, so ids are not confirmed to outsiders).
 */
export async function supplierRoute(permission: Permission | null): Promise<SupplierUser | Response> {
  const user = await getSessionUser();
  if (user?.mustEnrol) return new Response("Not found", { status: 404 });
  return supplierWith(user, permission) ?? new Response("Not found", { status: 404 });
}
