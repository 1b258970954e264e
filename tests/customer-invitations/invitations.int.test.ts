import { afterAll, describe, expect, it } from "vitest";
import { firstLink, startSmtpServer } from "../support/smtp";

// The SMTP server must be known before the app reads its environment.
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const svc = {
  ...(await import("@/features/customer-invitations/core")),
  ...(await import("@/features/customer-invitations/staff")),
  ...(await import("@/features/customer-invitations/landing")),
  ...(await import("@/features/customer-invitations/accept")),
  ...(await import("@/features/customer-invitations/forward")),
};
const { authenticate } = await import("@/features/accounts/service");
const { db } = await import("@/server/db");
const { hashToken } = await import("@/server/tokens");
const { makeCustomer, makeSupplier, makeUser, PASSWORD } = await import("../support/factories");

afterAll(() => smtp.close());

const STAFF = { type: "STAFF" as const, id: "staff-1", ip: "10.0.0.1" };
let ipCounter = 0;
/** A fresh client address per call, so the landing limit only bites where a test wants it. */
const ip = () => `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;

async function invite(opts: { email?: string; locale?: "en" | "zh"; message?: string; customerName?: string } = {}) {
  const customer = await makeCustomer({ name: opts.customerName });
  const email = opts.email ?? `contact-${unique()}@new-co-${unique()}.test`;
  const res = await svc.createInvitation({ customerId: customer.id, email, locale: opts.locale ?? "en", message: opts.message ?? "" }, STAFF);
  if (!res.ok) throw new Error(res.error);
  const mail = await smtp.waitFor(email, (m) => m.text?.includes(res.link!.split("/").pop()!) ?? false);
  const token = firstLink(mail).split("/").pop()!;
  return { customer, email, token, invitationId: res.invitationId, mail };
}

const registration = (token: string, extra: Partial<{ companyName: string; name: string; password: string; locale: "en" | "zh" }> = {}) => ({
  token,
  companyName: extra.companyName ?? "Fresh Supplies Ltd",
  name: extra.name ?? "Nina New",
  password: extra.password ?? PASSWORD,
  locale: extra.locale ?? ("en" as const),
});

describe("creating an invitation", () => {
  it("emails a single-use 30-day link in the invitee's language, storing only the token's hash", async () => {
    const { customer, email, token, invitationId, mail } = await invite({ locale: "zh", message: "欢迎加入我们的供应商网络", customerName: "Harbor Foods" });
    expect(mail.subject).toBe("Harbor Foods 邀请您加入 Supplier Connect");
    expect(mail.text).toContain("欢迎加入我们的供应商网络");
    expect(mail.text).toContain("加入 Supplier Connect: http://portal.test/zh/invite/");
    expect(mail.text).toContain(`http://portal.test/zh/invite/${token}/forward`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row).toMatchObject({ customerId: customer.id, email, locale: "zh", status: "PENDING", tokenHash: hashToken(token) });
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(30, 2);
    expect(await db.auditEvent.count({ where: { entityId: invitationId, action: "invitation.created", actorId: "staff-1" } })).toBe(1);
  });

  it("writes an English email without the message paragraph when there is none", async () => {
    const { mail } = await invite({ customerName: "Plain Co" });
    expect(mail.subject).toBe("Plain Co invites you to Supplier Connect");
    expect(mail.text).not.toContain("Message from");
    expect(mail.text).toContain("Forward this invitation to a colleague");
  });

  it("refuses an unknown customer and writes nothing", async () => {
    const before = await db.invitation.count();
    expect(await svc.createInvitation({ customerId: "nope", email: "a@b.test", locale: "en", message: "" }, STAFF)).toEqual({
      ok: false,
      error: "customerNotFound",
    });
    expect(await db.invitation.count()).toBe(before);
  });

  it("a repeated submit with the same key creates one invitation and one email", async () => {
    const customer = await makeCustomer();
    const email = `twice-${unique()}@twice.test`;
    const input = { customerId: customer.id, email, locale: "en" as const, message: "", idempotencyKey: `key-${unique()}` };
    const [a, b] = await Promise.all([svc.createInvitation(input, STAFF), svc.createInvitation(input, STAFF)]);
    expect(a.ok && b.ok).toBe(true);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
    expect(await db.outgoingMail.count({ where: { to: email } })).toBe(1);
  });

  it("a newer invitation for the same customer and email supersedes the older link", async () => {
    const first = await invite();
    const again = await svc.createInvitation({ customerId: first.customer.id, email: first.email, locale: "en", message: "" }, STAFF);
    expect(again.ok).toBe(true);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.invitationId } })).status).toBe("SUPERSEDED");
    expect(await svc.openInvitation(first.token, ip(), null, "en")).toEqual({ kind: "dead", reason: "superseded" });
    // A different customer's invitation to the same email is independent.
    const other = await makeCustomer();
    await svc.createInvitation({ customerId: other.id, email: first.email, locale: "en", message: "" }, STAFF);
    expect(await db.invitation.count({ where: { email: first.email, status: "PENDING" } })).toBe(2);
  });
});

