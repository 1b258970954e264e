import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { firstLink, startSmtpServer } from "../support/smtp";

// The SMTP server must be known before the app reads its environment.
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const users = {
  ...(await import("@/features/supplier-users/team")),
  ...(await import("@/features/supplier-users/colleague-invitations")),
  ...(await import("@/features/supplier-users/join-requests")),
  ...(await import("@/features/supplier-users/colleague-join")),
};
const { customerScope } = await import("@/server/access");
const { authenticate } = await import("@/features/accounts/service");
const { parsePermissions } = await import("@/lib/permissions");
const { db } = await import("@/server/db");
const { makeSupplier, makeUser, makeCustomer, PASSWORD } = await import("../support/factories");

afterAll(() => smtp.close());

type Grant = { permissions: ("admin" | "profile" | "requests" | "onboarding" | "users")[]; allCustomers: boolean; customerIds: string[] };
const all = (...permissions: Grant["permissions"]): Grant => ({ permissions, allCustomers: true, customerIds: [] });
const only = (customerIds: string[], ...permissions: Grant["permissions"]): Grant => ({ permissions, allCustomers: false, customerIds });

async function connect(supplierId: string, customerId: string) {
  await db.customerRelationship.create({ data: { supplierId, customerId, origin: "STAFF" } });
}

/** A company with its admin, two connected customers and one unconnected. */
async function company(locale: "en" | "zh" = "en") {
  const s = await makeSupplier({ locale });
  const [c1, c2, other] = [await makeCustomer(), await makeCustomer(), await makeCustomer()];
  await connect(s.supplierId, c1.id);
  await connect(s.supplierId, c2.id);
  const admin = { id: s.userId, supplierId: s.supplierId };
  return { ...s, admin, c1, c2, other };
}

const asManager = (u: { id: string; supplierId: string | null }) => ({ id: u.id, supplierId: u.supplierId! });
const tokenOf = (link: string) => link.split("/join/")[1];

/** Everything a refused action could have touched, to compare before and after. */
async function snapshot(supplierId: string) {
  const [u, tokens, access, requests] = await Promise.all([
    db.user.findMany({
      where: { supplierId },
      orderBy: { id: "asc" },
      select: { id: true, permissions: true, allCustomers: true, status: true, sessionVersion: true },
    }),
    db.oneTimeToken.findMany({ where: { supplierId }, orderBy: { tokenHash: "asc" } }),
    db.userCustomerAccess.findMany({ where: { user: { supplierId } }, orderBy: [{ userId: "asc" }, { customerId: "asc" }] }),
    db.joinRequest.findMany({ where: { supplierId }, orderBy: { id: "asc" } }),
  ]);
  return { u, tokens, access, requests, audits: await db.auditEvent.count() };
}

beforeEach(() => {
  smtp.received.length = 0;
});

