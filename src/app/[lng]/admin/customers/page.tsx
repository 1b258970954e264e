import type { Metadata } from "next";
import { firstValues } from "@/features/admin/filters";
import { sectionRole } from "@/features/admin/sections";
import { CustomerTable } from "@/features/customers/components/customer-table";
import { customerListSchema } from "@/features/customers/schemas";
import { listCustomers } from "@/features/customers/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("customers.title") };
}

/** The customer directory (administrators): search, page, open one to edit. */
export default async function CustomersPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("customers"));
  const filter = customerListSchema.parse(firstValues(await searchParams));
  return <CustomerTable lng={lng} filter={filter} customers={await listCustomers(filter)} />;
}
