import { Prisma, type Invitation } from "@/generated/prisma/client";
import { customerChoices, findCustomer } from "@/features/customers/service";
import { customerName } from "@/lib/customer-name";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { invitationLinks, issue, mailInvitation } from "./core";
import type { CreateInvitationInput, ListFilters, ListStatus } from "./schemas";

/**
 * Customer invitations, the staff side: invite a supplier contact on behalf of
 * a customer, resend a link that was not accepted, revoke a pending one, and
 * the list with its filters (Admin -> Invitations, and the CLI).
 */
export const PAGE_SIZE = 25;

export type CreateResult =
  { ok: true; invitationId: string; duplicate: boolean; link?: string; mailStatus?: string } | { ok: false; error: "customerNotFound" };

/** Staff (or the CLI) invite a supplier contact on behalf of a customer, and the email goes out. */
export async function createInvitation(input: CreateInvitationInput, actor: Actor): Promise<CreateResult> {
  const customer = await findCustomer(input.customerId);
  if (!customer) return { ok: false, error: "customerNotFound" };
  const key = input.idempotencyKey || undefined;
  const repeated = async () => {
    const existing = key ? await db.invitation.findUnique({ where: { idempotencyKey: key } }) : null;
    return existing ? ({ ok: true, invitationId: existing.id, duplicate: true } as const) : null;
  };
  const seen = await repeated();
  if (seen) return seen;
  let issued: { invitation: Invitation; token: string };
  try {
    issued = await db.$transaction((tx) =>
      issue(
        tx,
        {
          customerId: customer.id,
          email: input.email,
          locale: input.locale,
          message: input.message,
          createdById: actor.type === "STAFF" ? actor.id : null,
          idempotencyKey: key,
        },
        actor,
      ),
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await repeated();
      if (again) return again;
    }
    throw error;
  }
  const mail = await mailInvitation(issued.invitation, issued.token, customer);
  return {
    ok: true,
    invitationId: issued.invitation.id,
    duplicate: false,
    link: invitationLinks(issued.invitation.locale, issued.token).actionUrl,
    mailStatus: mail.status,
  };
}

export type ResendResult = { ok: true; invitationId: string; link: string; mailStatus: string } | { ok: false; error: "notFound" | "accepted" | "notLatest" };

/**
 * Sends a fresh link for an invitation that was not accepted (pending, expired
 * or revoked). Only the newest invitation for a customer and email can be
 * resent, so a double click sends one new link.
 */
export async function resendInvitation(id: string, actor: Actor): Promise<ResendResult> {
  const result = await db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id }, include: { customer: true } });
    if (!inv) return { ok: false as const, error: "notFound" as const };
    if (inv.status === "ACCEPTED") return { ok: false as const, error: "accepted" as const };
    const newer = await tx.invitation.count({
      where: { customerId: inv.customerId, email: inv.email, id: { not: inv.id }, createdAt: { gte: inv.createdAt } },
    });
    if (newer) return { ok: false as const, error: "notLatest" as const };
    const issued = await issue(
      tx,
      {
        customerId: inv.customerId,
        email: inv.email,
        locale: inv.locale,
        message: inv.message,
        createdById: actor.type === "STAFF" ? actor.id : inv.createdById,
      },
      actor,
    );
    await audit(tx, actor, { action: "invitation.resent", entityType: "Invitation", entityId: inv.id, after: { newInvitationId: issued.invitation.id } });
    return { ok: true as const, ...issued, customer: inv.customer };
  });
  if (!result.ok) return result;
  const mail = await mailInvitation(result.invitation, result.token, result.customer);
  return {
    ok: true,
    invitationId: result.invitation.id,
    link: invitationLinks(result.invitation.locale, result.token).actionUrl,
    mailStatus: mail.status,
  };
}

export type RevokeResult = { ok: true; changed: boolean } | { ok: false; error: "notFound" | "notPending" };

