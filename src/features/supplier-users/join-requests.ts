import { notify } from "@/features/notifications/service";
import { ok, type ActionResult } from "@/lib/action-result";
import { can, parsePermissions } from "@/lib/permissions";
import type { Tx } from "@/server/db";
import { audit, type Actor } from "@/server/audit";
import { sendMail } from "@/server/mail";
import { actorOf, checkGrant, companyName, issueInvite, loadManager, normalise, Refused, run, sendInviteMail, type InviteData, type Manager } from "./core";
import type { Grant } from "./schemas";

/**
 * Supplier users, join requests: someone whose email has the company's domain
 * asked to join (from a customer invitation). Approving sends them the same
 * single-use registration link as a colleague invitation; declining tells them.
 */

/** The active admins of a supplier company (told about join requests and accepted invitations). */
export async function companyAdminIds(tx: Tx, supplierId: string): Promise<string[]> {
  const users = await tx.user.findMany({ where: { supplierId, status: "ACTIVE", kind: "SUPPLIER" }, select: { id: true, permissions: true } });
  return users.filter((u) => can(parsePermissions(u.permissions), "admin")).map((u) => u.id);
}

/**
 * Records that someone on the company's email domain asks to join it (from a
 * sign-up or a customer invitation), inside the caller's transaction: one
 * pending request per email and company, audited, and the company's admins
 * notified in the portal. Returns the admins to email once the transaction
 * has committed (each caller words its own email), or `duplicate` when a
 * request is already pending.
 */
export async function openJoinRequest(
  tx: Tx,
  input: { supplierId: string; email: string; name: string; locale: string; invitationId?: string },
  actor: Actor,
): Promise<{ duplicate: boolean; admins: string[] }> {
  const { supplierId, email, name, locale, invitationId } = input;
  const pending = await tx.joinRequest.findFirst({ where: { supplierId, email, status: "PENDING" } });
  if (pending) return { duplicate: true, admins: [] };
  const request = await tx.joinRequest.create({ data: { supplierId, email, name, locale, invitationId } });
  await audit(tx, actor, {
    action: "join_request.created",
    entityType: "JoinRequest",
    entityId: request.id,
    after: { supplierId, email, ...(invitationId ? { invitationId } : { via: "sign_up" }) },
  });
  const admins = await companyAdminIds(tx, supplierId);
  await notify(tx, admins, "invitations:events.joinRequested", { name, email }, "/setup/admin");
  return { duplicate: false, admins };
}

/**
 * Approves a join request with the permissions chosen. The person gets a
 * registration link (the same single-use link as an invitation) to set a password.
 */
export async function approveJoinRequest(m: Manager, requestId: string, rawGrant: Grant): Promise<ActionResult<undefined>> {
  const grant = normalise(rawGrant);
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    await checkGrant(tx, me, grant);
    const request = await tx.joinRequest.findFirst({ where: { id: requestId, supplierId: m.supplierId, status: "PENDING" } });
    if (!request) throw new Refused("users:errors.notFound");
    const email = request.email.trim().toLowerCase();
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new Refused("users:errors.emailTaken");
    const decided = await tx.joinRequest.updateMany({
      where: { id: requestId, supplierId: m.supplierId, status: "PENDING" },
      data: { status: "APPROVED", decidedById: me.id, decidedAt: new Date() },
    });
    if (decided.count !== 1) throw new Refused("users:errors.notFound");
    const data: InviteData = {
      supplierId: m.supplierId,
      ...grant,
      invitedById: me.id,
      locale: request.locale,
      name: request.name,
      joinRequestId: request.id,
    };
    const token = await issueInvite(tx, email, data);
    await audit(tx, actorOf(m), {
      action: "join_request.approved",
      entityType: "JoinRequest",
      entityId: request.id,
      before: { status: "PENDING" },
      after: { status: "APPROVED", ...grant },
    });
    return { token, data, email, inviter: me.name, company: await companyName(tx, m.supplierId) };
  });
  if (!done.ok) return done.result;
  const v = done.value;
  await sendInviteMail(v.email, v.data, v.token, v.inviter, v.company);
  return ok(undefined, "users:join.approved");
}

export async function declineJoinRequest(m: Manager, requestId: string): Promise<ActionResult<undefined>> {
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    const decided = await tx.joinRequest.updateMany({
      where: { id: requestId, supplierId: m.supplierId, status: "PENDING" },
      data: { status: "DECLINED", decidedById: me.id, decidedAt: new Date() },
    });
    if (decided.count !== 1) throw new Refused("users:errors.notFound");
    const request = await tx.joinRequest.findUniqueOrThrow({ where: { id: requestId } });
    await audit(tx, actorOf(m), {
      action: "join_request.declined",
      entityType: "JoinRequest",
      entityId: request.id,
      before: { status: "PENDING" },
      after: { status: "DECLINED" },
    });
    return { request, company: await companyName(tx, m.supplierId) };
  });
  if (!done.ok) return done.result;
  const { request, company } = done.value;
  await sendMail({
    to: request.email,
    locale: request.locale,
    template: "users:joinDeclinedMail",
    params: { name: request.name, company },
  });
  return ok(undefined, "users:join.declined");
}
