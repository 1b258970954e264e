import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerForm } from "@/features/customers/components/customer-form";
import type { AliasKind } from "@/features/customers/form-rules";
import { getCustomer } from "@/features/customers/service";
import { ui } from "@/components/ui";
import { sectionRole } from "@/features/admin/sections";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { updateCustomerAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("customers.edit") };
}

export default async function EditCustomerPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  await requireStaff(lng, sectionRole("customers"));
  const customer = await getCustomer(id);
  if (!customer) notFound();
  const t = getT(lng, "staff");
  return (
    <section className="max-w-4xl">
      <Link href={`/${lng}/admin/customers`} className="text-sm text-brand underline">
        ← {t("customers.title")}
      </Link>
      <h1 className={`${ui.h1} mt-2`}>{customer.name}</h1>
      <p className="flex flex-wrap gap-x-4 text-sm text-gray-600">
        <Link href={`/${lng}/admin/audit?entityType=Customer&entityId=${customer.id}`} className="underline">
          {t("customers.history")}
        </Link>
        <Link href={`/${lng}/admin/requests?customerId=${customer.id}`} className="underline">
          {t("customers.requests")}
        </Link>
        <Link href={`/${lng}/admin/invitations?customerId=${customer.id}`} className="underline">
          {t("customers.invitations")}
        </Link>
        <Link href={`/${lng}/admin/invitations/new?customerId=${customer.id}`} className="underline">
          {t("customers.invite")}
        </Link>
      </p>
      <div className="mt-4">
        <CustomerForm
          action={updateCustomerAction}
          lng={lng}
          initial={{
            id: customer.id,
            version: customer.updatedAt.toISOString(),
            name: customer.name,
            nameZh: customer.nameZh,
            taxId: customer.taxId,
            registrationNumber: customer.registrationNumber,
            aliases: customer.aliases.map((a) => ({ name: a.name, kind: a.kind as AliasKind })),
            domains: customer.domains.map((d) => d.domain),
            acceptsRequests: customer.acceptsRequests,
            autoApproveRule: customer.autoApproveRule,
            requirements: customer.requirementSteps,
          }}
        />
      </div>
    </section>
  );
}
