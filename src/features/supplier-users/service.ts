import { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/features/accounts/service";
import { notify } from "@/features/notifications/service";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { isLng } from "@/lib/i18n/config";
import { can, canGrant, parsePermissions, permissions as allPermissions, serializePermissions, type Permission } from "@/lib/permissions";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { hashToken, isTokenShaped, newToken } from "@/server/tokens";
import type { Grant, InviteInput, JoinInput } from "./schemas";

/**
 * The supplier's own users: invitations, permissions, per-customer access,
 * deactivation and join requests. Every change re-reads the acting user inside
 * its transaction (so a permission removed a second ago counts), is scoped by
 * `supplierId` in the query, and writes its audit row in the same transaction.
 * Mail goes out after the commit (its outcome is kept in the mail log).
 */

export const INVITE_PURPOSE = "USER_INVITE";
export const INVITE_TTL_DAYS = 14;
const INVITE_TTL_MS = INVITE_TTL_DAYS * 24 * 60 * 60 * 1000;

/** Who is acting: a supplier user of `supplierId` (from the session). */
export interface Manager {
  id: string;
  supplierId: string;
  ip?: string;
}

/** Payload of a USER_INVITE token. */
interface InviteData {
  supplierId: string;
  permissions: Permission[];
  allCustomers: boolean;
  customerIds: string[];
  invitedById: string;
  locale: string;
  name?: string;
  joinRequestId?: string;
}

/**
 * A refusal inside a transaction, turned into a localized result. Every check
 * that can refuse runs BEFORE the transaction's first write, so a refused
 * transaction commits having changed nothing. It is not rolled back on purpose:
 * on the single SQLite connection a rollback would also discard writes other
 * requests made meanwhile (see the final report / decision note).
 */
class Refused extends Error {
  constructor(
    readonly key: string,
    readonly field?: string,
  ) {
    super(key);
  }
}

async function run<T>(work: (tx: Tx) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; result: ActionResult<never> }> {
  const outcome = await db.$transaction(async (tx): Promise<{ value: T } | { refused: Refused }> => {
    try {
      return { value: await work(tx) };
    } catch (error) {
      if (error instanceof Refused) return { refused: error };
      throw error;
    }
  });
  if ("refused" in outcome) {
    const { key, field } = outcome.refused;
    return { ok: false, result: fail(key, field ? { [field]: [key] } : undefined) };
  }
  return { ok: true, value: outcome.value };
}

const actorOf = (m: Manager): Actor => ({ type: "USER", id: m.id, ip: m.ip });

type Loaded = Awaited<ReturnType<typeof loadManager>>;

/** The acting user, fresh from the database: active, in the company, holding `users`. */
async function loadManager(tx: Tx, m: Manager) {
  const me = await tx.user.findFirst({
    where: { id: m.id, supplierId: m.supplierId, kind: "SUPPLIER", status: "ACTIVE" },
    include: { customerAccess: { select: { customerId: true } } },
  });
  if (!me) throw new Refused("errors.notAllowed");
  const held = parsePermissions(me.permissions);
  if (!can(held, "users")) throw new Refused("errors.notAllowed");
  const allCustomers = me.allCustomers || held.includes("admin");
  return { ...me, held, allCustomers, visible: new Set(me.customerAccess.map((a) => a.customerId)) };
}

/** Admins always see every customer. */
function normalise(grant: Grant): Grant {
  return grant.permissions.includes("admin") ? { permissions: ["admin"], allCustomers: true, customerIds: [] } : grant;
}

/** Nobody grants more than they hold: permissions, "all customers", or a customer they cannot see. */
async function checkGrant(tx: Tx, me: Loaded, grant: Grant): Promise<void> {
  if (!canGrant(me.held, grant.permissions)) throw new Refused("users:errors.grantTooMuch", "permissions[]");
  if (grant.allCustomers) {
    if (!me.allCustomers) throw new Refused("users:errors.accessTooMuch", "customerIds[]");
    return;
  }
  if (!me.allCustomers && grant.customerIds.some((id) => !me.visible.has(id))) {
    throw new Refused("users:errors.accessTooMuch", "customerIds[]");
  }
  const connected = await tx.customerRelationship.count({
    where: { supplierId: me.supplierId!, customerId: { in: grant.customerIds } },
  });
  if (connected !== grant.customerIds.length) throw new Refused("users:errors.unknownCustomer", "customerIds[]");
}

/** You may only manage someone whose permissions and customers you hold yourself. */
function assertOutranks(me: Loaded, target: { permissions: string; allCustomers: boolean; customerAccess: { customerId: string }[] }) {
  const theirs = parsePermissions(target.permissions);
  const seesAll = target.allCustomers || theirs.includes("admin");
  const ok =
    canGrant(me.held, theirs) &&
    (me.allCustomers || (!seesAll && target.customerAccess.every((a) => me.visible.has(a.customerId))));
  if (!ok) throw new Refused("users:errors.outranks");
}

/**
 * Inside the transaction, before demoting or deactivating an active admin: the
 * company must keep another active admin.
 */
async function ensureAnotherAdmin(tx: Tx, supplierId: string, target: { id: string; permissions: string; status: string }) {
  if (target.status !== "ACTIVE" || !parsePermissions(target.permissions).includes("admin")) return;
  const others = await tx.user.findMany({
    where: { supplierId, kind: "SUPPLIER", status: "ACTIVE", id: { not: target.id } },
    select: { permissions: true },
  });
  if (!others.some((u) => parsePermissions(u.permissions).includes("admin"))) throw new Refused("users:errors.lastAdmin");
}

async function findTarget(tx: Tx, me: Loaded, userId: string) {
  const target = await tx.user.findFirst({
    where: { id: userId, supplierId: me.supplierId!, kind: "SUPPLIER" },
    include: { customerAccess: { select: { customerId: true } } },
  });
  if (!target) throw new Refused("users:errors.notFound");
  return target;
}

const grantSnapshot = (u: { permissions: string; allCustomers: boolean; customerAccess: { customerId: string }[] }) => ({
  permissions: u.permissions,
  allCustomers: u.allCustomers,
  customerIds: u.customerAccess.map((a) => a.customerId).sort(),
});

const inviteEntity = (supplierId: string, email: string) => `${supplierId}/${email}`;

// ------------------------------------------------------------------ reading

export interface TeamView {
  me: { id: string; permissions: Permission[]; allCustomers: boolean };
  /** Permissions the viewer may hand out */
  grantable: Permission[];
  /** Connected customers the viewer may hand out */
  customers: { id: string; name: string; nameZh: string }[];
  users: {
    id: string;
    name: string;
    email: string;
    permissions: Permission[];
    allCustomers: boolean;
    customers: { id: string; name: string; nameZh: string }[];
    hiddenCustomers: number;
    status: string;
    lastSignInAt: Date | null;
    isSelf: boolean;
    manageable: boolean;
  }[];
  invitations: {
    email: string;
    permissions: Permission[];
    allCustomers: boolean;
    customers: { id: string; name: string; nameZh: string }[];
    createdAt: Date;
    expiresAt: Date;
    expired: boolean;
    fromJoinRequest: boolean;
  }[];
  joinRequests: { id: string; name: string; email: string; createdAt: Date }[];
}

/** Everything the Admin page shows, or null when the viewer may not manage users. */
export async function teamView(m: Manager): Promise<TeamView | null> {
  let me: Loaded;
  try {
    me = await loadManager(db, m);
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
  const supplierId = m.supplierId;
  const [users, tokens, joinRequests, relationships] = await Promise.all([
    db.user.findMany({
      where: { supplierId, kind: "SUPPLIER" },
      include: { customerAccess: { include: { customer: { select: { id: true, name: true, nameZh: true } } } } },
      orderBy: [{ status: "asc" }, { name: "asc" }],
    }),
    db.oneTimeToken.findMany({
      where: { purpose: INVITE_PURPOSE, supplierId, usedAt: null },
      orderBy: { createdAt: "desc" },
    }),
    db.joinRequest.findMany({ where: { supplierId, status: "PENDING" }, orderBy: { createdAt: "asc" } }),
    db.customerRelationship.findMany({
      where: { supplierId },
      include: { customer: { select: { id: true, name: true, nameZh: true } } },
      orderBy: { customer: { name: "asc" } },
    }),
  ]);
  const connected = relationships.map((r) => r.customer);
  const byId = new Map(connected.map((c) => [c.id, c]));
  const mayShow = (id: string) => me.allCustomers || me.visible.has(id);
  const now = new Date();
  return {
    me: { id: me.id, permissions: me.held, allCustomers: me.allCustomers },
    grantable: allPermissions.filter((p) => canGrant(me.held, [p])),
    customers: connected.filter((c) => mayShow(c.id)),
    users: users.map((u) => {
      const perms = parsePermissions(u.permissions);
      const own = u.customerAccess.map((a) => a.customer);
      let manageable = true;
      try {
        assertOutranks(me, u);
      } catch {
        manageable = false;
      }
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        permissions: perms,
        allCustomers: u.allCustomers || perms.includes("admin"),
        customers: own.filter((c) => mayShow(c.id)),
        hiddenCustomers: own.filter((c) => !mayShow(c.id)).length,
        status: u.status,
        lastSignInAt: u.lastSignInAt,
        isSelf: u.id === me.id,
        manageable,
      };
    }),
    invitations: tokens.map((t) => {
      const data = JSON.parse(t.data) as InviteData;
      return {
        email: t.email ?? "",
        permissions: data.permissions,
        allCustomers: data.allCustomers,
        customers: data.customerIds.flatMap((id) => (byId.has(id) && mayShow(id) ? [byId.get(id)!] : [])),
        createdAt: t.createdAt,
        expiresAt: t.expiresAt,
        expired: t.expiresAt <= now,
        fromJoinRequest: Boolean(data.joinRequestId),
      };
    }),
    joinRequests: joinRequests.map((j) => ({ id: j.id, name: j.name, email: j.email, createdAt: j.createdAt })),
  };
}

// -------------------------------------------------------------- invitations

async function sendInviteMail(to: string, data: InviteData, token: string, inviter: string, company: string) {
  const locale = isLng(data.locale) ? data.locale : "en";
  return sendMail({
    to,
    locale,
    template: data.joinRequestId ? "users:joinApprovedMail" : "users:inviteMail",
    params: { inviter, company, name: data.name ?? "", days: INVITE_TTL_DAYS },
    actionUrl: portalUrl(`/${locale}/join/${token}`),
    secret: { kind: "colleagueInvitation", id: data.supplierId },
  });
}

/** Stores a new live invitation for (company, email), replacing any unused one. */
async function issueInvite(tx: Tx, email: string, data: InviteData) {
  await tx.oneTimeToken.deleteMany({ where: { purpose: INVITE_PURPOSE, supplierId: data.supplierId, email, usedAt: null } });
  const { token, hash } = newToken();
  await tx.oneTimeToken.create({
    data: {
      tokenHash: hash,
      purpose: INVITE_PURPOSE,
      supplierId: data.supplierId,
      email,
      data: JSON.stringify(data),
      expiresAt: new Date(Date.now() + INVITE_TTL_MS),
    },
  });
  return token;
}

async function companyName(tx: Tx, supplierId: string) {
  return (await tx.supplierCompany.findUniqueOrThrow({ where: { id: supplierId }, select: { name: true } })).name;
}

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
export async function resendInvitation(m: Manager, email: string): Promise<ActionResult<undefined>> {
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
export async function revokeInvitation(m: Manager, email: string): Promise<ActionResult<undefined>> {
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    await pendingInvite(tx, me, email);
    await tx.oneTimeToken.deleteMany({ where: { purpose: INVITE_PURPOSE, supplierId: m.supplierId, email, usedAt: null } });
    await audit(tx, actorOf(m), { action: "user.invite_revoked", entityType: "UserInvite", entityId: inviteEntity(m.supplierId, email) });
  });
  return done.ok ? ok(undefined, "users:invitations.revoked") : done.result;
}

