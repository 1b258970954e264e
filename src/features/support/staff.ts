import type { Prisma } from "@/generated/prisma/client";
import { wantsEmail } from "@/features/notifications/preferences";
import { notify } from "@/features/notifications/service";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import { isLng } from "@/lib/i18n/config";
import { getT } from "@/lib/i18n/instance";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { portalUrl, sendMail } from "@/server/mail";
import type { ReplyInput, TicketFilter } from "./schemas";
import { withAuthors } from "./service";

/**
 * Support staff work the "Contact Support" tickets: list, assign to
 * themselves, reply (kept on the ticket and emailed to its author in the
 * author's language) and close. Every change is one transaction with its
 * audit row; repeating a change changes nothing.
 */

type StaffActor = Actor & { type: "STAFF"; id: string };

export type TicketRow = Prisma.SupportTicketGetPayload<{
  include: {
    supplier: { select: { name: true } };
    author: { select: { name: true; email: true } };
    assignee: { select: { name: true } };
    _count: { select: { messages: true } };
  };
}>;

/** Open tickets first, oldest first within a status. */
export async function listStaffTickets(filter: TicketFilter, staffId: string): Promise<Paged<TicketRow>> {
  const where: Prisma.SupportTicketWhereInput = {};
  if (filter.status) where.status = filter.status;
  if (filter.mine) where.assigneeId = staffId;
  const { skip, take, page } = pageArgs(filter.page);
  const [items, total] = await Promise.all([
    db.supportTicket.findMany({
      where,
      include: {
        supplier: { select: { name: true } },
        author: { select: { name: true, email: true } },
        assignee: { select: { name: true } },
        _count: { select: { messages: true } },
      },
      orderBy: [{ status: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      skip,
      take,
    }),
    db.supportTicket.count({ where }),
  ]);
  return paged(items, total, page);
}

/** One ticket with its conversation, for staff. */
export async function staffTicket(id: string) {
  const ticket = await db.supportTicket.findUnique({
    where: { id },
    include: {
      supplier: { select: { id: true, name: true } },
      author: { select: { name: true, email: true, locale: true } },
      assignee: { select: { id: true, name: true } },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  return ticket && { ...ticket, messages: await withAuthors(ticket.messages) };
}

export type TicketOutcome = { ok: true; changed: boolean } | { ok: false; error: "notFound" | "closed" };

/** Takes the ticket; taking it again changes nothing. */
export async function assignToSelf(id: string, actor: StaffActor): Promise<TicketOutcome> {
  return db.$transaction(async (tx) => {
    const t = await tx.supportTicket.findUnique({ where: { id }, select: { assigneeId: true, status: true } });
    if (!t) return { ok: false, error: "notFound" } as const;
    if (t.assigneeId === actor.id) return { ok: true, changed: false } as const;
    await tx.supportTicket.update({ where: { id }, data: { assigneeId: actor.id } });
    await audit(tx, actor, {
      action: "support_ticket.assigned",
      entityType: "SupportTicket",
      entityId: id,
      before: { assigneeId: t.assigneeId },
      after: { assigneeId: actor.id },
    });
    return { ok: true, changed: true } as const;
  });
}

/** Closes an open ticket; closing a closed one changes nothing. */
export async function closeTicket(id: string, actor: StaffActor): Promise<TicketOutcome> {
  return db.$transaction(async (tx) => {
    const exists = await tx.supportTicket.count({ where: { id } });
    if (!exists) return { ok: false, error: "notFound" } as const;
    const moved = await tx.supportTicket.updateMany({ where: { id, status: "OPEN" }, data: { status: "CLOSED" } });
    if (moved.count === 0) return { ok: true, changed: false } as const;
    await audit(tx, actor, {
      action: "support_ticket.closed",
      entityType: "SupportTicket",
      entityId: id,
      before: { status: "OPEN" },
      after: { status: "CLOSED" },
    });
    return { ok: true, changed: true } as const;
  });
}

/** A double submit within this window with the same text is the same reply. */
const REPEAT_WINDOW_MS = 2 * 60 * 1000;

/**
 * Keeps the reply on the ticket, tells the author in the portal and by email
 * (in the author's language). Replying to a closed ticket is refused; the
 * same text sent twice in a row by the same staff member is kept (and mailed) once.
 */
export async function replyToTicket(input: ReplyInput, actor: StaffActor): Promise<TicketOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const t = await tx.supportTicket.findUnique({
      where: { id: input.id },
      include: { author: { select: { id: true, email: true, locale: true, status: true } } },
    });
    if (!t) return { ok: false, error: "notFound" } as const;
    if (t.status !== "OPEN") return { ok: false, error: "closed" } as const;
    const last = await tx.ticketMessage.findFirst({ where: { ticketId: t.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    if (last && last.authorId === actor.id && last.body === input.body && Date.now() - last.createdAt.getTime() < REPEAT_WINDOW_MS) {
      return { ok: true, changed: false } as const;
    }
    const message = await tx.ticketMessage.create({ data: { ticketId: t.id, authorId: actor.id, body: input.body } });
    // Answering a ticket nobody has taken yet takes it.
    if (!t.assigneeId) await tx.supportTicket.update({ where: { id: t.id }, data: { assigneeId: actor.id } });
    await audit(tx, actor, {
      action: "support_ticket.replied",
      entityType: "SupportTicket",
      entityId: t.id,
      before: t.assigneeId ? null : { assigneeId: null },
      after: { messageId: message.id, ...(t.assigneeId ? {} : { assigneeId: actor.id }) },
    });
    await notify(tx, [t.author.id], "support:events.reply", {}, `/support/${t.id}`);
    return {
      ok: true,
      changed: true,
      mail: { authorId: t.author.id, to: t.author.email, locale: isLng(t.author.locale) ? t.author.locale : "en", topic: t.topic, ticketId: t.id },
    } as const;
  });
  if (!outcome.ok || !("mail" in outcome) || !outcome.mail) return outcome.ok ? { ok: true, changed: false } : outcome;
  const { mail } = outcome;
  if (!(await wantsEmail(mail.authorId, "tickets"))) return { ok: true, changed: true };
  await sendMail({
    to: mail.to,
    locale: mail.locale,
    template: "support:mail.reply",
    params: { topic: getT(mail.locale, "support")(`topics.${mail.topic}`), reply: input.body },
    actionUrl: portalUrl(`/${mail.locale}/support/${mail.ticketId}`),
  });
  return { ok: true, changed: true };
}
