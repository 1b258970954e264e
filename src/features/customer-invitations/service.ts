import { Prisma, type Customer, type Invitation } from "@/generated/prisma/client";
import { companyForDomain, createSupplierAccount } from "@/features/accounts/service";
import { notify } from "@/features/notifications/service";
import { isFreeMailDomain } from "@/lib/free-mail";
import { isLng, type Lng } from "@/lib/i18n/config";
import { can, parsePermissions } from "@/lib/permissions";
import { emailDomain } from "@/lib/validation";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { hitLimit, RATE_LIMITS } from "@/server/rate-limit";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import type { CreateInvitationInput, ListFilters, ListStatus, RegisterInput } from "./schemas";

/**
 * Invitations sent on behalf of a customer. A link holds a token of 32 random
 * bytes (only its hash is stored); it works once, for 30 days, and dies when
 * revoked, when a newer invitation goes to the same customer and email, or
 * when it is forwarded to a colleague. Accepting claims the row with a
 * conditional update inside the transaction that connects the supplier, so
 * two simultaneous accepts connect once.
 */
export const INVITATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Landing page views and invitee actions per client address per window. */
export const LANDING_LIMIT = RATE_LIMITS.inviteIp.limit;
export const PAGE_SIZE = 25;

export type DeadReason = "unknown" | "expired" | "used" | "revoked" | "superseded" | "forwarded" | "rateLimited";

type InvitationWithCustomer = Invitation & { customer: Customer };

/** The customer's name in a language (Chinese name when there is one). */
export function customerName(customer: Pick<Customer, "name" | "nameZh">, lng: string): string {
  return lng === "zh" && customer.nameZh ? customer.nameZh : customer.name;
}

// ------------------------------------------------------------ reading links

type Lookup = { live: true; invitation: InvitationWithCustomer } | { live: false; reason: DeadReason };

async function lookup(token: string): Promise<Lookup> {
  if (!isTokenShaped(token)) return { live: false, reason: "unknown" };
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { customer: true } });
  if (!row) return { live: false, reason: "unknown" };
  switch (row.status) {
    case "ACCEPTED":
      return { live: false, reason: "used" };
    case "REVOKED":
      return { live: false, reason: "revoked" };
    case "SUPERSEDED": {
      const forwarded = await db.invitation.count({ where: { forwardedFromId: row.id } });
      return { live: false, reason: forwarded ? "forwarded" : "superseded" };
    }
  }
  if (row.expiresAt <= new Date()) return { live: false, reason: "expired" };
  return { live: true, invitation: row };
}

/** Every use of a link (page view or action) counts against the caller's address. */
async function openLive(token: string, ip: string): Promise<Lookup> {
  const limit = await hitLimit("inviteIp", ip);
  if (!limit.allowed) return { live: false, reason: "rateLimited" };
  return lookup(token);
}

export interface InvitationView {
  email: string;
  customer: string;
  message: string;
  expiresAt: Date;
}

export type Landing =
  | { kind: "dead"; reason: DeadReason }
  | ({ invitation: InvitationView } & (
      | { kind: "register" }
      | { kind: "join"; company: string }
      | { kind: "signIn" }
      | { kind: "accept" }
      | { kind: "otherUser"; signedInAs: string }
      | { kind: "unavailable" }
      | { kind: "forward" }
    ));

export interface Viewer {
  id: string;
  email: string;
  kind: string;
}

/** Decides what the landing page shows for a token, a visitor and the page language. */
export async function openInvitation(token: string, ip: string, viewer: Viewer | null, lng: string): Promise<Landing> {
  const found = await openLive(token, ip);
  if (!found.live) return { kind: "dead", reason: found.reason };
  const inv = found.invitation;
  const invitation: InvitationView = {
    email: inv.email,
    customer: customerName(inv.customer, lng),
    message: inv.message,
    expiresAt: inv.expiresAt,
  };
  if (viewer) {
    if (viewer.email !== inv.email) return { kind: "otherUser", signedInAs: viewer.email, invitation };
    return { kind: viewer.kind === "SUPPLIER" ? "accept" : "unavailable", invitation };
  }
  const user = await db.user.findUnique({ where: { email: inv.email } });
  if (user) {
    const usable = user.kind === "SUPPLIER" && user.status === "ACTIVE" && user.supplierId;
    return { kind: usable ? "signIn" : "unavailable", invitation };
  }
  const company = await companyForDomain(inv.email);
  if (company) return { kind: "join", company: company.name, invitation };
  return { kind: "register", invitation };
}

