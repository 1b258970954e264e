import Link from "next/link";
import { CustomersNotListed } from "@/features/customers/components/customers-not-listed";
import type { FormAction } from "@/lib/action-result";
import { getT } from "@/lib/i18n/instance";
import type { CustomerOptions } from "../staff";
import { CreateInvitationForm } from "./staff-forms";

/** Admin -> Invitations -> New: the form that invites a supplier contact on behalf of a customer. */
export function NewInvitationScreen({
  lng,
  customers,
  customerId,
  idempotencyKey,
  action,
}: {
  lng: string;
  customers: CustomerOptions;
  /** Preselected from the URL when it names a known customer */
  customerId?: string;
  /** A new key per form view: a double submit of this view creates one invitation */
  idempotencyKey: string;
  action: FormAction<{ email: string }>;
}) {
  const t = getT(lng, "invitations");
  return (
    <section className="max-w-xl">
      <Link href={`/${lng}/admin/invitations`} className="text-sm text-brand underline">
        {t("staff.back")}
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-semibold">{t("staff.createTitle")}</h1>
      <CustomersNotListed lng={lng} complete={customers.complete} note={t("staff.customersNotListed")} />
      <div className="rounded border bg-white p-4">
        <CreateInvitationForm
          action={action}
          lng={lng}
          customers={customers.options}
          idempotencyKey={idempotencyKey}
          defaultCustomerId={customers.options.some((c) => c.id === customerId) ? customerId : undefined}
        />
      </div>
    </section>
  );
}
