import type { Metadata } from "next";
import { firstValues } from "@/features/admin/filters";
import { sectionRole } from "@/features/admin/sections";
import { StaffTickets } from "@/features/support/components/staff-tickets";
import { ticketFilterSchema } from "@/features/support/schemas";
import { listStaffTickets } from "@/features/support/staff";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("tickets.title") };
}

/** Suppliers' "Contact Support" tickets: open ones first, oldest first. */
export default async function TicketsPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  const user = await requireStaff(lng, sectionRole("tickets"));
  const filter = ticketFilterSchema.parse(firstValues(await searchParams));
  return <StaffTickets lng={lng} filter={filter} list={await listStaffTickets(filter, user.id)} />;
}
