import crypto from "node:crypto";
import type { Metadata } from "next";
import { NewInvitationScreen } from "@/features/customer-invitations/components/new-invitation";
import { invitationCustomerOptions } from "@/features/customer-invitations/staff";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { createInvitationAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("staff.createTitle") };
}

export default async function NewInvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<{ customerId?: string }>;
}) {
  const { lng } = await params;
  await requireStaff(lng);
  const { customerId } = await searchParams;
  return (
    <NewInvitationScreen
      lng={lng}
      customers={await invitationCustomerOptions(lng, customerId)}
      customerId={customerId}
      idempotencyKey={crypto.randomUUID()}
      action={createInvitationAction}
    />
  );
}
