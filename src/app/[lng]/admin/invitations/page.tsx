import type { Metadata } from "next";
import { InvitationList } from "@/features/customer-invitations/components/invitation-list";
import { listFiltersSchema } from "@/features/customer-invitations/schemas";
import { invitationCustomerOptions, listInvitations } from "@/features/customer-invitations/staff";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { resendInvitationAction, revokeInvitationAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("staff.title") };
}

export default async function InvitationsAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  await requireStaff(lng);
  const filters = listFiltersSchema.parse(await searchParams);
  const [list, customers] = await Promise.all([listInvitations(filters, lng), invitationCustomerOptions(lng, filters.customerId)]);
  return (
    <InvitationList
      lng={lng}
      filters={filters}
      list={list}
      customers={customers}
      actions={{ resend: resendInvitationAction, revoke: revokeInvitationAction }}
    />
  );
}
