// No working one-time token is ever stored readable in production (issue 10, item 1).
// Production semantics with a real SMTP server: every kind of email that carries a
// token is created, the tokens are read from the messages the SMTP server received,
// and then every text column of every table, and the raw database files, are searched.
import crypto from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import type { ParsedMail } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startSmtpServer } from "../support/smtp";

// The environment is read once, at the first import of an app module: set it first.
// Nothing listens on this port until the first test starts the SMTP server there,
// so the first email fails and is resent.
const port = await freePort();
process.env.APP_ENV = "production";
process.env.MFA_ENCRYPTION_KEY = "test-encryption-key-test-encryption-key-0123";
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
// Production's CAPTCHA difficulty would make the connection request slow to solve here.
process.env.CAPTCHA_COST = "1";
process.env.CAPTCHA_MAX_COUNTER = "50";
const { env } = await import("@/server/env");
const accounts = await import("@/features/accounts/service");
const invitations = { ...(await import("@/features/customer-invitations/staff")), ...(await import("@/features/customer-invitations/forward")) };
const users = {
  ...(await import("@/features/supplier-users/colleague-invitations")),
  ...(await import("@/features/supplier-users/join-requests")),
  ...(await import("@/features/supplier-users/colleague-join")),
};
const requests = await import("@/features/connection-requests/service");
const { createStaffAccount } = await import("@/features/staff-accounts/service");
const { createStaffSchema } = await import("@/features/staff-accounts/schemas");
const { resendMail } = await import("@/features/mail-log/service");
const { db } = await import("@/server/db");
const { hashToken } = await import("@/server/tokens");
const { makeCustomer, makeSupplier, PASSWORD } = await import("../support/factories");
const { solvedCaptcha } = await import("../connection-requests/captcha-helper");

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterAll(() => smtp?.close());

const TOKEN = /[A-Za-z0-9_-]{43}/g;
/** Every token in a received message's links, by the path it was found under (e.g. "/reset-password/"). */
function linksIn(mail: ParsedMail): { path: string; token: string }[] {
  const found: { path: string; token: string }[] = [];
  for (const body of [mail.text ?? "", typeof mail.html === "string" ? mail.html : ""]) {
    for (const m of body.matchAll(/https?:\/\/[^\s"<>]+/g)) {
      const url = new URL(m[0].replace(/&amp;/g, "&"));
      for (const [i, segment] of url.pathname.split("/").entries()) {
        if (/^[A-Za-z0-9_-]{43}$/.test(segment)) found.push({ path: `/${url.pathname.split("/")[i - 1]}/`, token: segment });
      }
    }
  }
  return found;
}

/** Every text value of every column of every table (FTS shadow tables included). */
function everyStoredText(): string[] {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const values: string[] = [];
    for (const { name } of tables) {
      const columns = sqlite.prepare(`PRAGMA table_info("${name.replace(/"/g, '""')}")`).all() as { name: string }[];
      if (!columns.length) continue;
      const select = columns.map((c) => `CAST("${c.name.replace(/"/g, '""')}" AS TEXT)`).join(", ");
      for (const row of sqlite
        .prepare(`SELECT ${select} FROM "${name.replace(/"/g, '""')}"`)
        .raw()
        .all() as unknown[][]) {
        for (const value of row) if (typeof value === "string") values.push(value);
      }
    }
    expect(tables.length).toBeGreaterThan(10);
    return values;
  } finally {
    sqlite.close();
  }
}

/** The raw bytes of the database file and its write-ahead log, free pages included. */
function rawDatabaseBytes(): string {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  return ["", "-wal"].map((suffix) => (fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix).toString("latin1") : "")).join("\n");
}

const STAFF_ACTOR = { type: "STAFF" as const, id: "staff-sec", ip: "10.9.0.1" };
const unique = () => crypto.randomBytes(4).toString("hex");

