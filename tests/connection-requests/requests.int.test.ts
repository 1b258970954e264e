import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { firstLink, startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const svc = await import("@/features/connection-requests/service");
const { checkCaptcha } = await import("@/features/connection-requests/captcha");
const { parseListQuery } = await import("@/features/connection-requests/schemas");
const { db } = await import("@/server/db");
const { makeSupplier, makeUser, makeCustomer } = await import("../support/factories");
const { solvedCaptcha } = await import("./captcha-helper");

afterAll(() => smtp.close());

const DAY = 24 * 60 * 60 * 1000;

async function send(
  s: { userId: string; supplierId: string },
  customerId: string,
  overrides: Partial<{ contactEmail: string; contactLocale: "en" | "zh"; idempotencyKey: string; captcha: string }> = {},
) {
  return svc.requestConnection(
    {
      customerId,
      contactEmail: overrides.contactEmail ?? "buyer@cust.test",
      contactLocale: overrides.contactLocale ?? "en",
      consent: true,
      captcha: overrides.captcha ?? (await solvedCaptcha()),
      idempotencyKey: overrides.idempotencyKey ?? crypto.randomUUID(),
    },
    { userId: s.userId, supplierId: s.supplierId, ip: "10.0.0.1" },
  );
}

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

describe("sending a request", () => {
  it("creates a pending request with its event and audit, and emails the contact a single-use link in the chosen language", async () => {
    const s = await makeSupplier({ companyName: "Harbour Bolts Ltd" });
    await db.supplierCompany.update({ where: { id: s.supplierId }, data: { description: "Bolts and nuts since 1990", city: "Ningbo" } });
    const c = await makeCustomer({ name: "Pearl Foods", domains: ["pearl.test"] });
    await db.customer.update({ where: { id: c.id }, data: { nameZh: "明珠食品" } });
    const res = await send(s, c.id, { contactEmail: "li@pearl.test", contactLocale: "zh" });
    expect(res).toMatchObject({ ok: true, status: "PENDING", duplicate: false, flags: [] });
    if (!res.ok) throw new Error();

    const row = await db.connectionRequest.findUniqueOrThrow({ where: { id: res.requestId } });
    expect(row.pendingKey).toBe(`${s.supplierId}:${c.id}`);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * DAY);
    expect(await db.connectionRequestEvent.count({ where: { requestId: row.id, toStatus: "PENDING" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: "connection_request.created" } })).toBe(1);

    const mail = await smtp.waitFor("li@pearl.test");
    expect(mail.subject).toBe("Harbour Bolts Ltd 请求与 明珠食品 建立连接");
    expect(mail.text).toContain("Bolts and nuts since 1990");
    expect(mail.text).toContain("Ningbo");
    expect(mail.text).toContain(s.email);
    const link = firstLink(mail);
    expect(link).toMatch(/^http:\/\/portal\.test\/zh\/respond\/[A-Za-z0-9_-]{43}\?decision=APPROVED$/);
    expect(mail.text).toMatch(/respond\/[A-Za-z0-9_-]{43}\?decision=REJECTED/);
    const token = tokenOf(link);
    expect(row.respondHash).not.toBe(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await svc.findByRespondToken(token)).toMatchObject({ id: row.id, supplier: { name: "Harbour Bolts Ltd" } });
  });

  it("flags a free-mail contact and one outside the customer's domains, and still sends", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer({ domains: ["flagco.test"] });
    expect(await svc.checkContact(c.id, "x@gmail.com")).toEqual(["FREE_MAIL", "DOMAIN_MISMATCH"]);
    expect(await svc.checkContact(c.id, "x@flagco.test")).toEqual([]);
    expect(await svc.checkContact("missing", "x@flagco.test")).toBeNull();
    const res = await send(s, c.id, { contactEmail: "x@gmail.com" });
    expect(res).toMatchObject({ ok: true, flags: ["FREE_MAIL", "DOMAIN_MISMATCH"] });
    const row = await db.connectionRequest.findFirstOrThrow({ where: { supplierId: s.supplierId } });
    expect(row.contactFlags).toBe("FREE_MAIL,DOMAIN_MISMATCH");
  });

  it("refuses a customer that does not accept requests (ask for an invitation), writing nothing", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer({ acceptsRequests: false });
    expect(await send(s, c.id)).toEqual({ ok: false, error: "askForInvitation" });
    expect(await db.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(0);
  });

  it("refuses an unknown customer and a customer already connected", async () => {
    const s = await makeSupplier();
    expect(await send(s, "nope")).toEqual({ ok: false, error: "notFound" });
    const c = await makeCustomer();
    await db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: c.id, origin: "INVITATION" } });
    expect(await send(s, c.id)).toEqual({ ok: false, error: "alreadyConnected" });
  });

  it("allows one pending request per customer, and at most three requests per customer", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const first = await send(s, c.id);
    expect(first.ok).toBe(true);
    expect(await send(s, c.id)).toEqual({ ok: false, error: "alreadyPending" });
    // Another supplier is not affected.
    const other = await makeSupplier();
    expect((await send(other, c.id)).ok).toBe(true);

    if (!first.ok) throw new Error();
    expect(await svc.cancelRequest(first.requestId, { userId: s.userId, supplierId: s.supplierId })).toEqual({ ok: true });
    const second = await send(s, c.id);
    if (!second.ok) throw new Error();
    await svc.decideRequest(second.requestId, "REJECTED", "Unknown to us", { type: "STAFF", id: "staff-1" });
    expect((await send(s, c.id)).ok).toBe(true);
    const third = await db.connectionRequest.findFirstOrThrow({ where: { supplierId: s.supplierId, status: "PENDING" } });
    await svc.cancelRequest(third.id, { userId: s.userId, supplierId: s.supplierId });
    expect(await send(s, c.id)).toEqual({ ok: false, error: "tooMany" });
    expect(await db.connectionRequest.count({ where: { supplierId: s.supplierId, customerId: c.id } })).toBe(3);
  });

  it("answers a repeated submit of the same dialog with the same request", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const key = crypto.randomUUID();
    const captcha = await solvedCaptcha();
    const a = await send(s, c.id, { idempotencyKey: key, captcha });
    const b = await send(s, c.id, { idempotencyKey: key, captcha });
    expect(a.ok && b.ok && a.requestId === b.requestId).toBe(true);
    expect(b).toMatchObject({ duplicate: true });
    expect(await db.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(1);
  });

  it("creates exactly one request when 50 identical requests arrive at once", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const key = crypto.randomUUID();
    const captcha = await solvedCaptcha();
    const results = await Promise.all(Array.from({ length: 50 }, () => send(s, c.id, { idempotencyKey: key, captcha })));
    expect(await db.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(1);
    const id = (await db.connectionRequest.findFirstOrThrow({ where: { supplierId: s.supplierId } })).id;
    expect(results.every((r) => r.ok && r.requestId === id)).toBe(true);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(await db.connectionRequestEvent.count({ where: { requestId: id } })).toBe(1);
    expect(smtp.received.filter((m) => m.subject?.includes(c.name))).toHaveLength(1);
  });

  it("creates one pending request when 50 different dialogs (each with its own CAPTCHA) race", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const captchas = await Promise.all(Array.from({ length: 50 }, () => solvedCaptcha()));
    const results = await Promise.all(captchas.map((captcha) => send(s, c.id, { captcha })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "alreadyPending")).toBe(true);
    expect(await db.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(1);
  });
});