describe("inviting a colleague", () => {
  it("stores only the token's hash, mails the link in the chosen language, and registers the colleague with exactly that access", async () => {
    const co = await company();
    const res = await users.inviteColleague(co.admin, { email: "lin@colleague.test", locale: "zh", grant: only([co.c1.id], "requests") });
    expect(res).toMatchObject({ ok: true });

    const mail = await smtp.waitFor("lin@colleague.test");
    expect(mail.subject).toContain("邀请您加入");
    const link = firstLink(mail);
    expect(link).toMatch(/^http:\/\/portal\.test\/zh\/join\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);
    const row = await db.oneTimeToken.findFirstOrThrow({ where: { supplierId: co.supplierId, email: "lin@colleague.test" } });
    expect(row.purpose).toBe("USER_INVITE");
    expect(row.tokenHash).not.toBe(token);
    expect(row.data).not.toContain(token);
    expect(await db.auditEvent.count({ where: { action: "user.invited", actorId: co.userId } })).toBe(1);

    expect(await users.inspectColleagueInvitation(token)).toMatchObject({ state: "valid", email: "lin@colleague.test" });
    const joined = await users.acceptColleagueInvitation(token, { name: "Lin", password: PASSWORD, locale: "zh" }, "10.1.1.1");
    expect(joined).toMatchObject({ ok: true, email: "lin@colleague.test" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "lin@colleague.test" }, include: { customerAccess: true } });
    expect(user).toMatchObject({ supplierId: co.supplierId, permissions: "requests", allCustomers: false, locale: "zh", status: "ACTIVE" });
    expect(user.customerAccess.map((a) => a.customerId)).toEqual([co.c1.id]);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await db.auditEvent.count({ where: { action: "user.joined", entityId: user.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: co.userId, kind: "users:events.joined" } })).toBe(1);
    expect((await authenticate("lin@colleague.test", PASSWORD, "10.1.1.2")).ok).toBe(true);

    // Single use.
    expect(await users.inspectColleagueInvitation(token)).toEqual({ state: "used" });
    expect(await users.acceptColleagueInvitation(token, { name: "Again", password: PASSWORD, locale: "en" }, "10.1.1.1")).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await db.user.count({ where: { email: "lin@colleague.test" } })).toBe(1);
  });

  it("refuses an expired link and says so", async () => {
    const co = await company();
    await users.inviteColleague(co.admin, { email: "late@colleague.test", locale: "en", grant: all("profile") });
    const token = tokenOf(firstLink(await smtp.waitFor("late@colleague.test")));
    await db.oneTimeToken.updateMany({ where: { email: "late@colleague.test" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await users.inspectColleagueInvitation(token)).toEqual({ state: "expired" });
    expect(await users.acceptColleagueInvitation(token, { name: "Late", password: PASSWORD, locale: "en" }, "10.1.1.1")).toEqual({
      ok: false,
      error: "invalid",
    });
    expect(await db.user.count({ where: { email: "late@colleague.test" } })).toBe(0);
    // An expired invitation can be sent again.
    expect((await users.resendColleagueInvitation(co.admin, "late@colleague.test")).ok).toBe(true);
  });

  it("keeps one invitation per email: a second submit is refused, and an existing user's email too", async () => {
    const co = await company();
    const input = { email: "twice@colleague.test", locale: "en" as const, grant: all("profile") };
    const [a, b] = await Promise.all([users.inviteColleague(co.admin, input), users.inviteColleague(co.admin, input)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(await db.oneTimeToken.count({ where: { supplierId: co.supplierId, email: "twice@colleague.test" } })).toBe(1);

    const res = await users.inviteColleague(co.admin, { ...input, email: co.email });
    expect(res).toMatchObject({ ok: false, fieldErrors: { email: ["users:errors.emailTaken"] } });
  });

  it("resend issues a new link and kills the old one; revoke kills the link", async () => {
    const co = await company();
    await users.inviteColleague(co.admin, { email: "re@colleague.test", locale: "en", grant: all("profile") });
    const first = tokenOf(firstLink(await smtp.waitFor("re@colleague.test")));
    smtp.received.length = 0;
    expect(await users.resendColleagueInvitation(co.admin, "re@colleague.test")).toMatchObject({ ok: true });
    const second = tokenOf(firstLink(await smtp.waitFor("re@colleague.test")));
    expect(second).not.toBe(first);
    expect(await users.inspectColleagueInvitation(first)).toEqual({ state: "invalid" });
    expect(await users.inspectColleagueInvitation(second)).toMatchObject({ state: "valid" });

    expect(await users.revokeColleagueInvitation(co.admin, "re@colleague.test")).toMatchObject({ ok: true });
    expect(await users.inspectColleagueInvitation(second)).toEqual({ state: "invalid" });
    expect(await users.acceptColleagueInvitation(second, { name: "Re", password: PASSWORD, locale: "en" }, "10.1.1.1")).toEqual({
      ok: false,
      error: "invalid",
    });
    expect((await users.teamView(co.admin))!.invitations).toEqual([]);
    expect(await users.revokeColleagueInvitation(co.admin, "re@colleague.test")).toMatchObject({ ok: false, formError: "users:errors.notFound" });
    const actions = (await db.auditEvent.findMany({ where: { entityType: "UserInvite", actorId: co.userId } })).map((e) => e.action).sort();
    expect(actions).toEqual(["user.invite_resent", "user.invite_revoked", "user.invited"]);
  });
});

describe("permissions", () => {
  it("only `users` (or admin) lets a user manage users; profile, requests and onboarding do not", async () => {
    const co = await company();
    const victim = await makeUser(co.supplierId, { permissions: "profile" });
    const request = await db.joinRequest.create({ data: { supplierId: co.supplierId, email: "jr@colleague.test", name: "JR" } });
    await users.inviteColleague(co.admin, { email: "pending@colleague.test", locale: "en", grant: all() });

    for (const held of ["profile", "requests", "onboarding", "profile,requests,onboarding", ""]) {
      const member = asManager(await makeUser(co.supplierId, { permissions: held }));
      const before = await snapshot(co.supplierId);
      const attempts = [
        await users.inviteColleague(member, { email: `x-${held.length}@colleague.test`, locale: "en", grant: all() }),
        await users.updateAccess(member, victim.id, all("profile", "requests")),
        await users.deactivateUser(member, victim.id),
        await users.reactivateUser(member, victim.id),
        await users.resendColleagueInvitation(member, "pending@colleague.test"),
        await users.revokeColleagueInvitation(member, "pending@colleague.test"),
        await users.approveJoinRequest(member, request.id, all()),
        await users.declineJoinRequest(member, request.id),
      ];
      for (const r of attempts) expect(r).toMatchObject({ ok: false, formError: "errors.notAllowed" });
      expect(await users.teamView(member)).toBeNull();
      expect(await snapshot(co.supplierId)).toEqual(before);
    }

    for (const held of ["users", "admin"]) {
      const manager = asManager(await makeUser(co.supplierId, { permissions: held }));
      expect(await users.teamView(manager)).not.toBeNull();
      expect(await users.inviteColleague(manager, { email: `ok-${held}@colleague.test`, locale: "en", grant: all() })).toMatchObject({ ok: true });
    }
  });

  it("nobody grants more than they hold, and a refused grant changes nothing", async () => {
    const co = await company();
    const manager = asManager(await makeUser(co.supplierId, { permissions: "users,requests" }));
    const member = await makeUser(co.supplierId, { permissions: "requests" });

    const before = await snapshot(co.supplierId);
    const admin = await users.inviteColleague(manager, { email: "boss@colleague.test", locale: "en", grant: all("admin") });
    expect(admin).toMatchObject({ ok: false, fieldErrors: { "permissions[]": ["users:errors.grantTooMuch"] } });
    expect(await users.inviteColleague(manager, { email: "prof@colleague.test", locale: "en", grant: all("profile") })).toMatchObject({
      ok: false,
      formError: "users:errors.grantTooMuch",
    });
    expect(await users.updateAccess(manager, member.id, all("admin"))).toMatchObject({ ok: false, formError: "users:errors.grantTooMuch" });
    expect(await users.updateAccess(manager, manager.id, all("users", "requests", "profile"))).toMatchObject({
      ok: false,
      formError: "users:errors.grantTooMuch",
    });
    // Nor touch someone who holds more.
    expect(await users.deactivateUser(manager, co.userId)).toMatchObject({ ok: false, formError: "users:errors.outranks" });
    expect(await users.updateAccess(manager, co.userId, all("requests"))).toMatchObject({ ok: false, formError: "users:errors.outranks" });
    expect(await snapshot(co.supplierId)).toEqual(before);

    // What they hold, they may grant.
    expect(await users.updateAccess(manager, member.id, all("requests", "users"))).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).permissions).toBe("requests,users");
    expect(await users.deactivateUser(manager, member.id)).toMatchObject({ ok: true });
  });

  it("a manager limited to some customers grants only those, and only connected customers can be granted", async () => {
    const co = await company();
    const limited = await makeUser(co.supplierId, { permissions: "users", allCustomers: false });
    await db.userCustomerAccess.create({ data: { userId: limited.id, customerId: co.c1.id } });
    const manager = asManager(limited);
    const before = await snapshot(co.supplierId);

    expect(await users.inviteColleague(manager, { email: "a@colleague.test", locale: "en", grant: all() })).toMatchObject({
      ok: false,
      fieldErrors: { "customerIds[]": ["users:errors.accessTooMuch"] },
    });
    expect(await users.inviteColleague(manager, { email: "b@colleague.test", locale: "en", grant: only([co.c2.id]) })).toMatchObject({
      ok: false,
      formError: "users:errors.accessTooMuch",
    });
    expect(await users.inviteColleague(co.admin, { email: "c@colleague.test", locale: "en", grant: only([co.other.id]) })).toMatchObject({
      ok: false,
      formError: "users:errors.unknownCustomer",
    });
    expect(await snapshot(co.supplierId)).toEqual(before);

    expect(await users.inviteColleague(manager, { email: "d@colleague.test", locale: "en", grant: only([co.c1.id]) })).toMatchObject({ ok: true });
    const view = (await users.teamView(manager))!;
    expect(view.customers.map((c) => c.id)).toEqual([co.c1.id]);
    expect(view.grantable).toEqual(["users"]);
  });

  it("admin implies every customer, whatever the form said", async () => {
    const co = await company();
    const member = await makeUser(co.supplierId, { permissions: "requests" });
    expect(await users.updateAccess(co.admin, member.id, only([co.c1.id], "admin", "requests"))).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id }, include: { customerAccess: true } });
    expect(after).toMatchObject({ permissions: "admin", allCustomers: true });
    expect(after.customerAccess).toEqual([]);
  });

  it("changes a user's permissions and customers, with the before and after audited", async () => {
    const co = await company();
    const member = await makeUser(co.supplierId, { permissions: "requests" });
    expect(await users.updateAccess(co.admin, member.id, only([co.c1.id, co.c2.id], "onboarding"))).toMatchObject({ ok: true });
    expect(await users.updateAccess(co.admin, member.id, only([co.c2.id], "onboarding", "profile"))).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id }, include: { customerAccess: true } });
    expect(after).toMatchObject({ permissions: "profile,onboarding", allCustomers: false });
    expect(after.customerAccess.map((a) => a.customerId)).toEqual([co.c2.id]);
    const last = await db.auditEvent.findFirstOrThrow({ where: { action: "user.access_changed", entityId: member.id }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(last.before!)).toMatchObject({ permissions: "onboarding", customerIds: [co.c1.id, co.c2.id].sort() });
    expect(JSON.parse(last.after!)).toMatchObject({ permissions: "profile,onboarding", customerIds: [co.c2.id] });
  });
});

