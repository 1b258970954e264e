import { getT } from "@/lib/i18n/instance";

export default async function SetupAdminPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const t = getT(lng, "shell");
  return (
    <section className="rounded-lg border bg-white p-6">
      <h1 className="text-xl font-semibold">{t("setup.admin")}</h1>
      <p className="mt-3 text-gray-700">{t("empty.admin")}</p>
    </section>
  );
}