describe("CAPTCHA", () => {
  it("refuses a missing, forged or tampered solution and accepts a solved one once", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    expect(await send(s, c.id, { captcha: "not-base64-json" })).toEqual({ ok: false, error: "captcha" });
    const good = await solvedCaptcha();
    const parsed = JSON.parse(Buffer.from(good, "base64").toString());
    parsed.challenge.parameters.cost = 2;
    const tampered = Buffer.from(JSON.stringify(parsed)).toString("base64");
    expect(await checkCaptcha(tampered)).toEqual({ ok: false });
    const wrong = JSON.parse(Buffer.from(good, "base64").toString());
    wrong.solution.derivedKey = "00".repeat(32);
    expect(await checkCaptcha(Buffer.from(JSON.stringify(wrong)).toString("base64"))).toEqual({ ok: false });
    expect(await db.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(0);

    expect((await send(s, c.id, { captcha: good })).ok).toBe(true);
    const c2 = await makeCustomer();
    expect(await send(s, c2.id, { captcha: good })).toEqual({ ok: false, error: "captcha" });
  });

  it("stays usable when the request is refused for a rule", async () => {
    const s = await makeSupplier();
    const closed = await makeCustomer({ acceptsRequests: false });
    const open = await makeCustomer();
    const captcha = await solvedCaptcha();
    expect(await send(s, closed.id, { captcha })).toEqual({ ok: false, error: "askForInvitation" });
    expect((await send(s, open.id, { captcha })).ok).toBe(true);
  });
});

