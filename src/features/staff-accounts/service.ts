import crypto from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/server/passwords";
import type { StaffRole } from "@/lib/permissions";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { newToken } from "@/server/tokens";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import type { CreateStaffInput } from "./schemas";

/** How long the emailed set-password link of a new staff account lives. */
export const SET_PASSWORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  staffRole: StaffRole;
  status: "ACTIVE" | "DEACTIVATED";
  locale: string;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const select = { id: true, email: true, name: true, staffRole: true, status: true, locale: true, lastSignInAt: true, createdAt: true } as const;

export async function listStaff(page = 1): Promise<Paged<StaffRow>> {
  const where = { kind: "STAFF" };
  const { skip, take, page: p } = pageArgs(page);
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select, orderBy: [{ status: "asc" }, { email: "asc" }], skip, take }),
    db.user.count({ where }),
  ]);
  return paged(rows as StaffRow[], total, p);
}

export type StaffResult = { ok: true; userId: string } | { ok: false; error: "emailTaken" | "notFound" | "lastAdministrator" | "self" | "unchanged" };

/**
 * Creates a staff account. With setup "link" the account gets an unusable
 * password and its owner an emailed link (a PASSWORD_RESET token, opened on the
 * ordinary reset page) to choose one.
 */
export async function createStaffAccount(input: CreateStaffInput, actor: Actor): Promise<StaffResult> {
  const password = input.setup === "password" ? input.password : crypto.randomBytes(32).toString("base64url");
  const passwordHash = await hashPassword(password);
  const link = input.setup === "link" ? newToken() : null;
  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, kind: "STAFF", staffRole: input.role, locale: input.locale },
      });
      if (link) {
        await tx.oneTimeToken.create({
          data: { tokenHash: link.hash, purpose: "PASSWORD_RESET", userId: user.id, expiresAt: new Date(Date.now() + SET_PASSWORD_TTL_MS) },
        });
      }
      await audit(tx, actor, {
        action: "staff.created",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, name: user.name, role: input.role, locale: input.locale, setup: input.setup },
      });
      return user.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "emailTaken" };
    throw error;
  }
  if (link) await mailSetPasswordLink({ id: userId, email: input.email, name: input.name, locale: input.locale }, link.token);
  return { ok: true, userId };
}

function mailSetPasswordLink(user: { id: string; email: string; name: string; locale: string }, token: string) {
  return sendMail({
    to: user.email,
    locale: user.locale,
    template: "staff:welcomeMail",
    params: { name: user.name },
    actionUrl: portalUrl(`/${user.locale}/reset-password/${token}`),
    secret: { kind: "staffSetPassword", id: user.id },
  });
}

/**
 * A fresh set-password link for an active staff account whose welcome email
 * failed (the stored copy holds no link); older unused links stop working.
 */
export async function reissueSetPasswordLink(userId: string, actor: Actor): Promise<{ ok: true; mailStatus: string } | { ok: false }> {
  const user = await db.user.findFirst({ where: { id: userId, kind: "STAFF", status: "ACTIVE" } });
  if (!user) return { ok: false };
  const link = newToken();
  await db.$transaction(async (tx) => {
    await tx.oneTimeToken.deleteMany({ where: { purpose: "PASSWORD_RESET", userId: user.id, usedAt: null } });
    await tx.oneTimeToken.create({
      data: { tokenHash: link.hash, purpose: "PASSWORD_RESET", userId: user.id, expiresAt: new Date(Date.now() + SET_PASSWORD_TTL_MS) },
    });
    await audit(tx, actor, { action: "staff.set_password_link_reissued", entityType: "User", entityId: user.id });
  });
  const mail = await mailSetPasswordLink(user, link.token);
  return { ok: true, mailStatus: mail.status };
}

async function activeAdministrators(tx: Tx, except: string): Promise<number> {
  return tx.user.count({ where: { kind: "STAFF", staffRole: "ADMINISTRATOR", status: "ACTIVE", id: { not: except } } });
}

/**
 * Applies a change to one staff account inside a transaction that also checks
 * that an active administrator remains and writes the audit row.
 */
async function changeStaff(
  id: string,
  actor: Actor & { id?: string },
  action: string,
  change: (user: { status: string; staffRole: string | null }) => Prisma.UserUpdateInput | null,
): Promise<StaffResult> {
  if (actor.id === id) return { ok: false, error: "self" };
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id, kind: "STAFF" }, select: { id: true, status: true, staffRole: true, sessionVersion: true } });
    if (!user) return { ok: false as const, error: "notFound" as const };
    const data = change(user);
    if (!data) return { ok: false as const, error: "unchanged" as const };
    const after = { status: (data.status as string) ?? user.status, staffRole: (data.staffRole as string) ?? user.staffRole };
    const staysAdmin = after.status === "ACTIVE" && after.staffRole === "ADMINISTRATOR";
    const wasAdmin = user.status === "ACTIVE" && user.staffRole === "ADMINISTRATOR";
    if (wasAdmin && !staysAdmin && (await activeAdministrators(tx, id)) === 0) {
      return { ok: false as const, error: "lastAdministrator" as const };
    }
    // Conditional on what was read, so a concurrent change makes this one a no-op.
    const updated = await tx.user.updateMany({
      where: { id, status: user.status, staffRole: user.staffRole, sessionVersion: user.sessionVersion },
      data: data as Prisma.UserUpdateManyMutationInput,
    });
    if (updated.count !== 1) return { ok: false as const, error: "unchanged" as const };
    await audit(tx, actor, {
      action,
      entityType: "User",
      entityId: id,
      before: { status: user.status, staffRole: user.staffRole },
      after,
    });
    return { ok: true as const, userId: id };
  });
}

/** Ends every session of the account and blocks sign-in; the last active administrator stays. */
export function deactivateStaff(id: string, actor: Actor) {
  return changeStaff(id, actor, "staff.deactivated", (u) => (u.status === "ACTIVE" ? { status: "DEACTIVATED", sessionVersion: { increment: 1 } } : null));
}

export function reactivateStaff(id: string, actor: Actor) {
  return changeStaff(id, actor, "staff.reactivated", (u) =>
    u.status === "DEACTIVATED" ? { status: "ACTIVE", failedSignIns: 0, lockedUntil: null, sessionVersion: { increment: 1 } } : null,
  );
}

/** Changes the role; it applies at the account's next request (the session reads it from the database). */
export function changeStaffRole(id: string, role: StaffRole, actor: Actor) {
  return changeStaff(id, actor, "staff.role_changed", (u) => (u.staffRole === role ? null : { staffRole: role }));
}
