import crypto from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateInvitationForm } from "@/features/customer-invitations/components/staff-forms";
import { customerChoices, customerName } from "@/features/customer-invitations/service";
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
  const t = getT(lng, "invitations");
  const customers = (await customerChoices()).map((c) => ({ id: c.id, label: customerName(c, lng) }));
  return (
    <section className="max-w-xl">
      <Link href={`/${lng}/admin/invitations`} className="text-sm text-brand underline">
        {t("staff.back")}
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-semibold">{t("staff.createTitle")}</h1>
      <div className="rounded border bg-white p-4">
        <CreateInvitationForm
          action={createInvitationAction}
          lng={lng}
          customers={customers}
          // A new key per form view: a double submit of this view creates one invitation.
          idempotencyKey={crypto.randomUUID()}
          defaultCustomerId={customers.some((c) => c.id === customerId) ? customerId : undefined}
        />
      </div>
    </section>
  );
}