describe("decisions", () => {
  it("the contact approves once with a comment: relationship, history, audit, notification and email to the requesters", async () => {
    const s = await makeSupplier({ locale: "en" });
    const member = await makeUser(s.supplierId, { permissions: "requests" });
    const bystander = await makeUser(s.supplierId, { permissions: "profile" });
    const c = await makeCustomer({ name: "Lakeside Clinic", domains: ["lakeside.test"] });
    const res = await send(s, c.id, { contactEmail: "anna@lakeside.test" });
    if (!res.ok) throw new Error();
    const token = tokenOf(firstLink(await smtp.waitFor("anna@lakeside.test")));

    expect(await svc.respondToRequest(token, "APPROVED", "We buy from them weekly", "10.2.0.1")).toEqual({ ok: true });
    const row = await db.connectionRequest.findUniqueOrThrow({ where: { id: res.requestId } });
    expect(row).toMatchObject({ status: "APPROVED", comment: "We buy from them weekly", pendingKey: null, respondHash: null });
    const rel = await db.customerRelationship.findUniqueOrThrow({ where: { supplierId_customerId: { supplierId: s.supplierId, customerId: c.id } } });
    expect(rel.origin).toBe("REQUEST");
    const events = await svc.requestHistory(res.requestId, s.supplierId);
    expect(events!.map((e) => [e.fromStatus, e.toStatus, e.actorType])).toEqual([
      [null, "PENDING", "SUPPLIER"],
      ["PENDING", "APPROVED", "CONTACT"],
    ]);
    expect(await db.auditEvent.count({ where: { entityId: res.requestId, action: "connection_request.approved", actorType: "CONTACT" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: { in: [s.userId, member.id] }, kind: "requests:events.approved" } })).toBe(2);
    expect(await db.notification.count({ where: { userId: bystander.id } })).toBe(0);
    const mail = await smtp.waitFor(s.email, (m) => m.subject === "Lakeside Clinic approved your connection request");
    expect(mail.text).toContain("We buy from them weekly");
    await smtp.waitFor(member.email, (m) => m.subject!.includes("approved"));

    // Single use: the link is dead now, and a second answer changes nothing.
    expect(await svc.findByRespondToken(token)).toBeNull();
    expect(await svc.respondToRequest(token, "REJECTED", "", "10.2.0.1")).toEqual({ ok: false, error: "notFound" });
    // The row reads as approved in the table, with its comment.
    const list = await svc.listRequests(s.supplierId, parseListQuery({}));
    expect(list.rows[0]).toMatchObject({ status: "APPROVED", comment: "We buy from them weekly", customerName: "Lakeside Clinic" });
  });

  it("two answers racing on one link: exactly one wins", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const res = await send(s, c.id, { contactEmail: "race@cust-race.test" });
    if (!res.ok) throw new Error();
    const token = tokenOf(firstLink(await smtp.waitFor("race@cust-race.test")));
    const results = await Promise.all([svc.respondToRequest(token, "APPROVED", "a", "10.3.0.1"), svc.respondToRequest(token, "REJECTED", "b", "10.3.0.1")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.connectionRequestEvent.count({ where: { requestId: res.requestId } })).toBe(2);
  });

  it("staff reject with a comment; the token dies with the request; approval is upsert-safe", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const res = await send(s, c.id, { contactEmail: "z@cust-z.test" });
    if (!res.ok) throw new Error();
    const token = tokenOf(firstLink(await smtp.waitFor("z@cust-z.test")));
    // A supplier user cannot decide: refused before anything is written, and the contact's link still works.
    await expect(svc.decideRequest(res.requestId, "REJECTED", "x", { type: "USER", id: s.userId })).rejects.toThrow("Only support staff decide requests");
    expect(await db.connectionRequest.findUniqueOrThrow({ where: { id: res.requestId } })).toMatchObject({ status: "PENDING" });
    expect(await db.connectionRequestEvent.count({ where: { requestId: res.requestId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: res.requestId } })).toBe(1);
    expect(await svc.findByRespondToken(token)).not.toBeNull();
    expect(await svc.decideRequest(res.requestId, "REJECTED", " Not a customer of ours ", { type: "STAFF", id: "staff-9" })).toEqual({ ok: true });
    expect(await svc.findByRespondToken(token)).toBeNull();
    expect(await svc.decideRequest(res.requestId, "APPROVED", "", { type: "STAFF", id: "staff-9" })).toEqual({ ok: false, error: "notPending" });
    expect(await svc.decideRequest("missing", "APPROVED", "", { type: "STAFF", id: "staff-9" })).toEqual({ ok: false, error: "notFound" });
    const row = await db.connectionRequest.findUniqueOrThrow({ where: { id: res.requestId } });
    expect(row).toMatchObject({ status: "REJECTED", comment: "Not a customer of ours" });
    expect(await db.auditEvent.count({ where: { entityId: res.requestId, actorType: "STAFF" } })).toBe(1);
    expect(await db.customerRelationship.count({ where: { supplierId: s.supplierId } })).toBe(0);

    // A relationship made meanwhile (e.g. by an invitation) does not break an approval.
    const c2 = await makeCustomer();
    const r2 = await send(s, c2.id);
    if (!r2.ok) throw new Error();
    await db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: c2.id, origin: "INVITATION" } });
    expect(await svc.decideRequest(r2.requestId, "APPROVED", "", { type: "STAFF", id: "staff-9" })).toEqual({ ok: true });
    expect((await db.customerRelationship.findFirstOrThrow({ where: { customerId: c2.id } })).origin).toBe("INVITATION");
  });

  it("only the owning supplier cancels, and only while pending", async () => {
    const s = await makeSupplier();
    const other = await makeSupplier();
    const c = await makeCustomer();
    const res = await send(s, c.id);
    if (!res.ok) throw new Error();
    expect(await svc.cancelRequest(res.requestId, { userId: other.userId, supplierId: other.supplierId })).toEqual({ ok: false, error: "notFound" });
    expect(await svc.cancelRequest(res.requestId, { userId: s.userId, supplierId: s.supplierId })).toEqual({ ok: true });
    expect(await svc.cancelRequest(res.requestId, { userId: s.userId, supplierId: s.supplierId })).toEqual({ ok: false, error: "notPending" });
    expect((await db.connectionRequest.findUniqueOrThrow({ where: { id: res.requestId } })).status).toBe("CANCELLED");
  });
});

