import { connectedCustomers } from "@/features/relationships/service";
import { ok, type ActionResult } from "@/lib/action-result";
import { canGrant, parsePermissions, permissions as allPermissions, serializePermissions, type Permission } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import {
  actorOf,
  assertOutranks,
  checkGrant,
  ensureAnotherAdmin,
  findTarget,
  grantSnapshot,
  INVITE_PURPOSE,
  loadManager,
  normalise,
  Refused,
  run,
  type InviteData,
  type Loaded,
  type Manager,
} from "./core";
import type { Grant } from "./schemas";

/**
 * Supplier users, the team: what Setup -> Admin shows (users, pending
 * colleague invitations, join requests), and changes to a user's permissions,
 * customer access and status.
 */

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
  const [users, tokens, joinRequests, connected] = await Promise.all([
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
    connectedCustomers(supplierId),
  ]);
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
