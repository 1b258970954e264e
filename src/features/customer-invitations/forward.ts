import type { Invitation } from "@/generated/prisma/client";
import { companyForDomain } from "@/features/accounts/service";
import { recipientsWanting } from "@/features/notifications/preferences";
import { openJoinRequest } from "@/features/supplier-users/join-requests";
import { customerName } from "@/lib/customer-name";
import { isFreeMailDomain } from "@/lib/free-mail";
import { isLng } from "@/lib/i18n/config";
import { emailDomain } from "@/lib/validation";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { InvitationGone, issue, mailInvitation, openLive, whyGone, type DeadReason } from "./core";

/**
 * Customer invitations, the invitee passes the link on: to a colleague on the
 * same email domain (forward: a fresh invitation, the original link dies), or
 * to the admins of the company that already has the email's domain (a join
 * request, decided in Setup -> Admin by supplier-users).
 */

export type JoinRequestResult = { ok: true; company: string; duplicate: boolean } | { ok: false; error: DeadReason | "noCompany" | "accountExists" };

/**
 * The email's domain belongs to a supplier company: instead of a duplicate
 * company the person asks to join it. The request is stored (approval belongs
 * to Setup -> Admin) and the company's admins are told. The link stays alive,
 * so once approved the person can accept it with their new account.
 */
export async function requestToJoin(input: { token: string; name: string }, ip: string): Promise<JoinRequestResult> {
  const found = await openLive(input.token, ip);
  if (!found.live) return { ok: false, error: found.reason };
  const inv = found.invitation;
  if (await db.user.findUnique({ where: { email: inv.email }, select: { id: true } })) return { ok: false, error: "accountExists" };
  const company = await companyForDomain(inv.email);
  if (!company) return { ok: false, error: "noCompany" };
  const outcome = await db.$transaction((tx) =>
    openJoinRequest(tx, { supplierId: company.id, email: inv.email, name: input.name, locale: inv.locale, invitationId: inv.id }, { type: "ANONYMOUS", ip }),
  );
  if (!outcome.duplicate && outcome.admins.length) {
    const wanting = await recipientsWanting(db, outcome.admins, "joinRequests", "email");
    const admins = await db.user.findMany({ where: { id: { in: wanting } }, select: { email: true, locale: true } });
    for (const admin of admins) {
      await sendMail({
        to: admin.email,
        locale: admin.locale,
        template: "invitations:joinMail",
        params: { name: input.name, email: inv.email, company: company.name, customer: customerName(inv.customer, admin.locale) },
        actionUrl: portalUrl(`/${isLng(admin.locale) ? admin.locale : "en"}/setup/admin`),
      });
    }
  }
  return { ok: true, company: company.name, duplicate: outcome.duplicate };
}

export type ForwardResult =
  { ok: true; email: string } | { ok: false; error: DeadReason } | { ok: false; field: "email"; error: "differentDomain" | "sameEmail" | "freeMail" };

/** Sends a fresh invitation to a colleague on the same email domain; the original link dies. */
export async function forwardInvitation(input: { token: string; email: string; locale: string }, ip: string): Promise<ForwardResult> {
  const found = await openLive(input.token, ip);
  if (!found.live) return { ok: false, error: found.reason };
  const inv = found.invitation;
  const domain = emailDomain(inv.email);
  if (input.email === inv.email) return { ok: false, field: "email", error: "sameEmail" };
  if (isFreeMailDomain(domain)) return { ok: false, field: "email", error: "freeMail" };
  if (emailDomain(input.email) !== domain) return { ok: false, field: "email", error: "differentDomain" };
  const actor: Actor = { type: "ANONYMOUS", ip };
  let issued: { invitation: Invitation; token: string };
  try {
    issued = await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: inv.id, status: "PENDING", expiresAt: { gt: new Date() } },
        data: { status: "SUPERSEDED" },
      });
      if (claimed.count !== 1) throw new InvitationGone();
      await audit(tx, actor, {
        action: "invitation.forwarded",
        entityType: "Invitation",
        entityId: inv.id,
        before: { status: "PENDING" },
        after: { status: "SUPERSEDED", to: input.email },
      });
      return issue(
        tx,
        {
          customerId: inv.customerId,
          email: input.email,
          locale: input.locale,
          message: inv.message,
          createdById: inv.createdById,
          forwardedFromId: inv.id,
        },
        actor,
      );
    });
  } catch (error) {
    if (error instanceof InvitationGone) return { ok: false, error: await whyGone(input.token) };
    throw error;
  }
  await mailInvitation(issued.invitation, issued.token, inv.customer, inv.email);
  return { ok: true, email: input.email };
}
