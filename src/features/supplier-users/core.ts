import { connectedAmong } from "@/features/relationships/service";
import { fail, type ActionResult } from "@/lib/action-result";
import { isLng } from "@/lib/i18n/config";
import { can, canGrant, parsePermissions, type Permission } from "@/lib/permissions";
import type { Actor } from "@/server/audit";
import { type Tx, db } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import { newToken } from "@/server/tokens";
import type { Grant } from "./schemas";

/**
 * Supplier users, the pieces every stage shares. The stages live beside this
 * file: `team.ts` (the Admin page's view; access changes, deactivation),
 * `colleague-invitations.ts` (invite, resend, revoke), `join-requests.ts`
 * (approve or decline someone who asked to join), `colleague-join.ts` (the
 * invited colleague registers from the link).
 *
 * Every change re-reads the acting user inside its transaction (so a
 * permission removed a second ago counts), is scoped by `supplierId` in the
 * query, and writes its audit row in the same transaction. Mail goes out after
 * the commit (its outcome is kept in the mail log).
 */

export const INVITE_PURPOSE = "USER_INVITE";
export const INVITE_TTL_DAYS = 14;
export const INVITE_TTL_MS = INVITE_TTL_DAYS * 24 * 60 * 60 * 1000;

/** Who is acting: a supplier user of `supplierId` (from the session). */
export interface Manager {
  id: string;
  supplierId: string;
  ip?: string;
}

/** Payload of a USER_INVITE token. */
export interface InviteData {
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
export class Refused extends Error {
  constructor(
    readonly key: string,
    readonly field?: string,
  ) {
    super(key);
  }
}

export async function run<T>(work: (tx: Tx) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; result: ActionResult<never> }> {
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

export const actorOf = (m: Manager): Actor => ({ type: "USER", id: m.id, ip: m.ip });

export type Loaded = Awaited<ReturnType<typeof loadManager>>;

/** The acting user, fresh from the database: active, in the company, holding `users`. */
export async function loadManager(tx: Tx, m: Manager) {
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
export function normalise(grant: Grant): Grant {
  return grant.permissions.includes("admin") ? { permissions: ["admin"], allCustomers: true, customerIds: [] } : grant;
}

/** Nobody grants more than they hold: permissions, "all customers", or a customer they cannot see. */
export async function checkGrant(tx: Tx, me: Loaded, grant: Grant): Promise<void> {
  if (!canGrant(me.held, grant.permissions)) throw new Refused("users:errors.grantTooMuch", "permissions[]");
  if (grant.allCustomers) {
    if (!me.allCustomers) throw new Refused("users:errors.accessTooMuch", "customerIds[]");
    return;
  }
  if (!me.allCustomers && grant.customerIds.some((id) => !me.visible.has(id))) {
    throw new Refused("users:errors.accessTooMuch", "customerIds[]");
  }
  const connected = await connectedAmong(me.supplierId!, grant.customerIds, tx);
  if (connected.length !== grant.customerIds.length) throw new Refused("users:errors.unknownCustomer", "customerIds[]");
}

/** You may only manage someone whose permissions and customers you hold yourself. */
export function assertOutranks(me: Loaded, target: { permissions: string; allCustomers: boolean; customerAccess: { customerId: string }[] }) {
  const theirs = parsePermissions(target.permissions);
  const seesAll = target.allCustomers || theirs.includes("admin");
  const ok = canGrant(me.held, theirs) && (me.allCustomers || (!seesAll && target.customerAccess.every((a) => me.visible.has(a.customerId))));
  if (!ok) throw new Refused("users:errors.outranks");
}

/**
 * Inside the transaction, before demoting or deactivating an active admin: the
 * company must keep another active admin.
 */
export async function ensureAnotherAdmin(tx: Tx, supplierId: string, target: { id: string; permissions: string; status: string }) {
  if (target.status !== "ACTIVE" || !parsePermissions(target.permissions).includes("admin")) return;
  const others = await tx.user.findMany({
    where: { supplierId, kind: "SUPPLIER", status: "ACTIVE", id: { not: target.id } },
    select: { permissions: true },
  });
  if (!others.some((u) => parsePermissions(u.permissions).includes("admin"))) throw new Refused("users:errors.lastAdmin");
}

export async function findTarget(tx: Tx, me: Loaded, userId: string) {
  const target = await tx.user.findFirst({
    where: { id: userId, supplierId: me.supplierId!, kind: "SUPPLIER" },
    include: { customerAccess: { select: { customerId: true } } },
  });
  if (!target) throw new Refused("users:errors.notFound");
  return target;
}

export const grantSnapshot = (u: { permissions: string; allCustomers: boolean; customerAccess: { customerId: string }[] }) => ({
  permissions: u.permissions,
  allCustomers: u.allCustomers,
  customerIds: u.customerAccess.map((a) => a.customerId).sort(),
});

export const inviteEntity = (supplierId: string, email: string) => `${supplierId}/${email}`;

// ------------------------------------------------------ issuing a link

export async function sendInviteMail(to: string, data: InviteData, token: string, inviter: string, company: string) {
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
export async function issueInvite(tx: Tx, email: string, data: InviteData) {
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

export async function companyName(tx: Tx, supplierId: string) {
  return (await tx.supplierCompany.findUniqueOrThrow({ where: { id: supplierId }, select: { name: true } })).name;
}
