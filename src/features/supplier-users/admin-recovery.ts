import { isFreeMailDomain } from "@/lib/free-mail";
import { formatDateTime } from "@/lib/format";
import { permissions as allPermissions, serializePermissions } from "@/lib/permissions";
import { emailDomain } from "@/lib/validation";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { env } from "@/server/env";
import { portalUrl, sendMail } from "@/server/mail";
import { companyAdminIds } from "./join-requests";

/**
 * Company admin recovery (docs/decisions/0021-admin-recovery-and-notification-preferences.md):
 * when a supplier company has no active admin, one of its users asks support
 * for admin rights; staff see evidence (company-domain email, tenure, recent
 * activity, the former admins) and grant or refuse with a comment. Every step
 * is audited and emailed.
 */

const ACTIVITY_DAYS = 90;

export type RecoveryState =
  | { state: "notSupplier" }
  | { state: "isAdmin" }
  | { state: "hasAdmin" }
  | { state: "pending"; since: Date }
  | { state: "eligible"; lastDecision?: { status: string; comment: string; decidedAt: Date | null } };

async function companyHasAdmin(tx: Tx | typeof db, supplierId: string): Promise<boolean> {
  return (await companyAdminIds(tx as Tx, supplierId)).length > 0;
}

/** Where the user stands: may they ask, or is a request already waiting? */
export async function recoveryState(userId: string): Promise<RecoveryState> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.kind !== "SUPPLIER" || !user.supplierId || user.status !== "ACTIVE") return { state: "notSupplier" };
  if (user.permissions.split(",").includes("admin")) return { state: "isAdmin" };
  const pending = await db.adminRightsRequest.findUnique({ where: { pendingKey: userId } });
  if (pending) return { state: "pending", since: pending.createdAt };
  if (await companyHasAdmin(db, user.supplierId)) return { state: "hasAdmin" };
  const last = await db.adminRightsRequest.findFirst({ where: { userId }, orderBy: { createdAt: "desc" } });
  return { state: "eligible", ...(last ? { lastDecision: { status: last.status, comment: last.comment, decidedAt: last.decidedAt } } : {}) };
}

export type RecoveryRequestResult = { ok: true; created: boolean } | { ok: false; error: "notEligible" };

/** The user asks for admin rights. A repeated ask while one waits changes nothing. */
export async function requestAdminRights(userId: string, reason: string, ip: string): Promise<RecoveryRequestResult> {
  const outcome = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, include: { supplier: true } });
    if (!user || user.kind !== "SUPPLIER" || !user.supplierId || user.status !== "ACTIVE" || user.permissions.split(",").includes("admin")) return null;
    if (await tx.adminRightsRequest.findUnique({ where: { pendingKey: userId } })) return { created: false as const };
    if (await companyHasAdmin(tx, user.supplierId)) return null;
    const request = await tx.adminRightsRequest.create({ data: { supplierId: user.supplierId, userId, reason, pendingKey: userId } });
    await audit(
      tx,
      { type: "USER", id: userId, ip },
      { action: "admin_recovery.requested", entityType: "AdminRightsRequest", entityId: request.id, after: { supplierId: user.supplierId, reason } },
    );
    return { created: true as const, user, company: user.supplier!.name };
  });
  if (!outcome) return { ok: false, error: "notEligible" };
  if (outcome.created) {
    const { user, company } = outcome;
    await sendMail({
      to: user.email,
      locale: user.locale,
      template: "settings:recoveryRequestedMail",
      params: { name: user.name, company },
    });
    await sendMail({
      to: env.SUPPORT_EMAIL,
      locale: "en",
      template: "settings:recoveryStaffMail",
      params: { name: user.name, email: user.email, company },
      actionUrl: portalUrl("/en/admin/admin-recovery"),
    });
  }
  return { ok: true, created: outcome.created };
}

export interface RecoveryEvidence {
  id: string;
  status: string;
  reason: string;
  comment: string;
  createdAt: Date;
  decidedAt: Date | null;
  company: { id: string; name: string; domains: string[] };
  user: { id: string; name: string; email: string; createdAt: Date; lastSignInAt: Date | null };
  /** The email's domain is one the company registered (a free-mail address never is) */
  onCompanyDomain: boolean;
  freeMail: boolean;
  tenureDays: number;
  /** Audited actions of the user in the last 90 days */
  recentActions: number;
  formerAdmins: { name: string; email: string; status: string }[];
  /** True while the company still has no active admin */
  stillWithoutAdmin: boolean;
}