/** Only a live invitation can be forwarded; the form page needs the customer and email. */
export async function openForForward(token: string, ip: string, lng: string): Promise<Landing> {
  const found = await openLive(token, ip);
  if (!found.live) return { kind: "dead", reason: found.reason };
  const inv = found.invitation;
  return {
    kind: "forward",
    invitation: { email: inv.email, customer: customerName(inv.customer, lng), message: inv.message, expiresAt: inv.expiresAt },
  };
}

/** The customer a user connected to with this link (the page after accepting). */
export async function acceptedBy(token: string, userId: string, lng: string): Promise<string | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { customer: true } });
  if (!row || row.status !== "ACCEPTED" || row.acceptedByUserId !== userId) return null;
  return customerName(row.customer, lng);
}

// ---------------------------------------------------------------- issuing

interface IssueData {
  customerId: string;
  email: string;
  locale: string;
  message: string;
  createdById: string | null;
  forwardedFromId?: string;
  idempotencyKey?: string;
}

/** Creates a PENDING invitation; older pending ones for the same customer and email die. */
async function issue(tx: Tx, data: IssueData, actor: Actor): Promise<{ invitation: Invitation; token: string }> {
  const older = await tx.invitation.findMany({
    where: { customerId: data.customerId, email: data.email, status: "PENDING" },
    select: { id: true },
  });
  if (older.length) {
    await tx.invitation.updateMany({
      where: { id: { in: older.map((o) => o.id) }, status: "PENDING" },
      data: { status: "SUPERSEDED" },
    });
    for (const o of older) {
      await audit(tx, actor, {
        action: "invitation.superseded",
        entityType: "Invitation",
        entityId: o.id,
        before: { status: "PENDING" },
        after: { status: "SUPERSEDED" },
      });
    }
  }
  const { token, hash } = newToken();
  const invitation = await tx.invitation.create({
    data: {
      customerId: data.customerId,
      email: data.email,
      locale: data.locale,
      message: data.message,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      createdById: data.createdById,
      forwardedFromId: data.forwardedFromId ?? null,
      idempotencyKey: data.idempotencyKey ?? null,
    },
  });
  await audit(tx, actor, {
    action: data.forwardedFromId ? "invitation.created_by_forward" : "invitation.created",
    entityType: "Invitation",
    entityId: invitation.id,
    after: { customerId: data.customerId, email: data.email, locale: data.locale, forwardedFromId: data.forwardedFromId ?? null },
  });
  return { invitation, token };
}

function invitationLinks(locale: string, token: string) {
  return {
    actionUrl: portalUrl(`/${locale}/invite/${token}`),
    links: [{ labelKey: "mail.forwardLink", url: portalUrl(`/${locale}/invite/${token}/forward`) }],
  };
}

async function mailInvitation(invitation: Invitation, token: string, customer: Customer, forwardedBy?: string) {
  const locale: Lng = isLng(invitation.locale) ? invitation.locale : "en";
  const params: Record<string, string> = {
    customer: customerName(customer, locale),
    email: invitation.email,
    message: invitation.message,
    expires: invitation.expiresAt.toISOString().slice(0, 10),
  };
  if (invitation.message) params.context = "withMessage";
  if (forwardedBy) params.from = forwardedBy;
  return sendMail({
    to: invitation.email,
    locale,
    template: forwardedBy ? "invitations:forwardMail" : "invitations:inviteMail",
    params,
    ...invitationLinks(locale, token),
    secret: { kind: "customerInvitation", id: invitation.id },
  });
}

export type CreateResult =
  | { ok: true; invitationId: string; duplicate: boolean; link?: string; mailStatus?: string }
  | { ok: false; error: "customerNotFound" };