/** Kills a pending link. Revoking twice is fine; an accepted invitation cannot be revoked. */
export async function revokeInvitation(id: string, actor: Actor): Promise<RevokeResult> {
  return db.$transaction(async (tx) => {
    const changed = await tx.invitation.updateMany({ where: { id, status: "PENDING" }, data: { status: "REVOKED" } });
    if (changed.count === 1) {
      await audit(tx, actor, {
        action: "invitation.revoked",
        entityType: "Invitation",
        entityId: id,
        before: { status: "PENDING" },
        after: { status: "REVOKED" },
      });
      return { ok: true as const, changed: true };
    }
    const row = await tx.invitation.findUnique({ where: { id }, select: { status: true } });
    if (!row) return { ok: false as const, error: "notFound" as const };
    if (row.status === "REVOKED") return { ok: true as const, changed: false };
    return { ok: false as const, error: "notPending" as const };
  });
}

// ------------------------------------------------------------------ expiry

/**
 * The invitation-expiry job: writes down what reads already show. Every
 * pending invitation past its expiry (30 days after it was sent) becomes
 * EXPIRED, with an audit row by the system in the same transaction. Nobody is
 * told: the invitee never answered, and staff see it in the invitations list.
 */
export async function expireStaleInvitations(now = new Date(), limit = 500): Promise<number> {
  const stale = await db.invitation.findMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    select: { id: true, expiresAt: true },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  let expired = 0;
  for (const inv of stale) {
    const moved = await db.$transaction(async (tx) => {
      const changed = await tx.invitation.updateMany({ where: { id: inv.id, status: "PENDING", expiresAt: { lte: now } }, data: { status: "EXPIRED" } });
      if (changed.count !== 1) return false;
      await audit(
        tx,
        { type: "SYSTEM" },
        {
          action: "invitation.expired",
          entityType: "Invitation",
          entityId: inv.id,
          before: { status: "PENDING" },
          after: { status: "EXPIRED", expiresAt: inv.expiresAt.toISOString() },
        },
      );
      return true;
    });
    if (moved) expired++;
  }
  return expired;
}

// -------------------------------------------------------------- staff list

export interface InvitationRow {
  id: string;
  email: string;
  customerId: string;
  customer: string;
  locale: string;
  status: ListStatus;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  forwarded: boolean;
}

function statusWhere(status: ListStatus | undefined, now: Date): Prisma.InvitationWhereInput {
  if (!status) return {};
  if (status === "EXPIRED") return { OR: [{ status: "EXPIRED" }, { status: "PENDING", expiresAt: { lte: now } }] };
  if (status === "PENDING") return { status: "PENDING", expiresAt: { gt: now } };
  return { status };
}

export async function listInvitations(filters: ListFilters, lng: string) {
  const now = new Date();
  const where: Prisma.InvitationWhereInput = {
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
    ...(filters.email ? { email: { contains: filters.email } } : {}),
    ...statusWhere(filters.status, now),
  };
  const page = filters.page ?? 1;
  const [total, rows] = await Promise.all([
    db.invitation.count({ where }),
    db.invitation.findMany({
      where,
      include: { customer: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  const items: InvitationRow[] = rows.map((r) => ({
    id: r.id,
    email: r.email,
    customerId: r.customerId,
    customer: customerName(r.customer, lng),
    locale: r.locale,
    status: r.status === "PENDING" && r.expiresAt <= now ? "EXPIRED" : (r.status as ListStatus),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    acceptedAt: r.acceptedAt,
    forwarded: r.forwardedFromId !== null,
  }));
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Customers to choose from, labelled; `complete` as in `CustomerChoices`. */
export interface CustomerOptions {
  options: { id: string; label: string }[];
  complete: boolean;
}

/**
 * The customers staff can invite on behalf of (the invitation form and the
 * list's filter), labelled in `lng`: all of a small directory, else only the
 * chosen one (see `customerChoices`).
 */
export async function invitationCustomerOptions(lng: string, chosenId?: string): Promise<CustomerOptions> {
  const { customers, complete } = await customerChoices(chosenId);
  return { options: customers.map((c) => ({ id: c.id, label: customerName(c, lng) })), complete };
}
