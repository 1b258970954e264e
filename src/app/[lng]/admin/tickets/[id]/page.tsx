import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { sectionRole } from "@/features/admin/sections";
import { StaffTicketView } from "@/features/support/components/staff-ticket";
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
  return <StaffTicketView lng={lng} ticket={ticket} staffId={user.id} assign={assignTicketAction} close={closeTicketAction} reply={replyTicketAction} />;
}