describe("landing page branches", () => {
  it("offers registration when no account exists and no company owns the domain", async () => {
    const { token, email, customer } = await invite({ message: "Welcome aboard" });
    const landing = await svc.openInvitation(token, ip(), null, "en");
    expect(landing).toMatchObject({ kind: "register", invitation: { email, customer: customer.name, message: "Welcome aboard" } });
  });

  it("shows the customer's Chinese name on a Chinese page", async () => {
    const { token, customer } = await invite();
    await db.customer.update({ where: { id: customer.id }, data: { nameZh: "海港食品" } });
    expect(await svc.openInvitation(token, ip(), null, "zh")).toMatchObject({ invitation: { customer: "海港食品" } });
  });

  it("offers sign-in when the email has an account, and accept when signed in as that user", async () => {
    const s = await makeSupplier();
    const { token } = await invite({ email: s.email });
    expect(await svc.openInvitation(token, ip(), null, "en")).toMatchObject({ kind: "signIn" });
    expect(await svc.openInvitation(token, ip(), { id: s.userId, email: s.email, kind: "SUPPLIER" }, "en")).toMatchObject({ kind: "accept" });
  });

  it("says so when signed in as somebody else", async () => {
    const other = await makeSupplier();
    const { token } = await invite();
    expect(await svc.openInvitation(token, ip(), { id: other.userId, email: other.email, kind: "SUPPLIER" }, "en")).toMatchObject({
      kind: "otherUser",
      signedInAs: other.email,
    });
  });

  it("offers to join the company that owns the email's domain", async () => {
    await makeSupplier({ email: `boss@owned-${unique()}.test`, companyName: "Owned Domain Co" });
    const domain = (await db.supplierCompany.findFirstOrThrow({ where: { name: "Owned Domain Co" }, include: { domains: true } })).domains[0].domain;
    const { token } = await invite({ email: `newbie@${domain}` });
    expect(await svc.openInvitation(token, ip(), null, "en")).toMatchObject({ kind: "join", company: "Owned Domain Co" });
  });

  it("refuses a deactivated account's invitation without letting anyone in", async () => {
    const s = await makeSupplier();
    await db.user.update({ where: { id: s.userId }, data: { status: "DEACTIVATED" } });
    const { token } = await invite({ email: s.email });
    expect(await svc.openInvitation(token, ip(), null, "en")).toMatchObject({ kind: "unavailable" });
  });
});