describe("another company's users", () => {
  it("cannot be read, edited, deactivated or decided by id", async () => {
    const a = await company();
    const b = await company();
    const theirs = await makeUser(b.supplierId, { permissions: "requests" });
    const request = await db.joinRequest.create({ data: { supplierId: b.supplierId, email: "jb@colleague.test", name: "JB" } });
    await users.inviteColleague(b.admin, { email: "inv-b@colleague.test", locale: "en", grant: all() });
    const before = await snapshot(b.supplierId);

    for (const r of [
      await users.updateAccess(a.admin, theirs.id, all("admin")),
      await users.updateAccess(a.admin, b.userId, all()),
      await users.deactivateUser(a.admin, theirs.id),
      await users.reactivateUser(a.admin, theirs.id),
      await users.approveJoinRequest(a.admin, request.id, all()),
      await users.declineJoinRequest(a.admin, request.id),
      await users.resendColleagueInvitation(a.admin, "inv-b@colleague.test"),
      await users.revokeColleagueInvitation(a.admin, "inv-b@colleague.test"),
    ]) {
      expect(r).toMatchObject({ ok: false, formError: "users:errors.notFound" });
    }
    // A's admin claiming B's company is nobody.
    expect(await users.deactivateUser({ id: a.userId, supplierId: b.supplierId }, theirs.id)).toMatchObject({ ok: false, formError: "errors.notAllowed" });
    // B's customers are not A's to grant.
    expect(await users.inviteColleague(a.admin, { email: "x@colleague.test", locale: "en", grant: only([b.c1.id]) })).toMatchObject({
      ok: false,
      formError: "users:errors.unknownCustomer",
    });
    expect(await snapshot(b.supplierId)).toEqual(before);
    expect((await users.teamView(a.admin))!.users.map((u) => u.id)).toEqual([a.userId]);
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or deactivated; with a second admin it can", async () => {
    const co = await company();
    expect(await users.updateAccess(co.admin, co.userId, all("users"))).toMatchObject({ ok: false, formError: "users:errors.lastAdmin" });
    expect(await users.deactivateUser(co.admin, co.userId)).toMatchObject({ ok: false, formError: "users:errors.self" });
    expect((await db.user.findUniqueOrThrow({ where: { id: co.userId } })).permissions).toBe("admin");

    const second = await makeUser(co.supplierId, { permissions: "admin" });
    expect(await users.deactivateUser(co.admin, second.id)).toMatchObject({ ok: true });
    // The other admin is deactivated: still the last active one.
    expect(await users.updateAccess(co.admin, co.userId, all("users"))).toMatchObject({ ok: false, formError: "users:errors.lastAdmin" });
    expect(await users.reactivateUser(co.admin, second.id)).toMatchObject({ ok: true });
    expect(await users.updateAccess(co.admin, co.userId, all("users"))).toMatchObject({ ok: true });
    expect(parsePermissions((await db.user.findUniqueOrThrow({ where: { id: co.userId } })).permissions)).toEqual(["users"]);
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const co = await company();
    const second = await makeUser(co.supplierId, { permissions: "admin" });
    const results = await Promise.all([
      users.updateAccess(co.admin, second.id, all("profile")),
      users.updateAccess(asManager(second), co.userId, all("profile")),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await db.user.findMany({ where: { supplierId: co.supplierId, permissions: "admin", status: "ACTIVE" } });
    expect(admins).toHaveLength(1);
  });
});

describe("deactivation", () => {
  it("ends every session (sessionVersion bump), blocks sign-in, is idempotent, and reactivation lets them back", async () => {
    const co = await company();
    const member = await makeUser(co.supplierId, { permissions: "requests" });
    expect((await authenticate(member.email, PASSWORD, "10.2.2.2")).ok).toBe(true);

    expect(await users.deactivateUser(co.admin, member.id)).toMatchObject({ ok: true });
    expect(await users.deactivateUser(co.admin, member.id)).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(after).toMatchObject({ status: "DEACTIVATED", sessionVersion: member.sessionVersion + 1 });
    expect(await db.auditEvent.count({ where: { action: "user.deactivated", entityId: member.id } })).toBe(1);
    expect(await authenticate(member.email, PASSWORD, "10.2.2.2")).toEqual({ ok: false, error: "invalid" });
    // Never deleted: still listed.
    expect((await users.teamView(co.admin))!.users.find((u) => u.id === member.id)).toMatchObject({ status: "DEACTIVATED" });

    expect(await users.reactivateUser(co.admin, member.id)).toMatchObject({ ok: true });
    const back = await db.user.findUniqueOrThrow({ where: { id: member.id } });
    // Old sessions stay ended: the version is not rolled back.
    expect(back).toMatchObject({ status: "ACTIVE", sessionVersion: member.sessionVersion + 1 });
    expect((await authenticate(member.email, PASSWORD, "10.2.2.2")).ok).toBe(true);
  });
});

describe("join requests", () => {
  it("approve sends a registration link in the requester's language and registers them with the access chosen", async () => {
    const co = await company();
    const request = await db.joinRequest.create({
      data: { supplierId: co.supplierId, email: "Wang@Colleague.test", name: "王伟", locale: "zh" },
    });
    expect((await users.teamView(co.admin))!.joinRequests.map((j) => j.id)).toEqual([request.id]);
    expect(await users.approveJoinRequest(co.admin, request.id, only([co.c2.id], "onboarding"))).toMatchObject({ ok: true });
    expect(await users.approveJoinRequest(co.admin, request.id, all("onboarding"))).toMatchObject({ ok: false, formError: "users:errors.notFound" });

    const decided = await db.joinRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided).toMatchObject({ status: "APPROVED", decidedById: co.userId });
    expect(await db.auditEvent.count({ where: { action: "join_request.approved", entityId: request.id } })).toBe(1);
    const mail = await smtp.waitFor("wang@colleague.test");
    expect(mail.subject).toContain("已获批准");
    const token = tokenOf(firstLink(mail));
    expect(await users.inspectColleagueInvitation(token)).toMatchObject({ state: "valid", name: "王伟", email: "wang@colleague.test" });
    expect(await users.acceptColleagueInvitation(token, { name: "王伟", password: PASSWORD, locale: "zh" }, "10.3.3.3")).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "wang@colleague.test" }, include: { customerAccess: true } });
    expect(user).toMatchObject({ supplierId: co.supplierId, permissions: "onboarding", allCustomers: false });
    expect(user.customerAccess.map((a) => a.customerId)).toEqual([co.c2.id]);
  });

  it("decline tells them by email and creates nothing", async () => {
    const co = await company();
    const request = await db.joinRequest.create({ data: { supplierId: co.supplierId, email: "no@colleague.test", name: "Nope" } });
    expect(await users.declineJoinRequest(co.admin, request.id)).toMatchObject({ ok: true });
    expect(await users.declineJoinRequest(co.admin, request.id)).toMatchObject({ ok: false, formError: "users:errors.notFound" });
    expect(await db.joinRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "DECLINED", decidedById: co.userId });
    const mail = await smtp.waitFor("no@colleague.test");
    expect(mail.subject).toContain("Your request to join");
    expect(mail.text).not.toMatch(/\/join\//);
    expect(await db.oneTimeToken.count({ where: { email: "no@colleague.test" } })).toBe(0);
    expect(await db.user.count({ where: { email: "no@colleague.test" } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "join_request.declined", entityId: request.id } })).toBe(1);
  });

  it("approval by a manager is bounded by what the manager holds", async () => {
    const co = await company();
    const manager = asManager(await makeUser(co.supplierId, { permissions: "users" }));
    const request = await db.joinRequest.create({ data: { supplierId: co.supplierId, email: "up@colleague.test", name: "Up" } });
    expect(await users.approveJoinRequest(manager, request.id, all("admin"))).toMatchObject({ ok: false, formError: "users:errors.grantTooMuch" });
    expect((await db.joinRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");
    expect(await db.oneTimeToken.count({ where: { email: "up@colleague.test" } })).toBe(0);
  });
});

