import type { Prisma } from "@/generated/prisma/client";
import { reissuePasswordReset } from "@/features/accounts/service";
import { reissueRespondLink } from "@/features/connection-requests/service";
import { resendInvitation } from "@/features/customer-invitations/staff";
import { reissueColleagueInvitation } from "@/features/supplier-users/colleague-invitations";
import type { StaffRole } from "@/lib/permissions";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { deliver, nextAttemptAfter, sendDeadline, type SecretLinks } from "@/server/mail";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import type { MailFilter } from "./schemas";
import { reissueSetPasswordLink } from "@/features/staff-accounts/service";

type StoredMail = Prisma.OutgoingMailGetPayload<object>;

/**
 * A message as a staff member may see it. `text` is the full message only for
 * administrators in the demo inbox; everyone else gets the stored copy, whose
 * token-bearing links are replaced by "which link, which path". `withheld`
 * says a fuller copy exists that this viewer may not read.
 */
export type MailRow = Omit<StoredMail, "demoText" | "demoHtml" | "resend"> & { withheld: boolean; freshLinkOnResend: boolean };

export function mailView(row: StoredMail, viewer: StaffRole): MailRow {
  const { demoText, demoHtml, resend, ...rest } = row;
  const full = viewer === "ADMINISTRATOR" && demoText !== null;
  return {
    ...rest,
    text: full ? demoText : rest.text,
    html: full && demoHtml !== null ? demoHtml : rest.html,
    withheld: demoText !== null && !full,
    freshLinkOnResend: resend !== null,
  };
}

/**
 * Every message kept or sent, newest first, filtered by status, template and
 * recipient, as `viewer` may see it (support staff never see a working link).
 */
export async function listMail(filter: MailFilter, viewer: StaffRole = "SUPPORT"): Promise<Paged<MailRow>> {
  const where: Prisma.OutgoingMailWhereInput = {};
  if (filter.status) where.status = filter.status;
  if (filter.template) where.template = { contains: filter.template };
  if (filter.to) where.to = { contains: filter.to.toLowerCase() };
  const { skip, take, page } = pageArgs(filter.page);
  const [items, total] = await Promise.all([
    db.outgoingMail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
    db.outgoingMail.count({ where }),
  ]);
  return paged(
    items.map((row) => mailView(row, viewer)),
    total,
    page,
  );
}

/** The templates seen so far, for the filter picker. */
export async function mailTemplates(): Promise<string[]> {
  const rows = await db.outgoingMail.findMany({ distinct: ["template"], select: { template: true }, orderBy: { template: "asc" } });
  return rows.map((r) => r.template);
}

export type ResendResult = { ok: true; status: string; freshLink?: true } | { ok: false; error: "notFound" | "notFailed" | "linkClosed" };

/** Asks the service that owns a one-time link for a fresh one, which it emails as a new message. */
async function issueFreshLink(links: SecretLinks, to: string, actor: Actor): Promise<{ ok: true; mailStatus: string } | { ok: false }> {
  switch (links.kind) {
    case "passwordReset":
      return reissuePasswordReset(links.id, actor);
    case "staffSetPassword":
      return reissueSetPasswordLink(links.id, actor);
    case "customerInvitation": {
      const r = await resendInvitation(links.id, actor);
      return r.ok ? { ok: true, mailStatus: r.mailStatus } : { ok: false };
    }
    case "colleagueInvitation":
      return reissueColleagueInvitation(links.id, to, actor);
    case "respondLink":
      return reissueRespondLink(links.id, actor);
  }
}

/**
 * Sends a failed message again. Only FAILED messages qualify; the message is
 * claimed in the transaction that writes the audit row, so a double click
 * sends it once. A message without one-time links is sent again from the
 * stored copy (FAILED -> QUEUED -> SENT/FAILED). One with such links holds no
 * working link any more: it is marked REPLACED and the owning service issues a
 * fresh link in a new message (the result is that message's status).
 */
export async function resendMail(id: string, actor: Actor): Promise<ResendResult> {
  return sendAgain(id, actor, null);
}

export interface RetryOutcome {
  due: number;
  sent: number;
  failed: number;
  freshLinks: number;
  refused: number;
  /** QUEUED past their send deadline (the sending process died): counted as a failed attempt */
  interrupted: number;
}

/**
 * The mail-retry job: every FAILED message whose next attempt is due (see
 * `nextAttemptAfter` in src/server/mail: 1, 5, 25, 125 minutes) is sent again
 * as staff would resend it, by the system. After the last automatic attempt
 * a message stays FAILED for staff. A message with a one-time link gets a
 * fresh one that inherits its attempt count, so the backoff goes on.
 */