// ------------------------------------------------------------------- users

/** Changes a user's permissions and customer access. */
export async function updateAccess(m: Manager, userId: string, rawGrant: Grant): Promise<ActionResult<undefined>> {
  const grant = normalise(rawGrant);
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    const target = await findTarget(tx, me, userId);
    assertOutranks(me, target);
    await checkGrant(tx, me, grant);
    if (!grant.permissions.includes("admin")) await ensureAnotherAdmin(tx, m.supplierId, target);
    const before = grantSnapshot(target);
    await tx.user.update({
      where: { id: target.id },
      data: { permissions: serializePermissions(grant.permissions), allCustomers: grant.allCustomers },
    });
    await tx.userCustomerAccess.deleteMany({ where: { userId: target.id } });
    if (grant.customerIds.length) {
      await tx.userCustomerAccess.createMany({ data: grant.customerIds.map((customerId) => ({ userId: target.id, customerId })) });
    }
    await audit(tx, actorOf(m), {
      action: "user.access_changed",
      entityType: "User",
      entityId: target.id,
      before,
      after: { permissions: serializePermissions(grant.permissions), allCustomers: grant.allCustomers, customerIds: [...grant.customerIds].sort() },
    });
  });
  return done.ok ? ok(undefined, "users:edit.saved") : done.result;
}

