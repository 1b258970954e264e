import { ok, type ActionResult } from "@/lib/action-result";
import { audit } from "@/server/audit";
import { sendMail } from "@/server/mail";
import { actorOf, checkGrant, companyName, issueInvite, loadManager, normalise, Refused, run, sendInviteMail, type InviteData, type Manager } from "./core";
import type { Grant } from "./schemas";

/**
 * Supplier users, join requests: someone whose email has the company's domain
 * asked to join (from a customer invitation). Approving sends them the same
 * single-use registration link as a colleague invitation; declining tells them.
 */

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