describe("dead links", () => {
  it("tells unknown, malformed, expired, used, revoked, superseded and forwarded links apart", async () => {
    expect(await svc.openInvitation("x".repeat(43), ip(), null, "en")).toEqual({ kind: "dead", reason: "unknown" });
    expect(await svc.openInvitation("../../etc/passwd", ip(), null, "en")).toEqual({ kind: "dead", reason: "unknown" });

    const expired = await invite();
    await db.invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await svc.openInvitation(expired.token, ip(), null, "en")).toEqual({ kind: "dead", reason: "expired" });
    // An expired link cannot be used by any action either.
    expect(await svc.registerFromInvitation(registration(expired.token), ip())).toEqual({ ok: false, error: "expired" });

    const used = await invite();
    expect((await svc.registerFromInvitation(registration(used.token), ip())).ok).toBe(true);
    expect(await svc.openInvitation(used.token, ip(), null, "en")).toEqual({ kind: "dead", reason: "used" });

    const revoked = await invite();
    expect(await svc.revokeInvitation(revoked.invitationId, STAFF)).toEqual({ ok: true, changed: true });
    expect(await svc.openInvitation(revoked.token, ip(), null, "en")).toEqual({ kind: "dead", reason: "revoked" });
    expect(await svc.registerFromInvitation(registration(revoked.token), ip())).toEqual({ ok: false, error: "revoked" });

    const forwarded = await invite({ email: `first-${unique()}@fwd-co.test` });
    expect((await svc.forwardInvitation({ token: forwarded.token, email: `second-${unique()}@fwd-co.test`, locale: "en" }, ip())).ok).toBe(true);
    expect(await svc.openInvitation(forwarded.token, ip(), null, "en")).toEqual({ kind: "dead", reason: "forwarded" });
  });

  it("rate-limits the landing page per client address", async () => {
    const { token } = await invite();
    const address = "10.99.99.99";
    for (let i = 0; i < svc.LANDING_LIMIT; i++) expect((await svc.openInvitation(token, address, null, "en")).kind).toBe("register");
    expect(await svc.openInvitation(token, address, null, "en")).toEqual({ kind: "dead", reason: "rateLimited" });
    // Actions from that address are refused too, and nothing is written.
    const companies = await db.supplierCompany.count();
    expect(await svc.registerFromInvitation(registration(token), address)).toEqual({ ok: false, error: "rateLimited" });
    expect(await db.supplierCompany.count()).toBe(companies);
    expect((await svc.openInvitation(token, ip(), null, "en")).kind).toBe("register");
  });
});

describe("registering from an invitation", () => {
  it("creates the company, its admin, the connection, audit rows and a notification in one go", async () => {
    const { token, email, customer, invitationId } = await invite({ customerName: "Acme Buyer" });
    const res = await svc.registerFromInvitation(registration(token, { companyName: "Newco Parts", locale: "zh" }), ip());
    expect(res).toMatchObject({ ok: true, email });
    if (!res.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { id: res.userId } });
    expect(user).toMatchObject({ email, permissions: "admin", supplierId: res.supplierId, locale: "zh" });
    const rel = await db.customerRelationship.findUniqueOrThrow({
      where: { supplierId_customerId: { supplierId: res.supplierId, customerId: customer.id } },
    });
    expect(rel).toMatchObject({ origin: "INVITATION", onboardingState: "NOT_STARTED" });
    const inv = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(inv).toMatchObject({ status: "ACCEPTED", acceptedByUserId: res.userId });
    const actions = (await db.auditEvent.findMany({ where: { actorId: res.userId } })).map((a) => a.action).sort();
    expect(actions).toEqual(["invitation.accepted", "relationship.created", "supplier.created", "user.created"]);
    expect((await authenticate(email, PASSWORD, ip())).ok).toBe(true);
    const note = await db.notification.findFirstOrThrow({ where: { userId: res.userId } });
    expect(note.kind).toBe("invitations:events.accepted");
    expect(JSON.parse(note.params)).toMatchObject({ customer: "Acme Buyer" });
    expect(await svc.acceptedBy(token, res.userId, "en")).toBe("Acme Buyer");
    expect(await svc.acceptedBy(token, "someone-else", "en")).toBeNull();
  });

  it("uses the invited email, never one from the form", async () => {
    const { token, email } = await invite();
    const res = await svc.registerFromInvitation({ ...registration(token), email: "evil@attacker.test" } as never, ip());
    expect(res.ok).toBe(true);
    expect(await db.user.findUnique({ where: { email: "evil@attacker.test" } })).toBeNull();
    expect(await db.user.findUnique({ where: { email } })).not.toBeNull();
  });

  it("two registrations racing on one link connect once; the loser sees the used link and nothing of it is kept", async () => {
    const { token, customer } = await invite();
    const companies = await db.supplierCompany.count();
    const results = await Promise.all([
      svc.registerFromInvitation(registration(token, { companyName: "Racer One" }), ip()),
      svc.registerFromInvitation(registration(token, { companyName: "Racer Two" }), ip()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "used" });
    expect(await db.supplierCompany.count()).toBe(companies + 1);
    expect(await db.customerRelationship.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await svc.openInvitation(token, ip(), null, "en")).toEqual({ kind: "dead", reason: "used" });
  });

  it("a link revoked while the registration runs leaves no company or user behind", async () => {
    const { token, invitationId, email } = await invite();
    const companies = await db.supplierCompany.count();
    // The revoke commits while the registration is hashing the password.
    const [registered, revoked] = await Promise.all([svc.registerFromInvitation(registration(token), ip()), svc.revokeInvitation(invitationId, STAFF)]);
    expect(revoked).toEqual({ ok: true, changed: true });
    expect(registered).toEqual({ ok: false, error: "revoked" });
    expect(await db.supplierCompany.count()).toBe(companies);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });
});