/** Deactivates a user (never deletes): they cannot sign in and every session ends. */
export async function deactivateUser(m: Manager, userId: string): Promise<ActionResult<undefined>> {
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    const target = await findTarget(tx, me, userId);
    if (target.id === me.id) throw new Refused("users:errors.self");
    assertOutranks(me, target);
    await ensureAnotherAdmin(tx, m.supplierId, target);
    const changed = await tx.user.updateMany({
      where: { id: target.id, supplierId: m.supplierId, status: "ACTIVE" },
      data: { status: "DEACTIVATED", sessionVersion: { increment: 1 } },
    });
    if (changed.count === 0) return; // already deactivated: nothing to do
    await audit(tx, actorOf(m), {
      action: "user.deactivated",
      entityType: "User",
      entityId: target.id,
      before: { status: "ACTIVE" },
      after: { status: "DEACTIVATED" },
    });
  });
  return done.ok ? ok(undefined, "users:list.deactivated") : done.result;
}

/** Lets a deactivated user sign in again (old sessions stay ended). */
export async function reactivateUser(m: Manager, userId: string): Promise<ActionResult<undefined>> {
  const done = await run(async (tx) => {
    const me = await loadManager(tx, m);
    const target = await findTarget(tx, me, userId);
    assertOutranks(me, target);
    const changed = await tx.user.updateMany({
      where: { id: target.id, supplierId: m.supplierId, status: "DEACTIVATED" },
      data: { status: "ACTIVE", failedSignIns: 0, lockedUntil: null },
    });
    if (changed.count === 0) return;
    await audit(tx, actorOf(m), {
      action: "user.reactivated",
      entityType: "User",
      entityId: target.id,
      before: { status: "DEACTIVATED" },
      after: { status: "ACTIVE" },
    });
  });
  return done.ok ? ok(undefined, "users:list.reactivated") : done.result;
}

