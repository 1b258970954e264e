import { Prisma } from "@/generated/prisma/client";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { canGrant } from "@/lib/permissions";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import {
  actorOf,
  checkGrant,
  companyName,
  INVITE_PURPOSE,
  inviteEntity,
  issueInvite,
  loadManager,
  normalise,
  Refused,
  run,
  sendInviteMail,
  type InviteData,
  type Loaded,
  type Manager,
} from "./core";
import type { InviteInput } from "./schemas";

/**
 * Supplier users, colleague invitations: a manager invites a colleague by
 * email with the permissions and customers chosen, resends the link or revokes
 * it; staff reissue one whose email failed (from the mail log).
 */

/** Invites a colleague by email with the permissions and customers chosen. */
export async function inviteColleague(m: Manager, input: InviteInput): Promise<ActionResult<undefined>> {
  const grant = normalise(input.grant);
  let done;
  try {
    done = await run(async (tx) => {
      const me = await loadManager(tx, m);
      await checkGrant(tx, me, grant);
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
        throw new Refused("users:errors.emailTaken", "email");
      }
      const live = await tx.oneTimeToken.findFirst({
        where: { purpose: INVITE_PURPOSE, supplierId: m.supplierId, email: input.email, usedAt: null, expiresAt: { gt: new Date() } },
      });
      if (live) throw new Refused("users:errors.alreadyInvited", "email");
      const data: InviteData = { supplierId: m.supplierId, ...grant, invitedById: me.id, locale: input.locale };
      const token = await issueInvite(tx, input.email, data);
      await audit(tx, actorOf(m), {
        action: "user.invited",
        entityType: "UserInvite",
        entityId: inviteEntity(m.supplierId, input.email),
        after: { email: input.email, ...grant },
      });
      return { token, data, inviter: me.name, company: await companyName(tx, m.supplierId) };
    });
  } catch (error) {
    // Two submits at once: the unique (company, email) index keeps one invitation.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return fail("users:errors.alreadyInvited", { email: ["users:errors.alreadyInvited"] });
    }
    throw error;
  }
  if (!done.ok) return done.result;
  await sendInviteMail(input.email, done.value.data, done.value.token, done.value.inviter, done.value.company);
  return ok(undefined, "users:invite.sent");
}

/**
 * The company's pending invitation for `email`, if the manager outranks what it
 * grants: its permissions and its customers (like a user, see assertOutranks).
 */
async function pendingInvite(tx: Tx, me: Loaded, email: string): Promise<InviteData> {
  const row = await tx.oneTimeToken.findFirst({
    where: { purpose: INVITE_PURPOSE, supplierId: me.supplierId!, email, usedAt: null },
  });
  if (!row) throw new Refused("users:errors.notFound");
  const data = JSON.parse(row.data) as InviteData;
  const seesAll = data.allCustomers || data.permissions.includes("admin");
  const customersHeld = me.allCustomers || (!seesAll && data.customerIds.every((id) => me.visible.has(id)));
  if (!canGrant(me.held, data.permissions) || !customersHeld) throw new Refused("users:errors.outranks");
  return data;
}

/** A new link for a pending invitation; the old link stops working. */
export async function resendColleagueInvitation(m: Manager, email: string): Promise<ActionResult<undefined>> {
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    const data = await pendingInvite(tx, me, email);
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new Refused("users:errors.emailTaken");
    const token = await issueInvite(tx, email, data);
    await audit(tx, actorOf(m), { action: "user.invite_resent", entityType: "UserInvite", entityId: inviteEntity(m.supplierId, email) });
    return { token, data, inviter: me.name, company: await companyName(tx, m.supplierId) };
  });
  if (!done.ok) return done.result;
  await sendInviteMail(email, done.value.data, done.value.token, done.value.inviter, done.value.company);
  return ok(undefined, "users:invitations.resent");
}

/**
 * Staff resend a colleague invitation whose email failed: the stored copy
 * holds no link, so the pending invitation gets a fresh one (the old link
 * stops working) with the same permissions. Refused when nothing is pending
 * or the address has an account by now.
 */
export async function reissueColleagueInvitation(supplierId: string, email: string, actor: Actor): Promise<{ ok: true; mailStatus: string } | { ok: false }> {
  const done = await db.$transaction(async (tx) => {
    const row = await tx.oneTimeToken.findFirst({ where: { purpose: INVITE_PURPOSE, supplierId, email, usedAt: null } });
    if (!row) return null;
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return null;
    const data = JSON.parse(row.data) as InviteData;
    const token = await issueInvite(tx, email, data);
    await audit(tx, actor, { action: "user.invite_resent", entityType: "UserInvite", entityId: inviteEntity(supplierId, email) });
    const inviter = await tx.user.findUnique({ where: { id: data.invitedById }, select: { name: true } });
    return { token, data, inviter: inviter?.name ?? "", company: await companyName(tx, supplierId) };
  });
  if (!done) return { ok: false };
  const mail = await sendInviteMail(email, done.data, done.token, done.inviter, done.company);
  return { ok: true, mailStatus: mail.status };
}

/** Revokes a pending invitation: its link stops working. */
export async function revokeColleagueInvitation(m: Manager, email: string): Promise<ActionResult<undefined>> {
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    await pendingInvite(tx, me, email);
    await tx.oneTimeToken.deleteMany({ where: { purpose: INVITE_PURPOSE, supplierId: m.supplierId, email, usedAt: null } });
    await audit(tx, actorOf(m), { action: "user.invite_revoked", entityType: "UserInvite", entityId: inviteEntity(m.supplierId, email) });
  });
  return done.ok ? ok(undefined, "users:invitations.revoked") : done.result;
}