describe("accepting with an existing account", () => {
  it("adds the customer to the user's company once, notifies its admins and audits", async () => {
    const s = await makeSupplier({ companyName: "Existing Co" });
    const member = await makeUser(s.supplierId, { permissions: "profile", allCustomers: false });
    const { token, customer, invitationId } = await invite({ email: member.email });
    const res = await svc.acceptInvitation(token, member.id, ip());
    expect(res).toEqual({ ok: true, userId: member.id, supplierId: s.supplierId });
    expect(await db.customerRelationship.count({ where: { supplierId: s.supplierId, customerId: customer.id, origin: "INVITATION" } })).toBe(1);
    // The member sees the new customer although limited to some customers.
    expect(await db.userCustomerAccess.count({ where: { userId: member.id, customerId: customer.id } })).toBe(1);
    // The company's admin is told; the non-admin member is not.
    expect(await db.notification.count({ where: { userId: s.userId, kind: "invitations:events.accepted" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: member.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: invitationId, action: "invitation.accepted", actorId: member.id } })).toBe(1);
  });

  it("accepting twice at once connects once and the second attempt gets the used link", async () => {
    const s = await makeSupplier();
    const { token, customer } = await invite({ email: s.email });
    const results = await Promise.all([svc.acceptInvitation(token, s.userId, ip()), svc.acceptInvitation(token, s.userId, ip())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: "used" });
    expect(await db.customerRelationship.count({ where: { customerId: customer.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invitation.accepted", actorId: s.userId } })).toBe(1);
    expect(await svc.acceptInvitation(token, s.userId, ip())).toEqual({ ok: false, error: "used" });
  });

  it("keeps an existing connection as it is (relationship unique per supplier and customer)", async () => {
    const s = await makeSupplier();
    const { token, customer } = await invite({ email: s.email });
    await db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: customer.id, origin: "REQUEST", onboardingState: "IN_PROGRESS" } });
    expect((await svc.acceptInvitation(token, s.userId, ip())).ok).toBe(true);
    const rels = await db.customerRelationship.findMany({ where: { customerId: customer.id } });
    expect(rels).toHaveLength(1);
    expect(rels[0]).toMatchObject({ origin: "REQUEST", onboardingState: "IN_PROGRESS" });
  });

  it("refuses a user whose email is not the invited one, and changes nothing", async () => {
    const other = await makeSupplier();
    const { token, invitationId } = await invite();
    expect(await svc.acceptInvitation(token, other.userId, ip())).toEqual({ ok: false, error: "wrongUser" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).status).toBe("PENDING");
    expect(await db.customerRelationship.count({ where: { supplierId: other.supplierId } })).toBe(0);
  });

  it("registration is refused once the email has an account", async () => {
    const s = await makeSupplier();
    const { token, invitationId } = await invite({ email: s.email });
    expect(await svc.registerFromInvitation(registration(token), ip())).toEqual({ ok: false, error: "accountExists" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).status).toBe("PENDING");
  });
});

describe("asking to join the company that owns the domain", () => {
  it("stores one join request, emails and notifies that company's admins, and keeps the link alive", async () => {
    const domain = `joinme-${unique()}.test`;
    const owner = await makeSupplier({ email: `owner@${domain}`, companyName: "Join Me Ltd", locale: "zh" });
    const { token, email, invitationId } = await invite({ email: `colleague@${domain}`, customerName: "Big Buyer" });
    const [a, b] = await Promise.all([svc.requestToJoin({ token, name: "Carl Colleague" }, ip()), svc.requestToJoin({ token, name: "Carl Colleague" }, ip())]);
    expect(a.ok && b.ok).toBe(true);
    const requests = await db.joinRequest.findMany({ where: { email } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ supplierId: owner.supplierId, name: "Carl Colleague", status: "PENDING", invitationId });
    const mail = await smtp.waitFor(owner.email, (m) => m.subject?.includes("Carl Colleague") ?? false);
    expect(mail.subject).toBe("Carl Colleague 申请加入 Supplier Connect 上的 Join Me Ltd");
    expect(mail.text).toContain("http://portal.test/zh/setup/admin");
    expect(await db.notification.count({ where: { userId: owner.userId, kind: "invitations:events.joinRequested" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "join_request.created", entityId: requests[0].id } })).toBe(1);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).status).toBe("PENDING");
  });

  it("refuses when no company owns the domain", async () => {
    const { token } = await invite();
    expect(await svc.requestToJoin({ token, name: "X" }, ip())).toEqual({ ok: false, error: "noCompany" });
  });
});