/** Staff (or the CLI) invite a supplier contact on behalf of a customer, and the email goes out. */
export async function createInvitation(input: CreateInvitationInput, actor: Actor): Promise<CreateResult> {
  const customer = await db.customer.findUnique({ where: { id: input.customerId } });
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

export type ResendResult =
  | { ok: true; invitationId: string; link: string; mailStatus: string }
  | { ok: false; error: "notFound" | "accepted" | "notLatest" };

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

// --------------------------------------------------------------- accepting

/** Thrown inside a transaction when the link was claimed first: rolls everything back. */
class InvitationGone extends Error {}

async function adminIds(tx: Tx, supplierId: string): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { supplierId, status: "ACTIVE", kind: "SUPPLIER" },
    select: { id: true, permissions: true },
  });
  return users.filter((u) => can(parsePermissions(u.permissions), "admin")).map((u) => u.id);
}

/** Claims the link and connects the company to the customer (inside the caller's transaction). */
async function claimAndConnect(tx: Tx, inv: InvitationWithCustomer, userId: string, supplierId: string, actor: Actor) {
  const now = new Date();
  const claimed = await tx.invitation.updateMany({
    where: { id: inv.id, status: "PENDING", expiresAt: { gt: now } },
    data: { status: "ACCEPTED", acceptedAt: now, acceptedByUserId: userId },
  });
  if (claimed.count !== 1) throw new InvitationGone();
  await audit(tx, actor, {
    action: "invitation.accepted",
    entityType: "Invitation",
    entityId: inv.id,
    before: { status: "PENDING" },
    after: { status: "ACCEPTED", supplierId, userId },
  });
  const existing = await tx.customerRelationship.findUnique({
    where: { supplierId_customerId: { supplierId, customerId: inv.customerId } },
  });
  if (!existing) {
    const rel = await tx.customerRelationship.create({
      data: { supplierId, customerId: inv.customerId, origin: "INVITATION", onboardingState: "NOT_STARTED" },
    });
    await audit(tx, actor, {
      action: "relationship.created",
      entityType: "CustomerRelationship",
      entityId: rel.id,
      after: { supplierId, customerId: inv.customerId, origin: "INVITATION" },
    });
  }
  // A user limited to some customers still sees the one they just accepted.
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.allCustomers) {
    await tx.userCustomerAccess.upsert({
      where: { userId_customerId: { userId, customerId: inv.customerId } },
      create: { userId, customerId: inv.customerId },
      update: {},
    });
  }
  await notify(
    tx,
    await adminIds(tx, supplierId),
    "invitations:events.accepted",
    { customer: inv.customer.name, name: user.name },
    "/setup/customers",
  );
}

export type AcceptFailure = DeadReason | "accountExists" | "wrongUser";
export type AcceptResult = { ok: true; userId: string; supplierId: string } | { ok: false; error: AcceptFailure };

async function whyGone(token: string): Promise<DeadReason> {
  const again = await lookup(token);
  return again.live ? "used" : again.reason;
}

/** No account yet: creates the company, its first admin and the connection in one transaction. */
export async function registerFromInvitation(input: RegisterInput, ip: string): Promise<AcceptResult & { email?: string }> {
  const found = await openLive(input.token, ip);
  if (!found.live) return { ok: false, error: found.reason };
  const inv = found.invitation;
  try {
    const created = await createSupplierAccount(
      { companyName: input.companyName, name: input.name, email: inv.email, password: input.password, locale: input.locale },
      { ip },
      (tx, ids) => claimAndConnect(tx, inv, ids.userId, ids.supplierId, { type: "USER", id: ids.userId, ip }),
    );
    if (!created.ok) {
      // The email got an account meanwhile: often the same link, accepted a moment earlier.
      const again = await lookup(input.token);
      return { ok: false, error: again.live ? "accountExists" : again.reason };
    }
    return { ok: true, userId: created.userId, supplierId: created.supplierId, email: inv.email };
  } catch (error) {
    if (error instanceof InvitationGone) return { ok: false, error: await whyGone(input.token) };
    throw error;
  }
}

