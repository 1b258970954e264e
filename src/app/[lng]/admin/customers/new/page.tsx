import type { Metadata } from "next";
import Link from "next/link";
import { CustomerForm, emptyCustomer } from "@/features/customers/components/customer-form";
import { ui } from "@/components/ui";
import { sectionRole } from "@/features/admin/sections";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { createCustomerAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("customers.new") };
}

export default async function NewCustomerPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("customers"));
  const t = getT(lng, "staff");
  return (
    <section className="max-w-4xl">
      <Link href={`/${lng}/admin/customers`} className="text-sm text-brand underline">
        ← {t("customers.title")}
      </Link>
      <h1 className={`${ui.h1} mt-2`}>{t("customers.new")}</h1>
      <div className="mt-4">
        <CustomerForm action={createCustomerAction} lng={lng} initial={emptyCustomer} />
      </div>
    </section>
  );
}