describe("forwarding to a colleague", () => {
  it("sends a fresh invitation on the same domain and kills the original", async () => {
    const domain = `fwd-${unique()}.test`;
    const original = await invite({ email: `buyer-contact@${domain}`, message: "Hi there", customerName: "Forward Foods" });
    const colleague = `accounts@${domain}`;
    expect(await svc.forwardInvitation({ token: original.token, email: colleague, locale: "zh" }, ip())).toEqual({ ok: true, email: colleague });
    const mail = await smtp.waitFor(colleague);
    expect(mail.subject).toBe(`buyer-contact@${domain} 向您转发了来自 Forward Foods 的邀请`);
    expect(mail.text).toContain("Hi there");
    const fresh = await db.invitation.findFirstOrThrow({ where: { email: colleague } });
    expect(fresh).toMatchObject({
      status: "PENDING",
      forwardedFromId: original.invitationId,
      customerId: original.customer.id,
      message: "Hi there",
      locale: "zh",
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: original.invitationId } })).status).toBe("SUPERSEDED");
    const newToken = firstLink(mail).split("/").pop()!;
    expect(await svc.openInvitation(newToken, ip(), null, "en")).toMatchObject({ kind: "register", invitation: { email: colleague } });
    // The forwarded link can be forwarded no more.
    expect(await svc.forwardInvitation({ token: original.token, email: `third@${domain}`, locale: "en" }, ip())).toEqual({ ok: false, error: "forwarded" });
  });

  it("the confirmation after a forward names the colleague, from the now dead link", async () => {
    const domain = `fwdc-${unique()}.test`;
    const original = await invite({ email: `buyer@${domain}` });
    expect(await svc.forwardedTo(original.token)).toBeNull();
    await svc.forwardInvitation({ token: original.token, email: `pal@${domain}`, locale: "en" }, ip());
    expect(await svc.openForForward(original.token, ip(), "en")).toEqual({ kind: "dead", reason: "forwarded" });
    expect(await svc.forwardedTo(original.token)).toBe(`pal@${domain}`);
    // Not for long: ten minutes later the dead link tells nothing more.
    await db.invitation.updateMany({ where: { forwardedFromId: original.invitationId }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });
    expect(await svc.forwardedTo(original.token)).toBeNull();
    expect(await svc.forwardedTo("not-a-token")).toBeNull();
  });

  it("refuses another domain, the same email and free-mail domains, changing nothing", async () => {
    const { token, email, invitationId } = await invite({ email: `me-${unique()}@samedomain.test` });
    expect(await svc.forwardInvitation({ token, email: "pal@elsewhere.test", locale: "en" }, ip())).toEqual({
      ok: false,
      field: "email",
      error: "differentDomain",
    });
    expect(await svc.forwardInvitation({ token, email, locale: "en" }, ip())).toEqual({ ok: false, field: "email", error: "sameEmail" });
    const gmail = await invite({ email: `someone${unique()}@gmail.com` });
    expect(await svc.forwardInvitation({ token: gmail.token, email: "friend@gmail.com", locale: "en" }, ip())).toEqual({
      ok: false,
      field: "email",
      error: "freeMail",
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).status).toBe("PENDING");
    expect(await db.invitation.count({ where: { email: { in: ["pal@elsewhere.test", "friend@gmail.com"] } } })).toBe(0);
  });

  it("two forwards racing on one link send one invitation", async () => {
    const domain = `fwdrace-${unique()}.test`;
    const { token } = await invite({ email: `a@${domain}` });
    const results = await Promise.all([
      svc.forwardInvitation({ token, email: `b@${domain}`, locale: "en" }, ip()),
      svc.forwardInvitation({ token, email: `c@${domain}`, locale: "en" }, ip()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.invitation.count({ where: { email: { in: [`b@${domain}`, `c@${domain}`] } } })).toBe(1);
  });
});