describe("customerScope", () => {
  it("limits a member to the customers granted; all-customer users and admins see every one", async () => {
    const co = await company();
    const limited = await makeUser(co.supplierId, { permissions: "requests", allCustomers: false });
    await db.userCustomerAccess.create({ data: { userId: limited.id, customerId: co.c2.id } });
    const everyone = await makeUser(co.supplierId, { permissions: "requests" });
    const session = (u: { id: string; supplierId: string | null; permissions: string; allCustomers: boolean }) => ({
      id: u.id,
      kind: "SUPPLIER" as const,
      supplierId: u.supplierId,
      permissions: parsePermissions(u.permissions),
      allCustomers: u.allCustomers,
    });
    const seen = async (u: Parameters<typeof session>[0]) =>
      (await db.customerRelationship.findMany({ where: { supplierId: co.supplierId, customer: customerScope(session(u)) } })).map((r) => r.customerId).sort();

    expect(await seen(limited)).toEqual([co.c2.id]);
    expect(await seen(everyone)).toEqual([co.c1.id, co.c2.id].sort());
    const admin = await db.user.update({ where: { id: co.userId }, data: { allCustomers: false } });
    expect(await seen(admin)).toEqual([co.c1.id, co.c2.id].sort());
    expect(await db.customer.count({ where: customerScope({ ...session(limited), kind: "STAFF" as never }) })).toBe(0);
  });
});
