import { notFound } from "next/navigation";
import { CustomerDetailView } from "@/features/customer-setup/components/customer-detail";
import { CustomerList } from "@/features/customer-setup/components/customer-list";
import { customerDetail, listCustomers } from "@/features/customer-setup/service";
import { getT } from "@/lib/i18n/instance";
import { requireSupplier } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "customers")("title") };
}

export default async function SetupCustomersPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<{ c?: string; q?: string }>;
}) {
  const { lng } = await params;
  const { c, q } = await searchParams;
  const me = await requireSupplier(lng, null, `/${lng}/setup/customers`, { orNotFound: true });
  const t = getT(lng, "customers");
  const filter = typeof q === "string" ? q.slice(0, 100) : "";
  const selected = typeof c === "string" && c.length <= 40 ? c : undefined;
  const [list, detail] = await Promise.all([listCustomers(me, filter), selected ? customerDetail(me, selected) : null]);
  if (selected && !detail) notFound();
  return (
    <section className="rounded-lg border bg-white p-4 sm:p-6">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-gray-700">{t("intro")}</p>
      <div className="mt-6 grid grid-cols-1 gap-6 md:grid-cols-[16rem_minmax(0,1fr)]">
        <CustomerList lng={lng} list={list} q={filter} selected={selected} />
        <div className="min-w-0 border-t pt-4 md:border-l md:border-t-0 md:pl-6 md:pt-0">
          {detail ? <CustomerDetailView lng={lng} detail={detail} /> : <p className="text-gray-700">{t("chooseOne")}</p>}
        </div>
      </div>
    </section>
  );
}