describe("staff: resend, revoke, list", () => {
  it("resend sends a new link, kills the old one, and a double click resends once", async () => {
    const { token, invitationId, email, customer } = await invite();
    const [a, b] = await Promise.all([svc.resendInvitation(invitationId, STAFF), svc.resendInvitation(invitationId, STAFF)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, error: "notLatest" });
    expect(await svc.openInvitation(token, ip(), null, "en")).toEqual({ kind: "dead", reason: "superseded" });
    const pending = await db.invitation.findMany({ where: { email, customerId: customer.id, status: "PENDING" } });
    expect(pending).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "invitation.resent", entityId: invitationId } })).toBe(1);
  });

  it("resends an expired or revoked invitation but not an accepted one", async () => {
    const expired = await invite();
    await db.invitation.update({ where: { id: expired.invitationId }, data: { expiresAt: new Date(Date.now() - 1) } });
    const r1 = await svc.resendInvitation(expired.invitationId, STAFF);
    expect(r1.ok).toBe(true);
    if (r1.ok) expect(await svc.openInvitation(r1.link.split("/").pop()!, ip(), null, "en")).toMatchObject({ kind: "register" });

    const revoked = await invite();
    await svc.revokeInvitation(revoked.invitationId, STAFF);
    expect((await svc.resendInvitation(revoked.invitationId, STAFF)).ok).toBe(true);

    const accepted = await invite();
    await svc.registerFromInvitation(registration(accepted.token), ip());
    expect(await svc.resendInvitation(accepted.invitationId, STAFF)).toEqual({ ok: false, error: "accepted" });
    expect(await svc.resendInvitation("missing", STAFF)).toEqual({ ok: false, error: "notFound" });
  });

  it("revoking is idempotent and cannot undo an acceptance", async () => {
    const { invitationId, token } = await invite();
    expect(await svc.revokeInvitation(invitationId, STAFF)).toEqual({ ok: true, changed: true });
    expect(await svc.revokeInvitation(invitationId, STAFF)).toEqual({ ok: true, changed: false });
    expect(await db.auditEvent.count({ where: { action: "invitation.revoked", entityId: invitationId } })).toBe(1);
    expect(await svc.acceptInvitation(token, "whoever", ip())).toEqual({ ok: false, error: "revoked" });

    const accepted = await invite();
    await svc.registerFromInvitation(registration(accepted.token), ip());
    expect(await svc.revokeInvitation(accepted.invitationId, STAFF)).toEqual({ ok: false, error: "notPending" });
    expect(await svc.revokeInvitation("missing", STAFF)).toEqual({ ok: false, error: "notFound" });
  });

  it("lists with filters by customer, derived status and email", async () => {
    const customer = await makeCustomer({ name: "Filter Foods" });
    const mk = async (email: string) => {
      const r = await svc.createInvitation({ customerId: customer.id, email, locale: "en", message: "" }, STAFF);
      if (!r.ok) throw new Error();
      return r.invitationId;
    };
    const live = await mk("live@filter.test");
    const old = await mk("old@filter.test");
    const gone = await mk("gone@filter.test");
    await db.invitation.update({ where: { id: old }, data: { expiresAt: new Date(Date.now() - 1) } });
    await svc.revokeInvitation(gone, STAFF);

    const all = await svc.listInvitations({ customerId: customer.id }, "en");
    expect(all.total).toBe(3);
    expect(all.items.map((i) => [i.email, i.status]).sort()).toEqual([
      ["gone@filter.test", "REVOKED"],
      ["live@filter.test", "PENDING"],
      ["old@filter.test", "EXPIRED"],
    ]);
    expect((await svc.listInvitations({ customerId: customer.id, status: "PENDING" }, "en")).items.map((i) => i.id)).toEqual([live]);
    expect((await svc.listInvitations({ customerId: customer.id, status: "EXPIRED" }, "en")).items.map((i) => i.id)).toEqual([old]);
    expect((await svc.listInvitations({ email: "gone@filter" }, "en")).items.map((i) => i.id)).toEqual([gone]);
    expect((await svc.listInvitations({ customerId: customer.id, email: "nobody" }, "en")).total).toBe(0);
  });
});