describe("one-time links in stored email (production, SMTP configured)", () => {
  it("resending a failed reset email issues a new working link; the failed copy holds none; a double click sends once", async () => {
    expect(env.APP_ENV).toBe("production");
    const admin = await accounts.createStaffUser({ email: `root-${unique()}@sc-sec.test`, name: "Root Admin", password: PASSWORD, role: "ADMINISTRATOR" });
    await accounts.requestPasswordReset(admin.email, "10.9.0.2");
    const failed = await db.outgoingMail.findFirstOrThrow({ where: { to: admin.email, template: "accounts:resetMail" } });
    expect(failed).toMatchObject({ status: "FAILED", linkKind: "passwordReset", demoText: null, demoHtml: null });
    expect(failed.text).toContain("/en/reset-password/…");
    expect(failed.text).toContain("password reset link");
    expect(`${failed.text}${failed.html}`.match(TOKEN) ?? []).toEqual([]);
    expect(failed.html).not.toContain('reset-password/"');

    smtp = await startSmtpServer(port);
    const results = await Promise.all([resendMail(failed.id, STAFF_ACTOR), resendMail(failed.id, STAFF_ACTOR)]);
    expect(results).toContainEqual({ ok: true, status: "SENT", freshLink: true });
    expect(results).toContainEqual({ ok: false, error: "notFailed" });
    const mail = await smtp.waitFor(admin.email);
    const [link] = linksIn(mail);
    expect(link.path).toBe("/reset-password/");
    expect(smtp.received.filter((m) => m.subject === mail.subject && linksIn(m).length)).toHaveLength(1);

    expect(await db.outgoingMail.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({ status: "REPLACED" });
    expect(await db.auditEvent.count({ where: { action: "mail.resent", entityId: failed.id, actorId: "staff-sec" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset_reissued", entityId: admin.id } })).toBe(1);
    const fresh = await db.outgoingMail.findFirstOrThrow({ where: { to: admin.email, id: { not: failed.id } } });
    expect(fresh).toMatchObject({ status: "SENT", linkKind: "passwordReset" });
    expect(`${fresh.text}${fresh.html}`).not.toContain(link.token);

    // The new link works (once); a resend of a message that is not failed is refused.
    expect(await accounts.isResetTokenValid(link.token)).toBe(true);
    expect(await accounts.resetPassword(link.token, "Brand-new-pass-2026", "10.9.0.3")).toBe(true);
    expect(await accounts.isResetTokenValid(link.token)).toBe(false);
    expect(await resendMail(fresh.id, STAFF_ACTOR)).toEqual({ ok: false, error: "notFailed" });
  });

  it("every kind of email with a one-time link: 0 live tokens anywhere in the database", async () => {
    smtp ??= await startSmtpServer(port);
    const sent: { to: string; kind: string }[] = [];

    // Password reset (a staff administrator and a supplier user).
    const admin = await accounts.createStaffUser({ email: `admin-${unique()}@sc-sec.test`, name: "Admin", password: PASSWORD, role: "ADMINISTRATOR" });
    await accounts.requestPasswordReset(admin.email, "10.9.1.1");
    sent.push({ to: admin.email, kind: "/reset-password/" });
    const supplier = await makeSupplier({ email: `boss-${unique()}@northwind-sec-${unique()}.test` });
    await accounts.requestPasswordReset(supplier.email, "10.9.1.2");
    sent.push({ to: supplier.email, kind: "/reset-password/" });

    // Staff set-password link.
    const newStaff = `new-${unique()}@sc-sec.test`;
    const created = await createStaffAccount(createStaffSchema.parse({ email: newStaff, name: "New Staff", role: "SUPPORT", locale: "zh", setup: "link" }), {
      type: "STAFF",
      id: admin.id,
    });
    expect(created.ok).toBe(true);
    sent.push({ to: newStaff, kind: "/reset-password/" });

    // Customer invitation, its forward to a colleague, and a staff resend.
    const customer = await makeCustomer({ domains: ["buyer-sec.test"] });
    const invitee = `contact-${unique()}@invitee-sec.test`;
    const inv = await invitations.createInvitation({ customerId: customer.id, email: invitee, locale: "en", message: "" }, STAFF_ACTOR);
    if (!inv.ok) throw new Error(inv.error);
    sent.push({ to: invitee, kind: "/invite/" });
    const inviteToken = linksIn(await smtp.waitFor(invitee)).find((l) => l.path === "/invite/")!.token;
    const forwardedTo = `colleague-${unique()}@invitee-sec.test`;
    expect(await invitations.forwardInvitation({ token: inviteToken, email: forwardedTo, locale: "zh" }, "10.9.1.3")).toMatchObject({ ok: true });
    sent.push({ to: forwardedTo, kind: "/invite/" });
    const second = `second-${unique()}@other-sec.test`;
    const inv2 = await invitations.createInvitation({ customerId: customer.id, email: second, locale: "en", message: "Hello" }, STAFF_ACTOR);
    if (!inv2.ok) throw new Error(inv2.error);
    expect((await invitations.resendInvitation(inv2.invitationId, STAFF_ACTOR)).ok).toBe(true);
    sent.push({ to: second, kind: "/invite/" });

    // Colleague invitation (join link), its resend, and an approved join request.
    const manager = { id: supplier.userId, supplierId: supplier.supplierId };
    const colleague = `lin-${unique()}@colleague-sec.test`;
    const grant = { permissions: ["profile" as const], allCustomers: true, customerIds: [] };
    expect((await users.inviteColleague(manager, { email: colleague, locale: "en", grant })).ok).toBe(true);
    expect((await users.resendColleagueInvitation(manager, colleague)).ok).toBe(true);
    sent.push({ to: colleague, kind: "/join/" });
    const joiner = `joiner-${unique()}@colleague-sec.test`;
    const joinRequest = await db.joinRequest.create({ data: { supplierId: supplier.supplierId, email: joiner, name: "Jo Joiner", locale: "zh" } });
    expect((await users.approveJoinRequest(manager, joinRequest.id, grant)).ok).toBe(true);
    sent.push({ to: joiner, kind: "/join/" });

    // Respond link of a connection request.
    const contact = `buyer-${unique()}@buyer-sec.test`;
    const request = await requests.requestConnection(
      {
        customerId: customer.id,
        contactEmail: contact,
        contactLocale: "en",
        consent: true,
        captcha: await solvedCaptcha(),
        idempotencyKey: crypto.randomUUID(),
      },
      { userId: supplier.userId, supplierId: supplier.supplierId, ip: "10.9.1.4" },
    );
    expect(request).toMatchObject({ ok: true, status: "PENDING" });
    sent.push({ to: contact, kind: "/respond/" });

    // The tokens, as the recipients received them.
    const tokens = new Map<string, string>();
    for (const { to, kind } of sent) {
      const mail = await smtp.waitFor(to, (m) => linksIn(m).some((l) => l.path === kind));
      for (const link of linksIn(mail)) tokens.set(link.token, `${kind} to ${to}`);
    }
    for (const m of smtp.received) for (const link of linksIn(m)) tokens.set(link.token, link.path);
    const kinds = new Set([...tokens.values()].map((v) => v.split(" ")[0]));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["/invite/", "/join/", "/reset-password/", "/respond/"]));
    expect(tokens.size).toBeGreaterThanOrEqual(sent.length);

    // Their hashes are stored (they are real, live tokens) ...
    const liveHashes = [
      ...(await db.oneTimeToken.findMany({ where: { usedAt: null }, select: { tokenHash: true } })).map((r) => r.tokenHash),
      ...(await db.invitation.findMany({ where: { status: "PENDING" }, select: { tokenHash: true } })).map((r) => r.tokenHash),
      ...(await db.connectionRequest.findMany({ where: { status: "PENDING" }, select: { respondHash: true } })).map((r) => r.respondHash),
    ];
    // (two resets, set-password, forwarded invitation, resent invitation, resent colleague invitation, approved join, respond;
    // the superseded ones are searched for as well)
    const live = [...tokens.keys()].filter((t) => liveHashes.includes(hashToken(t)));
    expect(live.length).toBeGreaterThanOrEqual(8);

    // ... and the tokens themselves appear nowhere.
    const stored = everyStoredText();
    expect(stored.length).toBeGreaterThan(100);
    const found = [...tokens.keys()].filter((token) => stored.some((value) => value.includes(token)));
    expect(found.map((t) => tokens.get(t))).toEqual([]);
    const raw = rawDatabaseBytes();
    expect([...tokens.keys()].filter((token) => raw.includes(token)).map((t) => tokens.get(t))).toEqual([]);
    // Nothing stored is even shaped like a live token.
    const shaped = stored.flatMap((v) => v.match(TOKEN) ?? []).filter((s) => liveHashes.includes(hashToken(s)));
    expect(shaped).toEqual([]);

    // The mail log still says which link was sent, and to whom.
    const logged = await db.outgoingMail.findMany({ where: { to: { in: sent.map((s) => s.to) } } });
    expect(logged.every((m) => m.linkKind !== "" && m.demoText === null && m.resend !== null)).toBe(true);
    expect(new Set(logged.map((m) => m.linkKind))).toEqual(
      new Set(["passwordReset", "staffSetPassword", "customerInvitation", "colleagueInvitation", "respondLink"]),
    );
    expect(logged.find((m) => m.to === contact)!.text).toContain("/en/respond/…?decision=APPROVED");
    expect(logged.find((m) => m.to === newStaff)!.text).toContain("设置密码链接 /zh/reset-password/…");
  });
  it("resend of every kind of failed link email goes through the owning service: a fresh link works, the old one is dead", async () => {
    smtp ??= await startSmtpServer(port);
    const isLive = async (token: string) => {
      const hash = hashToken(token);
      const [otp, invitation, request] = await Promise.all([
        db.oneTimeToken.findFirst({ where: { tokenHash: hash, usedAt: null, expiresAt: { gt: new Date() } } }),
        db.invitation.findFirst({ where: { tokenHash: hash, status: "PENDING" } }),
        db.connectionRequest.findFirst({ where: { respondHash: hash, status: "PENDING" } }),
      ]);
      return Boolean(otp || invitation || request);
    };
    /** Marks the newest message to `to` as failed, resends it, and returns the old and the new token. */
    const failAndResend = async (to: string, path: string) => {
      const oldToken = linksIn(await smtp!.waitFor(to, (m) => linksIn(m).some((l) => l.path === path))).find((l) => l.path === path)!.token;
      expect(await isLive(oldToken)).toBe(true);
      const row = await db.outgoingMail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
      await db.outgoingMail.update({ where: { id: row.id }, data: { status: "FAILED", lastError: "simulated" } });
      const before = smtp!.received.length;
      expect(await resendMail(row.id, STAFF_ACTOR)).toEqual({ ok: true, status: "SENT", freshLink: true });
      const mail = await smtp!.waitFor(to, (m) => smtp!.received.indexOf(m) >= before);
      const newToken = linksIn(mail).find((l) => l.path === path)!.token;
      expect(newToken).not.toBe(oldToken);
      expect(await isLive(newToken)).toBe(true);
      expect(await isLive(oldToken)).toBe(false);
      expect((await db.outgoingMail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("REPLACED");
      return row.linkKind;
    };
    const kinds: string[] = [];

    const admin = await accounts.createStaffUser({ email: `a-${unique()}@sc-sec.test`, name: "Admin", password: PASSWORD, role: "ADMINISTRATOR" });
    const staffEmail = `s-${unique()}@sc-sec.test`;
    expect(
      (
        await createStaffAccount(createStaffSchema.parse({ email: staffEmail, name: "Set Me", role: "SUPPORT", setup: "link" }), {
          type: "STAFF",
          id: admin.id,
        })
      ).ok,
    ).toBe(true);
    kinds.push(await failAndResend(staffEmail, "/reset-password/"));

    const customer = await makeCustomer({ domains: ["resend-buyer.test"] });
    const invitee = `i-${unique()}@resend-invitee.test`;
    expect((await invitations.createInvitation({ customerId: customer.id, email: invitee, locale: "en", message: "" }, STAFF_ACTOR)).ok).toBe(true);
    kinds.push(await failAndResend(invitee, "/invite/"));

    const supplier = await makeSupplier({ email: `b-${unique()}@resend-supplier-${unique()}.test` });
    const colleague = `c-${unique()}@resend-colleague.test`;
    const manager = { id: supplier.userId, supplierId: supplier.supplierId };
    expect(
      (await users.inviteColleague(manager, { email: colleague, locale: "en", grant: { permissions: ["requests"], allCustomers: true, customerIds: [] } })).ok,
    ).toBe(true);
    kinds.push(await failAndResend(colleague, "/join/"));

    const contact = `r-${unique()}@resend-buyer.test`;
    const request = await requests.requestConnection(
      {
        customerId: customer.id,
        contactEmail: contact,
        contactLocale: "zh",
        consent: true,
        captcha: await solvedCaptcha(),
        idempotencyKey: crypto.randomUUID(),
      },
      { userId: supplier.userId, supplierId: supplier.supplierId, ip: "10.9.2.1" },
    );
    expect(request).toMatchObject({ ok: true, status: "PENDING" });
    kinds.push(await failAndResend(contact, "/respond/"));

    expect(kinds).toEqual(["staffSetPassword", "customerInvitation", "colleagueInvitation", "respondLink"]);
    expect(
      await db.auditEvent.count({
        where: { action: { in: ["staff.set_password_link_reissued", "invitation.resent", "user.invite_resent", "connection_request.link_reissued"] } },
      }),
    ).toBeGreaterThanOrEqual(4);
  });
});
