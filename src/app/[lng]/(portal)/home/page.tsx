import Link from "next/link";
import { getT } from "@/lib/i18n/instance";
import { companyName } from "@/features/profile/service";
import { requireUser } from "@/server/guards";

export default async function HomePage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireUser(lng);
  const t = getT(lng, "shell");
  const company = user.supplierId ? await companyName(user.supplierId) : "";
  const cards = [
    { key: "customers", href: "setup/customers" },
    { key: "requests", href: "setup/requests" },
    { key: "admin", href: "setup/admin" },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("home.title", { name: user.name })}</h1>
      <p className="mt-2 text-gray-700">{t("home.intro", { company })}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-3">
        {cards.map((c) => (
          <li key={c.key}>
            <Link href={`/${lng}/${c.href}`} className="block h-full rounded-lg border bg-white p-4 shadow-sm hover:border-brand">
              <h2 className="font-semibold text-brand">{t(`home.${c.key}Title`)}</h2>
              <p className="mt-1 text-sm text-gray-700">{t(`home.${c.key}Body`)}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
