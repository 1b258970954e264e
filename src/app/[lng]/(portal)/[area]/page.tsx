import Link from "next/link";
import { notFound } from "next/navigation";
import { placeholderAreas } from "@/components/shell/nav";
import { getT } from "@/lib/i18n/instance";

/** Areas of the portal outside this product: an honest page that says so. */
export default async function PlaceholderArea({ params }: { params: Promise<{ lng: string; area: string }> }) {
  const { lng, area } = await params;
  if (!placeholderAreas.includes(area)) notFound();
  const t = getT(lng, "shell");
  const name = t(`nav.${area}`);
  return (
    <section className="rounded-lg border bg-white p-6">
      <h1 className="text-2xl font-semibold">{t("placeholder.title", { area: name })}</h1>
      <p className="mt-3 max-w-2xl text-gray-700">{t("placeholder.body", { area: name })}</p>
      <Link href={`/${lng}/home`} className="mt-4 inline-block text-brand underline">
        {t("placeholder.back")}
      </Link>
    </section>
  );
}