describe("expiry", () => {
  it("reads as expired on every read after 30 days, persists lazily once, and frees the customer for a new request", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer();
    const res = await send(s, c.id, { contactEmail: "old@cust-old.test" });
    if (!res.ok) throw new Error();
    const token = tokenOf(firstLink(await smtp.waitFor("old@cust-old.test")));
    await db.connectionRequest.update({ where: { id: res.requestId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    // Even before anything writes it down, the contact's link no longer works.
    expect(await svc.findByRespondToken(token)).toBeNull();
    const list = await svc.listRequests(s.supplierId, parseListQuery({ status: "EXPIRED" }));
    expect(list.rows.map((r) => [r.id, r.status])).toEqual([[res.requestId, "EXPIRED"]]);
    const row = await db.connectionRequest.findUniqueOrThrow({ where: { id: res.requestId } });
    expect(row).toMatchObject({ status: "EXPIRED", pendingKey: null, respondHash: null });
    await svc.listRequests(s.supplierId, parseListQuery({}));
    expect(await db.connectionRequestEvent.count({ where: { requestId: res.requestId, toStatus: "EXPIRED", actorType: "SYSTEM" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: s.userId, kind: "requests:events.expired" } })).toBe(1);
    await smtp.waitFor(s.email, (m) => m.subject!.includes("expired"));
    expect(await svc.respondToRequest(token, "APPROVED", "", "10.4.0.1")).toEqual({ ok: false, error: "notFound" });
    expect((await send(s, c.id)).ok).toBe(true);
  });
});

describe("auto-approve rule", () => {
  it("approves at once when the contact is on the customer's domain and the customer invited this supplier before", async () => {
    const s = await makeSupplier({ email: "sales@auto-supplier.test" });
    const c = await makeCustomer({ name: "Auto Buyer", domains: ["autobuyer.test"] });
    await db.customer.update({ where: { id: c.id }, data: { autoApproveRule: "OWN_DOMAIN_INVITED" } });
    await db.invitation.create({
      data: { customerId: c.id, email: "someone@auto-supplier.test", tokenHash: crypto.randomUUID(), status: "REVOKED", expiresAt: new Date() },
    });
    // A contact outside the customer's domain goes the normal way.
    const normal = await send(s, c.id, { contactEmail: "buyer@gmail.com" });
    expect(normal).toMatchObject({ ok: true, status: "PENDING" });
    if (!normal.ok) throw new Error();
    await svc.cancelRequest(normal.requestId, { userId: s.userId, supplierId: s.supplierId });

    const res = await send(s, c.id, { contactEmail: "buyer@autobuyer.test" });
    expect(res).toMatchObject({ ok: true, status: "APPROVED" });
    if (!res.ok) throw new Error();
    expect(await db.customerRelationship.count({ where: { supplierId: s.supplierId, customerId: c.id, origin: "REQUEST" } })).toBe(1);
    const events = await svc.requestHistory(res.requestId);
    expect(events!.map((e) => `${e.toStatus}:${e.actorType}`)).toEqual(["PENDING:SUPPLIER", "APPROVED:SYSTEM"]);
    expect(smtp.received.some((m) => addresses(m).includes("buyer@autobuyer.test"))).toBe(false);
  });

  it("does not approve without an earlier invitation", async () => {
    const s = await makeSupplier();
    const c = await makeCustomer({ domains: ["noinvite.test"] });
    await db.customer.update({ where: { id: c.id }, data: { autoApproveRule: "OWN_DOMAIN_INVITED" } });
    expect(await send(s, c.id, { contactEmail: "b@noinvite.test" })).toMatchObject({ ok: true, status: "PENDING" });
  });
});

describe("table and suggestions", () => {
  it("filters, searches, sorts and pages on the server, only for the owner", async () => {
    const s = await makeSupplier();
    const other = await makeSupplier();
    const names = ["Alpha Mills", "Bravo Foods", "Charlie Steel", "Delta Paper", "Echo Labs"];
    const ids: string[] = [];
    for (const name of names) {
      const c = await makeCustomer({ name });
      const r = await send(s, c.id, { contactEmail: `buyer@${name.split(" ")[0].toLowerCase()}.test` });
      if (r.ok) ids.push(r.requestId);
    }
    await svc.decideRequest(ids[1], "REJECTED", "no thanks", { type: "STAFF", id: "st" });
    await send(other, (await makeCustomer({ name: "Alpha Other" })).id);

    const all = await svc.listRequests(s.supplierId, parseListQuery({ sort: "customer", dir: "asc" }), {}, 2);
    expect(all.total).toBe(5);
    expect(all.pages).toBe(3);
    expect(all.rows.map((r) => r.customerName)).toEqual(["Alpha Mills", "Bravo Foods"]);
    const page3 = await svc.listRequests(s.supplierId, parseListQuery({ sort: "customer", dir: "asc", page: "3" }), {}, 2);
    expect(page3.rows.map((r) => r.customerName)).toEqual(["Echo Labs"]);
    const desc = await svc.listRequests(s.supplierId, parseListQuery({ sort: "customer", dir: "desc" }));
    expect(desc.rows[0].customerName).toBe("Echo Labs");
    const rejected = await svc.listRequests(s.supplierId, parseListQuery({ status: "REJECTED" }));
    expect(rejected.rows.map((r) => [r.customerName, r.comment])).toEqual([["Bravo Foods", "no thanks"]]);
    const searched = await svc.listRequests(s.supplierId, parseListQuery({ q: "alpha" }));
    expect(searched.rows.map((r) => r.customerName)).toEqual(["Alpha Mills"]);
    const byEmail = await svc.listRequests(s.supplierId, parseListQuery({ q: "buyer@delta" }));
    expect(byEmail.rows.map((r) => r.customerName)).toEqual(["Delta Paper"]);
    expect((await svc.exportRequests(s.supplierId, parseListQuery({ status: "PENDING" }))).length).toBe(4);
  });

  it("suggests customers with a pending invitation to a user and customers on the company's domain, minus connected and pending ones", async () => {
    const s = await makeSupplier({ email: "boss@sugg-supplier.test" });
    const invited = await makeCustomer({ name: "Invited Co" });
    await db.invitation.create({
      data: { customerId: invited.id, email: "boss@sugg-supplier.test", tokenHash: crypto.randomUUID(), expiresAt: new Date(Date.now() + DAY) },
    });
    const expiredInvite = await makeCustomer({ name: "Old Invite Co" });
    await db.invitation.create({
      data: { customerId: expiredInvite.id, email: "boss@sugg-supplier.test", tokenHash: crypto.randomUUID(), expiresAt: new Date(Date.now() - DAY) },
    });
    const sameDomain = await makeCustomer({ name: "Same Domain Co", domains: ["sugg-supplier.test"] });
    const connected = await makeCustomer({ name: "Connected Co", domains: ["sugg-supplier.test"] });
    await db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: connected.id, origin: "STAFF" } });
    const list = await svc.suggestions(s.supplierId);
    expect(list.map((x) => [x.name, x.reason])).toEqual([
      ["Invited Co", "INVITATION"],
      ["Same Domain Co", "DOMAIN"],
    ]);
    await send(s, sameDomain.id);
    expect((await svc.suggestions(s.supplierId)).map((x) => x.name)).toEqual(["Invited Co"]);
  });
});

function addresses(m: { to?: unknown }): string[] {
  const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []) as { value: { address?: string }[] }[];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}
