import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { supplierTicket } from "@/features/support/service";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "support")("ticket.title") };
}

/** One of the company's own support tickets and Support's replies. */
export default async function SupplierTicketPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  const user = await requireUser(lng, `/${lng}/support/${id}`);
  if (user.kind !== "SUPPLIER" || !user.supplierId) notFound();
  const ticket = await supplierTicket(id, user.supplierId);
  if (!ticket) notFound();
  const t = getT(lng, "support");
  const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/${lng}/setup/requests`} className="text-sm text-brand underline">{t("ticket.back")}</Link>
      </p>
      <div className="rounded-lg border bg-white p-4 sm:p-6">
        <h1 className="text-xl font-semibold">{t(`topics.${ticket.topic}`)}</h1>
        <p className="mt-1 text-sm text-gray-700">
          {t("columns.status")}: <span data-testid="ticket-status">{t(`status.${ticket.status}`)}</span>
        </p>
      </div>
      <ol className="space-y-3" aria-label={t("ticket.conversation")}>
        <li className="rounded-lg border bg-white p-4">
          <p className="text-sm text-gray-600">{ticket.author.name} · {when(ticket.createdAt)}</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{ticket.message}</p>
        </li>
        {ticket.messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-brand bg-white p-4" data-testid="ticket-reply">
            <p className="text-sm text-gray-600">
              {m.author.kind === "STAFF" ? t("ticket.support") : m.author.name} · {when(m.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words">{m.body}</p>
          </li>
        ))}
      </ol>
      {ticket.messages.length === 0 && <p className="text-sm text-gray-700">{t("ticket.noReplies")}</p>}
    </section>
  );
}
