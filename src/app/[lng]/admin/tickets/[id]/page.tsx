import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate, ui } from "@/components/ui";
import { sectionRole } from "@/features/admin/sections";
import { ReplyForm, TicketButton } from "@/features/support/components/staff-ticket-forms";
import { staffTicket } from "@/features/support/staff";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { assignTicketAction, closeTicketAction, replyTicketAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("tickets.detailTitle") };
}

/** One ticket: the supplier's message, the replies, and what staff can do with it. */
export default async function TicketPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  const user = await requireStaff(lng, sectionRole("tickets"));
  const ticket = await staffTicket(id);
  if (!ticket) notFound();
  const t = getT(lng, "staff");
  const ts = getT(lng, "support");
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${lng}/admin/tickets`} className="text-sm text-brand underline">{t("tickets.back")}</Link>
      </p>
      <h1 className={ui.h1}>{ts(`topics.${ticket.topic}`)}</h1>
      <dl className={`${ui.card} grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]`}>
        <dt className="font-medium">{t("tickets.columns.supplier")}</dt>
        <dd>{ticket.supplier.name}</dd>
        <dt className="font-medium">{t("tickets.from")}</dt>
        <dd className="break-all">{ticket.author.name} &lt;{ticket.author.email}&gt; · {t(`tickets.language.${ticket.author.locale === "zh" ? "zh" : "en"}`)}</dd>
        <dt className="font-medium">{t("tickets.status")}</dt>
        <dd data-testid="ticket-status">{ts(`status.${ticket.status}`)}</dd>
        <dt className="font-medium">{t("tickets.columns.assignee")}</dt>
        <dd data-testid="ticket-assignee">{ticket.assignee?.name ?? t("tickets.unassigned")}</dd>
      </dl>
      <ol className="space-y-3" aria-label={t("tickets.conversation")}>
        <li className={ui.card}>
          <p className="text-sm text-gray-600">{ticket.author.name} · {formatDate(ticket.createdAt)}</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{ticket.message}</p>
        </li>
        {ticket.messages.map((m) => (
          <li key={m.id} className={`${ui.card} ${m.author.kind === "STAFF" ? "border-brand" : ""}`} data-testid="ticket-message">
            <p className="text-sm text-gray-600">{m.author.name} · {formatDate(m.createdAt)}</p>
            <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
          </li>
        ))}
      </ol>
      {ticket.status === "OPEN" && (
        <div className={`${ui.card} space-y-4`}>
          <div className="flex flex-wrap gap-3">
            {ticket.assignee?.id !== user.id && <TicketButton action={assignTicketAction} lng={lng} id={ticket.id} label={t("tickets.assignToMe")} />}
            <TicketButton action={closeTicketAction} lng={lng} id={ticket.id} label={t("tickets.close")} />
          </div>
          <ReplyForm action={replyTicketAction} lng={lng} id={ticket.id} />
        </div>
      )}
    </section>
  );
}
