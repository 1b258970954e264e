import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { supplierTicket } from "../service";

type SupplierTicket = NonNullable<Awaited<ReturnType<typeof supplierTicket>>>;

/** One of the company's own tickets and Support's replies. */
export async function SupplierTicketView({ lng, ticket }: { lng: string; ticket: SupplierTicket }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "support");
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${lng}/setup/requests`} className="text-sm text-brand underline">
          {t("ticket.back")}
        </Link>
      </p>
      <div className="rounded-lg border bg-white p-4 sm:p-6">
        <h1 className="text-xl font-semibold">{t(`topics.${ticket.topic}`)}</h1>
        <p className="mt-1 text-sm text-gray-700">
          {t("columns.status")}: <span data-testid="ticket-status">{t(`status.${ticket.status}`)}</span>
        </p>
      </div>
      <ol className="space-y-3" aria-label={t("ticket.conversation")}>
        <li className="rounded-lg border bg-white p-4">
          <p className="text-sm text-gray-600">
            {ticket.author.name} · {formatDateTime(ticket.createdAt, lng, tz)}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{ticket.message}</p>
        </li>
        {ticket.messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-brand bg-white p-4" data-testid="ticket-reply">
            <p className="text-sm text-gray-600">
              {m.author.kind === "STAFF" ? t("ticket.support") : m.author.name} · {formatDateTime(m.createdAt, lng, tz)}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
          </li>
        ))}
      </ol>
      {ticket.messages.length === 0 && <p className="text-sm text-gray-700">{t("ticket.noReplies")}</p>}
    </section>
  );
}
