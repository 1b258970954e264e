import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SupplierTicketView } from "@/features/support/components/supplier-ticket";
import { supplierTicket } from "@/features/support/service";
import { getT } from "@/lib/i18n/instance";
import { requireSupplier } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "support")("ticket.title") };
}

/** One of the company's own support tickets and Support's replies. */
export default async function SupplierTicketPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  const user = await requireSupplier(lng, null, `/${lng}/support/${id}`, { orNotFound: true });
  const ticket = await supplierTicket(id, user.supplierId);
  if (!ticket) notFound();
  return <SupplierTicketView lng={lng} ticket={ticket} />;
}
