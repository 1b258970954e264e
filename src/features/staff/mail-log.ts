import type { Prisma } from "@/generated/prisma/client";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { deliver } from "@/server/mail";
import { pageArgs, paged, type Paged } from "./paging";
import type { MailFilter } from "./schemas";

export type MailRow = Prisma.OutgoingMailGetPayload<object>;

/** Every message kept or sent, newest first, filtered by status, template and recipient. */
export async function listMail(filter: MailFilter): Promise<Paged<MailRow>> {
  const where: Prisma.OutgoingMailWhereInput = {};
  if (filter.status) where.status = filter.status;
  if (filter.template) where.template = { contains: filter.template };
  if (filter.to) where.to = { contains: filter.to.toLowerCase() };
  const { skip, take, page } = pageArgs(filter.page);
  const [items, total] = await Promise.all([
    db.outgoingMail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
    db.outgoingMail.count({ where }),
  ]);
  return paged(items, total, page);
}

/** The templates seen so far, for the filter picker. */
export async function mailTemplates(): Promise<string[]> {
  const rows = await db.outgoingMail.findMany({ distinct: ["template"], select: { template: true }, orderBy: { template: "asc" } });
  return rows.map((r) => r.template);
}

export type ResendResult = { ok: true; status: string } | { ok: false; error: "notFound" | "notFailed" };

/**
 * Sends a failed message again. Only FAILED messages qualify; the message is
 * claimed (FAILED -> QUEUED) in the transaction that writes the audit row, so
 * a double click sends it once.
 */
export async function resendMail(id: string, actor: Actor): Promise<ResendResult> {
  const claimed = await db.$transaction(async (tx) => {
    const row = await tx.outgoingMail.findUnique({ where: { id }, select: { id: true, status: true } });
    if (!row) return "notFound" as const;
    const claim = await tx.outgoingMail.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED" } });
    if (claim.count !== 1) return "notFailed" as const;
    await audit(tx, actor, { action: "mail.resent", entityType: "OutgoingMail", entityId: id, before: { status: "FAILED" }, after: { status: "QUEUED" } });
    return "claimed" as const;
  });
  if (claimed !== "claimed") return { ok: false, error: claimed };
  const result = await deliver(id);
  if (result.status === "QUEUED") {
    // No SMTP server is configured any more: the message is kept, as every other one.
    await db.outgoingMail.update({ where: { id }, data: { status: "LOGGED" } });
    return { ok: true, status: "LOGGED" };
  }
  return { ok: true, status: result.status };
}