// ------------------------------------------------------------ join requests

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

// ------------------------------------------------------ registration (join)

export type InviteState =
  | { state: "valid"; email: string; company: string; name: string; locale: string }
  | { state: "used" | "expired" | "invalid" };

/** What the registration page shows for a link. */
export async function inspectInvitation(token: string): Promise<InviteState> {
  if (!isTokenShaped(token)) return { state: "invalid" };
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== INVITE_PURPOSE || !row.supplierId || !row.email) return { state: "invalid" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= new Date()) return { state: "expired" };
  const data = JSON.parse(row.data) as InviteData;
  const company = await db.supplierCompany.findUnique({ where: { id: row.supplierId }, select: { name: true } });
  if (!company) return { state: "invalid" };
  return { state: "valid", email: row.email, company: company.name, name: data.name ?? "", locale: data.locale };
}

export type JoinResult = { ok: true; userId: string; email: string } | { ok: false; error: "invalid" | "emailTaken" };

/** Registers the invited colleague in the company with the access chosen, in one transaction. */
export async function acceptInvitation(token: string, input: Omit<JoinInput, "token" | "confirm">, ip: string): Promise<JoinResult> {
  if (!isTokenShaped(token)) return { ok: false, error: "invalid" };
  const tokenHash = hashToken(token);
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash } });
  if (!row || row.purpose !== INVITE_PURPOSE || !row.supplierId || !row.email || row.usedAt || row.expiresAt <= new Date()) {
    return { ok: false, error: "invalid" };
  }
  const data = JSON.parse(row.data) as InviteData;
  const supplierId = row.supplierId;
  const email = row.email;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, error: "emailTaken" };
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const used = await tx.oneTimeToken.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      });
      if (used.count !== 1) return { ok: false as const, error: "invalid" as const };
      // Only customers still connected to the company.
      const still = await tx.customerRelationship.findMany({
        where: { supplierId, customerId: { in: data.customerIds } },
        select: { customerId: true },
      });
      const user = await tx.user.create({
        data: {
          email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          kind: "SUPPLIER",
          supplierId,
          permissions: serializePermissions(data.permissions),
          allCustomers: data.allCustomers,
          customerAccess: { create: still.map((s) => ({ customerId: s.customerId })) },
        },
      });
      await audit(tx, { type: "USER", id: user.id, ip }, {
        action: "user.joined",
        entityType: "User",
        entityId: user.id,
        after: {
          email,
          supplierId,
          permissions: user.permissions,
          allCustomers: user.allCustomers,
          customerIds: still.map((s) => s.customerId).sort(),
          invitedById: data.invitedById,
          joinRequestId: data.joinRequestId ?? null,
        },
      });
      const inviter = await tx.user.findFirst({
        where: { id: data.invitedById, supplierId, status: "ACTIVE" },
        select: { id: true, locale: true },
      });
      if (inviter) {
        const lng = isLng(inviter.locale) ? inviter.locale : "en";
        await notify(tx, [inviter.id], "users:events.joined", { name: user.name, email }, `/${lng}/setup/admin`);
      }
      return { ok: true as const, userId: user.id, email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "emailTaken" };
    throw error;
  }
}
