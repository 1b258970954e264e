import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { staffTicket } from "../staff";
import { ReplyForm } from "./staff-ticket-forms";

type StaffTicket = NonNullable<Awaited<ReturnType<typeof staffTicket>>>;

/** Staff: one ticket, the supplier's message, the replies, and (while open) assign, close and reply. */
export async function StaffTicketView({
  lng,
  ticket,
  staffId,
  assign,
  close,
  reply,
}: {
  lng: string;
  ticket: StaffTicket;
  /** The staff member looking at it */
  staffId: string;
  assign: FormAction;
  close: FormAction;
  reply: FormAction;
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  const ts = getT(lng, "support");
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${lng}/admin/tickets`} className="text-sm text-brand underline">
          {t("tickets.back")}
        </Link>
      </p>
      <h1 className={ui.h1}>{ts(`topics.${ticket.topic}`)}</h1>
      <dl className={`${ui.card} grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]`}>
        <dt className="font-medium">{t("tickets.columns.supplier")}</dt>
        <dd>{ticket.supplier.name}</dd>
        <dt className="font-medium">{t("tickets.from")}</dt>
        <dd className="break-all">
          {ticket.author.name} &lt;{ticket.author.email}&gt; · {t(`tickets.language.${ticket.author.locale === "zh" ? "zh" : "en"}`)}
        </dd>
        <dt className="font-medium">{t("tickets.status")}</dt>
        <dd data-testid="ticket-status">{ts(`status.${ticket.status}`)}</dd>
        <dt className="font-medium">{t("tickets.columns.assignee")}</dt>
        <dd data-testid="ticket-assignee">{ticket.assignee?.name ?? t("tickets.unassigned")}</dd>
      </dl>
      <ol className="space-y-3" aria-label={t("tickets.conversation")}>
        <li className={ui.card}>
          <p className="text-sm text-gray-600">
            {ticket.author.name} · {formatDateTime(ticket.createdAt, lng, tz)}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{ticket.message}</p>
        </li>
        {ticket.messages.map((m) => (
          <li key={m.id} className={`${ui.card} ${m.author.kind === "STAFF" ? "border-brand" : ""}`} data-testid="ticket-message">
            <p className="text-sm text-gray-600">
              {m.author.name} · {formatDateTime(m.createdAt, lng, tz)}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
          </li>
        ))}
      </ol>
      {ticket.status === "OPEN" && (
        <div className={`${ui.card} space-y-4`}>
          <div className="flex flex-wrap gap-3">
            {ticket.assignee?.id !== staffId && (
              <ActionButton action={assign} lng={lng} fields={{ id: ticket.id }} className={ui.button}>
                {t("tickets.assignToMe")}
              </ActionButton>
            )}
            <ActionButton action={close} lng={lng} fields={{ id: ticket.id }} className={ui.button}>
              {t("tickets.close")}
            </ActionButton>
          </div>
          <ReplyForm action={reply} lng={lng} id={ticket.id} />
        </div>
      )}
    </section>
  );
}