/** An existing supplier user (already signed in as the invited email) accepts: the customer joins their company. */
export async function acceptInvitation(token: string, userId: string, ip: string): Promise<AcceptResult> {
  const found = await openLive(token, ip);
  if (!found.live) return { ok: false, error: found.reason };
  const inv = found.invitation;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.email !== inv.email || user.kind !== "SUPPLIER" || !user.supplierId || user.status !== "ACTIVE") {
    return { ok: false, error: "wrongUser" };
  }
  const supplierId = user.supplierId;
  try {
    await db.$transaction((tx) => claimAndConnect(tx, inv, userId, supplierId, { type: "USER", id: userId, ip }));
    return { ok: true, userId, supplierId };
  } catch (error) {
    if (error instanceof InvitationGone) return { ok: false, error: await whyGone(token) };
    throw error;
  }
}

/**
 * Accepts for the account of `verifiedEmail`. Call only right after that
 * email's password was checked (sign-in and accept in one form), when the new
 * session cookie is not readable yet.
 */
export async function acceptAfterSignIn(token: string, verifiedEmail: string, ip: string): Promise<AcceptResult> {
  const user = await db.user.findUnique({ where: { email: verifiedEmail }, select: { id: true } });
  if (!user) return { ok: false, error: "wrongUser" };
  return acceptInvitation(token, user.id, ip);
}

/** The invited email of a live link (the sign-in form fixes it). */
export async function invitedEmail(token: string): Promise<string | null> {
  const found = await lookup(token);
  return found.live ? found.invitation.email : null;
}

// ----------------------------------------------------------- join, forward

export type JoinResult = { ok: true; company: string; duplicate: boolean } | { ok: false; error: DeadReason | "noCompany" | "accountExists" };

/**
 * The email's domain belongs to a supplier company: instead of a duplicate
 * company the person asks to join it. The request is stored (approval belongs
 * to Setup -> Admin) and the company's admins are told. The link stays alive,
 * so once approved the person can accept it with their new account.
 */
export async function requestToJoin(input: { token: string; name: string }, ip: string): Promise<JoinResult> {
  const found = await openLive(input.token, ip);
  if (!found.live) return { ok: false, error: found.reason };
  const inv = found.invitation;
  if (await db.user.findUnique({ where: { email: inv.email }, select: { id: true } })) return { ok: false, error: "accountExists" };
  const company = await companyForDomain(inv.email);
  if (!company) return { ok: false, error: "noCompany" };
  const outcome = await db.$transaction(async (tx) => {
    const pending = await tx.joinRequest.findFirst({ where: { supplierId: company.id, email: inv.email, status: "PENDING" } });
    if (pending) return { duplicate: true, admins: [] as string[] };
    const request = await tx.joinRequest.create({
      data: { supplierId: company.id, email: inv.email, name: input.name, locale: inv.locale, invitationId: inv.id },
    });
    await audit(tx, { type: "ANONYMOUS", ip }, {
      action: "join_request.created",
      entityType: "JoinRequest",
      entityId: request.id,
      after: { supplierId: company.id, email: inv.email, invitationId: inv.id },
    });
    const admins = await adminIds(tx, company.id);
    await notify(tx, admins, "invitations:events.joinRequested", { name: input.name, email: inv.email }, "/setup/admin");
    return { duplicate: false, admins };
  });
  if (!outcome.duplicate && outcome.admins.length) {
    const admins = await db.user.findMany({ where: { id: { in: outcome.admins } }, select: { email: true, locale: true } });
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
  | { ok: true; email: string }
  | { ok: false; error: DeadReason }
  | { ok: false; field: "email"; error: "differentDomain" | "sameEmail" | "freeMail" };

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
  if (status === "EXPIRED") return { status: "PENDING", expiresAt: { lte: now } };
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

/** Customers to choose from in the staff form. */
export function customerChoices() {
  return db.customer.findMany({ select: { id: true, name: true, nameZh: true }, orderBy: { name: "asc" } });
}

/** For the CLI: a customer by id or by exact name (case-insensitive). */
export async function findCustomer(ref: string) {
  const byId = await db.customer.findUnique({ where: { id: ref } });
  if (byId) return byId;
  const all = await db.customer.findMany({ where: { OR: [{ name: ref }, { nameZh: ref }] } });
  if (all.length) return all[0];
  const lower = ref.toLowerCase();
  return (await db.customer.findMany()).find((c) => c.name.toLowerCase() === lower) ?? null;
}
