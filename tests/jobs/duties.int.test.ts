import { spawn } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startSmtpServer } from "../support/smtp";

/**
 * The background duties (src/features/background-duties/duties.ts) on a real
 * database, each run as the scheduler runs it. SMTP_URL points at a free port
 * where nothing listens until the mail test starts a real SMTP server there.
 */
const port = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
const { duties } = await import("@/features/background-duties/duties");
const { recordRun, RUN_HISTORY_DAYS } = await import("@/server/jobs");
const { sendMail, MAIL_MAX_ATTEMPTS, SEND_DEADLINE_MINUTES } = await import("@/server/mail");
const { retryDueMail } = await import("@/features/mail-log/service");
const { listInvitations } = await import("@/features/customer-invitations/staff");
const { indexSegments } = await import("@/server/sql/customer-search");
const { searchDirectory } = await import("@/features/customer-search/search");
const { engine, db } = await import("@/server/db");
const { makeCustomer, makeSupplier } = await import("../support/factories");

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterAll(() => smtp?.close());

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;
const unique = () => crypto.randomBytes(4).toString("hex");
const duty = (name: string) => {
  const found = duties.find((d) => d.name === name);
  if (!found) throw new Error(`no duty ${name}`);
  return found;
};
/** Runs a duty as the scheduler does (recorded in JobRun) and returns what the run recorded. */
async function runDuty(name: string) {
  const d = duty(name);
  await recordRun(d, Math.floor(Date.now() / 1000 / d.everySeconds), "test");
  const run = await db.jobRun.findFirstOrThrow({ where: { duty: name }, orderBy: { startedAt: "desc" } });
  expect(`${run.status} ${run.result}`).toMatch(/^OK /);
  return JSON.parse(run.result) as Record<string, number>;
}
const mail = (id: string) => db.outgoingMail.findUniqueOrThrow({ where: { id } });
const near = (actual: Date | null, expected: number, slackMs = 5000) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual!.getTime() - expected)).toBeLessThan(slackMs);
};

