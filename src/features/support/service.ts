import { audit } from "@/server/audit";
import { db } from "@/server/db";
import type { TicketInput } from "./schemas";

/**
 * "Contact Support" tickets from supplier users. Staff answer them in the
 * admin area (its own capability); this side creates and lists them.
 */
export async function createTicket(input: TicketInput, actor: { userId: string; supplierId: string; ip?: string }) {
  return db.$transaction(async (tx) => {
    const ticket = await tx.supportTicket.create({
      data: { supplierId: actor.supplierId, authorId: actor.userId, topic: input.topic, message: input.message },
    });
    await audit(
      tx,
      { type: "USER", id: actor.userId, ip: actor.ip },
      {
        action: "support_ticket.created",
        entityType: "SupportTicket",
        entityId: ticket.id,
        after: { topic: input.topic },
      },
    );
    return { id: ticket.id };
  });
}

/** The company's own tickets, newest first. */
export async function listTickets(supplierId: string, take = 20) {
  return db.supportTicket.findMany({
    where: { supplierId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, topic: true, status: true, createdAt: true, author: { select: { name: true } }, _count: { select: { messages: true } } },
  });
}

/** One of the company's own tickets with staff replies; null for another company's (or no) ticket. */
export async function supplierTicket(id: string, supplierId: string) {
  const ticket = await db.supportTicket.findFirst({
    where: { id, supplierId },
    include: { author: { select: { name: true } }, messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  return ticket && { ...ticket, messages: await withAuthors(ticket.messages) };
}

/** Adds each message's author (name and kind: staff or supplier user). */
export async function withAuthors<M extends { authorId: string }>(messages: M[]) {
  const users = await db.user.findMany({ where: { id: { in: [...new Set(messages.map((m) => m.authorId))] } }, select: { id: true, name: true, kind: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return messages.map((m) => ({ ...m, author: byId.get(m.authorId) ?? { id: m.authorId, name: "—", kind: "STAFF" } }));
}