export async function retryDueMail(now = new Date(), limit = 50): Promise<RetryOutcome> {
  const interrupted = await failInterrupted(now, limit);
  const due = await db.outgoingMail.findMany({
    where: { status: "FAILED", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  const outcome: RetryOutcome = { interrupted, due: due.length, sent: 0, failed: 0, freshLinks: 0, refused: 0 };
  for (const { id } of due) {
    const result = await sendAgain(id, { type: "SYSTEM" }, now);
    if (!result.ok) {
      if (result.error === "linkClosed") outcome.refused++;
      continue;
    }
    if (result.freshLink) outcome.freshLinks++;
    if (result.status === "SENT") outcome.sent++;
    if (result.status === "FAILED") outcome.failed++;
  }
  return outcome;
}

/**
 * A message still QUEUED past its send deadline was being sent by a process
 * that died before the SMTP server answered: it becomes FAILED, the lost try
 * counted as an attempt, and is due at once (recorded by the system).
 */
async function failInterrupted(now: Date, limit: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const stuck = await tx.outgoingMail.findMany({
      where: { status: "QUEUED", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
      select: { id: true, attempts: true },
    });
    for (const row of stuck) {
      const claim = await tx.outgoingMail.updateMany({
        where: { id: row.id, status: "QUEUED", nextAttemptAt: { lte: now } },
        data: { status: "FAILED", attempts: { increment: 1 }, lastError: "interrupted: no answer before the send deadline", nextAttemptAt: now },
      });
      if (claim.count !== 1) continue;
      await audit(
        tx,
        { type: "SYSTEM" },
        {
          action: "mail.interrupted",
          entityType: "OutgoingMail",
          entityId: row.id,
          before: { status: "QUEUED", attempts: row.attempts },
          after: { status: "FAILED", attempts: row.attempts + 1 },
        },
      );
    }
    return stuck.length;
  });
}

/** Staff's resend (`due` null) or the retry job's (only while the message's next attempt is due at `due`). */
async function sendAgain(id: string, actor: Actor, due: Date | null): Promise<ResendResult> {
  const claimedAt = new Date();
  const claimed = await db.$transaction(async (tx) => {
    const row = await tx.outgoingMail.findUnique({
      where: { id },
      select: { id: true, status: true, to: true, linkKind: true, resend: true, attempts: true },
    });
    if (!row) return { error: "notFound" as const };
    if (row.status === "FAILED" && row.linkKind && !row.resend) return { error: "linkClosed" as const };
    const next = row.linkKind ? "REPLACED" : "QUEUED";
    const claim = await tx.outgoingMail.updateMany({
      where: { id, status: "FAILED", ...(due ? { nextAttemptAt: { lte: due } } : {}) },
      data: { status: next, nextAttemptAt: next === "QUEUED" ? sendDeadline() : null },
    });
    if (claim.count !== 1) return { error: "notFailed" as const };
    await audit(tx, actor, {
      action: due ? "mail.retried" : "mail.resent",
      entityType: "OutgoingMail",
      entityId: id,
      before: { status: "FAILED", attempts: row.attempts },
      after: { status: next, ...(row.linkKind ? { freshLink: row.linkKind } : {}) },
    });
    return { error: null, row };
  });
  if (claimed.error !== null) return { ok: false, error: claimed.error };
  const { row } = claimed;

  if (row.resend) {
    const fresh = await issueFreshLink(JSON.parse(row.resend) as SecretLinks, row.to, actor);
    if (fresh.ok) {
      if (due) await inheritAttempts(row, claimedAt);
      return { ok: true, status: fresh.mailStatus, freshLink: true };
    }
    // The account, invitation or request is closed: nothing to send; the message stays failed.
    await db.$transaction(async (tx) => {
      await tx.outgoingMail.updateMany({ where: { id, status: "REPLACED" }, data: { status: "FAILED" } });
      await audit(tx, actor, {
        action: "mail.resend_refused",
        entityType: "OutgoingMail",
        entityId: id,
        before: { status: "REPLACED" },
        after: { status: "FAILED" },
      });
    });
    return { ok: false, error: "linkClosed" };
  }

  const result = await deliver(id);
  if (result.status === "QUEUED") {
    // No SMTP server is configured any more: the message is kept, as every other one.
    await db.outgoingMail.update({ where: { id }, data: { status: "LOGGED", nextAttemptAt: null } });
    return { ok: true, status: "LOGGED" };
  }
  return { ok: true, status: result.status };
}

/**
 * The message with a fresh link that replaced `row` (same recipient and kind of
 * link, written since the claim) counts the attempts before it, so a retried
 * one-time link still stops after MAIL_MAX_ATTEMPTS instead of starting over.
 */
async function inheritAttempts(row: { id: string; to: string; linkKind: string; attempts: number }, since: Date): Promise<void> {
  const replacement = await db.outgoingMail.findFirst({
    where: { to: row.to, linkKind: row.linkKind, createdAt: { gte: since }, id: { not: row.id } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, attempts: true },
  });
  if (!replacement) return;
  const attempts = row.attempts + replacement.attempts;
  await db.outgoingMail.update({
    where: { id: replacement.id },
    data: { attempts, nextAttemptAt: replacement.status === "FAILED" ? nextAttemptAfter(attempts) : null },
  });
}