describe("mail retry with backoff", () => {
  it("retries failed mail at 1, 5, 25 ... minutes, delivers once the server answers, and gives up after the last attempt", async () => {
    const to = `retry-${unique()}@mail.test`;
    const sent = await sendMail({ to, locale: "en", template: "users:joinDeclinedMail", params: { name: "Mei", company: "Harbour Bolts" } });
    expect(sent.status).toBe("FAILED");
    let row = await mail(sent.id);
    expect(row.attempts).toBe(1);
    near(row.nextAttemptAt, row.createdAt.getTime() + MINUTE);

    // Not due yet: the job leaves it alone.
    expect(await runDuty("mail-retry")).toMatchObject({ due: 0 });
    expect((await mail(sent.id)).attempts).toBe(1);

    // A minute later (the server still down): second attempt, the next one 5 minutes on.
    expect(await retryDueMail(new Date(Date.now() + MINUTE + 1000))).toMatchObject({ due: 1, failed: 1 });
    row = await mail(sent.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
    near(row.nextAttemptAt, Date.now() + 5 * MINUTE);
    expect(await retryDueMail(new Date(Date.now() + 4 * MINUTE))).toMatchObject({ due: 0 });
    expect(await retryDueMail(new Date(Date.now() + 5 * MINUTE + 1000))).toMatchObject({ due: 1, failed: 1 });
    row = await mail(sent.id);
    expect(row.attempts).toBe(3);
    near(row.nextAttemptAt, Date.now() + 25 * MINUTE);

    // The server comes up; when the attempt is due the job delivers the message.
    smtp = await startSmtpServer(port);
    await db.outgoingMail.update({ where: { id: sent.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await runDuty("mail-retry")).toMatchObject({ due: 1, sent: 1 });
    row = await mail(sent.id);
    expect(row).toMatchObject({ status: "SENT", attempts: 4, nextAttemptAt: null, lastError: "" });
    expect((await smtp.waitFor(to)).subject).toBe("Your request to join Harbour Bolts");
    expect(await db.auditEvent.count({ where: { action: "mail.retried", entityId: sent.id, actorType: "SYSTEM" } })).toBe(3);
    // Sent: nothing more to do.
    expect(await retryDueMail(new Date(Date.now() + DAY))).toMatchObject({ due: 0 });
  });

  it("stops after the last automatic attempt: the message stays FAILED for staff", async () => {
    await smtp?.close();
    smtp = undefined;
    const to = `giveup-${unique()}@mail.test`;
    const sent = await sendMail({ to, locale: "en", template: "users:joinDeclinedMail", params: { name: "Mei", company: "Harbour Bolts" } });
    for (let attempt = 2; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      expect(await retryDueMail(new Date(Date.now() + 200 * MINUTE))).toMatchObject({ due: 1, failed: 1 });
    }
    const row = await mail(sent.id);
    expect(row).toMatchObject({ status: "FAILED", attempts: MAIL_MAX_ATTEMPTS, nextAttemptAt: null });
    expect(await retryDueMail(new Date(Date.now() + 30 * DAY))).toMatchObject({ due: 0 });
  });
});

describe("mail whose sending process died", () => {
  it("a message left QUEUED past its send deadline counts as a failed attempt and is sent again", { timeout: 60_000 }, async () => {
    // A server that accepts the connection and never answers, and a process that sends through it and is killed.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    const to = `interrupted-${unique()}@mail.test`;
    const sender = spawn(process.execPath, ["--import", "tsx", "tests/jobs/send-child.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${silentPort}`, MAIL_TO: to, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => sender.on("exit", resolve));
    try {
      await expect.poll(() => db.outgoingMail.count({ where: { to, status: "QUEUED" } }), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => sockets.length, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      sender.kill("SIGKILL");
      await exited;
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
    const queued = await db.outgoingMail.findFirstOrThrow({ where: { to } });
    expect(queued).toMatchObject({ status: "QUEUED", attempts: 0 });
    near(queued.nextAttemptAt, queued.createdAt.getTime() + SEND_DEADLINE_MINUTES * MINUTE);

    // Before the deadline the message may still be on its way: left alone.
    expect(await retryDueMail(new Date(queued.createdAt.getTime() + (SEND_DEADLINE_MINUTES - 1) * MINUTE))).toMatchObject({ interrupted: 0 });
    expect(await mail(queued.id)).toMatchObject({ status: "QUEUED" });

    // Past it: one failed attempt, recorded by the system, and sent again at once by a working server.
    smtp ??= await startSmtpServer(port);
    const outcome = await retryDueMail(new Date(queued.createdAt.getTime() + (SEND_DEADLINE_MINUTES + 1) * MINUTE));
    expect(outcome).toMatchObject({ interrupted: 1, due: 1, sent: 1 });
    expect(await mail(queued.id)).toMatchObject({ status: "SENT", attempts: 2, nextAttemptAt: null });
    expect((await smtp.waitFor(to)).subject).toBe("Your request to join Harbour Bolts");
    expect(await db.auditEvent.count({ where: { action: "mail.interrupted", entityId: queued.id, actorType: "SYSTEM" } })).toBe(1);
    // Nothing more to do.
    expect(await retryDueMail(new Date(Date.now() + DAY))).toMatchObject({ interrupted: 0, due: 0 });
  });
});

describe("expiry of pending requests and invitations after 30 days", () => {
  it("a request pending 31 days becomes EXPIRED with its history, audit row and notification; one of 29 days stays pending", async () => {
    const s = await makeSupplier();
    const request = async (ageDays: number) => {
      const customer = await makeCustomer();
      const createdAt = new Date(Date.now() - ageDays * DAY);
      return db.connectionRequest.create({
        data: {
          supplierId: s.supplierId,
          customerId: customer.id,
          requestedById: s.userId,
          contactEmail: "buyer@example.test",
          pendingKey: `${s.supplierId}:${customer.id}`,
          createdAt,
          expiresAt: new Date(createdAt.getTime() + 30 * DAY),
        },
      });
    };
    const old = await request(31);
    const young = await request(29);

    expect((await runDuty("request-expiry")).expired).toBeGreaterThanOrEqual(1);
    expect(await db.connectionRequest.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "EXPIRED", pendingKey: null });
    expect(await db.connectionRequest.findUniqueOrThrow({ where: { id: young.id } })).toMatchObject({ status: "PENDING" });
    expect(await db.auditEvent.count({ where: { action: "connection_request.expired", entityId: old.id, actorType: "SYSTEM" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: young.id } })).toBe(0);
    expect(await db.connectionRequestEvent.count({ where: { requestId: old.id, toStatus: "EXPIRED", actorType: "SYSTEM" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: s.userId, kind: "requests:events.expired" } })).toBe(1);

    // A second run finds nothing more to do.
    await runDuty("request-expiry");
    expect(await db.auditEvent.count({ where: { action: "connection_request.expired", entityId: old.id } })).toBe(1);
  });

  it("an invitation pending 31 days becomes EXPIRED with an audit row by the system; one of 29 days stays pending", async () => {
    const customer = await makeCustomer();
    const invitation = (ageDays: number) => {
      const createdAt = new Date(Date.now() - ageDays * DAY);
      return db.invitation.create({
        data: {
          customerId: customer.id,
          email: `invitee-${unique()}@example.test`,
          tokenHash: crypto.randomBytes(32).toString("hex"),
          createdAt,
          expiresAt: new Date(createdAt.getTime() + 30 * DAY),
        },
      });
    };
    const old = await invitation(31);
    const young = await invitation(29);

    expect((await runDuty("invitation-expiry")).expired).toBe(1);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("EXPIRED");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: young.id } })).status).toBe("PENDING");
    const audits = await db.auditEvent.findMany({ where: { entityId: { in: [old.id, young.id] } } });
    expect(audits.map((a) => [a.entityId, a.action, a.actorType])).toEqual([[old.id, "invitation.expired", "SYSTEM"]]);
    expect(JSON.parse(audits[0].before ?? "{}")).toEqual({ status: "PENDING" });

    // Staff's list shows the stored EXPIRED as it showed the derived one.
    const expired = await listInvitations({ customerId: customer.id, status: "EXPIRED" }, "en");
    expect(expired.items.map((i) => [i.id, i.status])).toEqual([[old.id, "EXPIRED"]]);
    const pending = await listInvitations({ customerId: customer.id, status: "PENDING" }, "en");
    expect(pending.items.map((i) => i.id)).toEqual([young.id]);

    expect((await runDuty("invitation-expiry")).expired).toBe(0);
  });
});

describe("search index maintenance", () => {
  it("merges the index after many separate writes, and search finds the same customers", async () => {
    const tag = `Zephyrmerge${unique()}`;
    if (engine === "sqlite") {
      // As a bulk import leaves it: no merging while writing (automerge 0), one segment per write.
      await db.$executeRawUnsafe(`INSERT INTO "CustomerSearchIndex" ("CustomerSearchIndex", rank) VALUES ('automerge', 0)`);
    }
    for (let i = 0; i < 12; i++) await makeCustomer({ name: `${tag} Trading ${i}` });
    const before = engine === "sqlite" ? await indexSegments() : 0;
    if (engine === "sqlite") expect(before).toBeGreaterThanOrEqual(12);

    const run = await runDuty("search-index");
    expect(run.before).toBeGreaterThan(run.after);
    expect(run.after).toBe(1);
    if (engine === "sqlite") {
      expect(run.before).toBe(before);
      expect(await indexSegments()).toBe(1);
      const [{ automerge }] = await db.$queryRawUnsafe<{ automerge: number | bigint }[]>(
        `SELECT v AS automerge FROM "CustomerSearchIndex_config" WHERE k = 'automerge'`,
      );
      expect(Number(automerge)).toBe(2);
    }
    // Nothing left to merge: the next run has no work.
    expect(await runDuty("search-index")).toMatchObject({ before: 1, after: 1 });

    const found = await searchDirectory(`${tag} Trading 7`);
    expect(found[0]?.name).toBe(`${tag} Trading 7`);
  });
});

describe("run history", () => {
  it("keeps the runs of the last 14 days and deletes older ones", async () => {
    const duty = `probe-${unique()}`;
    const at = (days: number) => new Date(Date.now() - days * DAY);
    const old = await db.jobRun.create({ data: { duty, slot: 1, instance: "test", startedAt: at(RUN_HISTORY_DAYS + 1), status: "OK" } });
    const recent = await db.jobRun.create({ data: { duty, slot: 2, instance: "test", startedAt: at(RUN_HISTORY_DAYS - 1), status: "OK" } });

    expect((await runDuty("run-history")).deleted).toBeGreaterThanOrEqual(1);
    const left = await db.jobRun.findMany({ where: { duty }, select: { id: true } });
    expect(left.map((r) => r.id)).toEqual([recent.id]);
    expect(left.map((r) => r.id)).not.toContain(old.id);
  });
});