/** The requests for staff (waiting ones first, then the latest decided), each with its evidence. */
export async function recoveryRequestsForStaff(now = new Date()): Promise<RecoveryEvidence[]> {
  const rows = await db.adminRightsRequest.findMany({
    orderBy: [{ pendingKey: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 50,
    include: { user: true, supplier: { include: { domains: true } } },
  });
  const since = new Date(now.getTime() - ACTIVITY_DAYS * 86_400_000);
  return Promise.all(
    rows.map(async (r) => {
      const domain = emailDomain(r.user.email);
      const domains = r.supplier.domains.map((d) => d.domain);
      const [recentActions, colleagues, stillWithoutAdmin] = await Promise.all([
        db.auditEvent.count({ where: { actorId: r.userId, createdAt: { gte: since } } }),
        db.user.findMany({ where: { supplierId: r.supplierId, kind: "SUPPLIER" }, select: { name: true, email: true, status: true, permissions: true } }),
        companyHasAdmin(db, r.supplierId).then((has) => !has),
      ]);
      return {
        id: r.id,
        status: r.status,
        reason: r.reason,
        comment: r.comment,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        company: { id: r.supplierId, name: r.supplier.name, domains },
        user: { id: r.userId, name: r.user.name, email: r.user.email, createdAt: r.user.createdAt, lastSignInAt: r.user.lastSignInAt },
        onCompanyDomain: !isFreeMailDomain(domain) && domains.includes(domain),
        freeMail: isFreeMailDomain(domain),
        tenureDays: Math.floor((now.getTime() - r.user.createdAt.getTime()) / 86_400_000),
        recentActions,
        formerAdmins: colleagues.filter((c) => c.permissions.split(",").includes("admin")).map(({ name, email, status }) => ({ name, email, status })),
        stillWithoutAdmin,
      };
    }),
  );
}

export type RecoveryDecisionResult = { ok: true; changed: boolean } | { ok: false; error: "notFound" | "companyHasAdmin" };

/**
 * Staff grant (the user becomes a company admin with every permission and
 * every customer) or refuse, with a comment. Deciding twice changes nothing;
 * a grant is refused once the company has an active admin again.
 */
export async function decideRecovery(
  id: string,
  decision: "GRANTED" | "REFUSED",
  comment: string,
  actor: Actor & { type: "STAFF" },
): Promise<RecoveryDecisionResult> {
  const outcome = await db.$transaction(async (tx) => {
    const r = await tx.adminRightsRequest.findUnique({ where: { id }, include: { user: true, supplier: true } });
    if (!r) return { error: "notFound" as const };
    if (r.status !== "PENDING") return { changed: false as const };
    if (decision === "GRANTED" && (await companyHasAdmin(tx, r.supplierId))) return { error: "companyHasAdmin" as const };
    const now = new Date();
    const claimed = await tx.adminRightsRequest.updateMany({
      where: { id, status: "PENDING" },
      data: { status: decision, comment, decidedById: actor.id, decidedAt: now, pendingKey: null },
    });
    if (claimed.count !== 1) return { changed: false as const };
    if (decision === "GRANTED") {
      const permissions = serializePermissions(allPermissions);
      await tx.user.update({ where: { id: r.userId }, data: { permissions, allCustomers: true } });
      await tx.userCustomerAccess.deleteMany({ where: { userId: r.userId } });
      await audit(tx, actor, {
        action: "user.access_changed",
        entityType: "User",
        entityId: r.userId,
        before: { permissions: r.user.permissions, allCustomers: r.user.allCustomers },
        after: { permissions, allCustomers: true, via: "admin_recovery" },
      });
    }
    await audit(tx, actor, {
      action: decision === "GRANTED" ? "admin_recovery.granted" : "admin_recovery.refused",
      entityType: "AdminRightsRequest",
      entityId: id,
      before: { status: "PENDING" },
      after: { status: decision, comment },
    });
    return { changed: true as const, user: r.user, company: r.supplier.name, at: now };
  });
  if ("error" in outcome) return { ok: false, error: outcome.error! };
  if (outcome.changed) {
    const { user, company, at } = outcome;
    await sendMail({
      to: user.email,
      locale: user.locale,
      template: decision === "GRANTED" ? "settings:recoveryGrantedMail" : "settings:recoveryRefusedMail",
      params: { name: user.name, company, comment: comment || "—", when: formatDateTime(at, user.locale, user.timeZone ?? undefined) },
      actionUrl: portalUrl(decision === "GRANTED" ? `/${user.locale}/setup/admin` : `/${user.locale}/profile/admin-recovery`),
    });
  }
  return { ok: true, changed: outcome.changed };
}

/** Waiting requests, for the admin dashboard. */
export function countPendingRecoveries(): Promise<number> {
  return db.adminRightsRequest.count({ where: { status: "PENDING" } });
}
