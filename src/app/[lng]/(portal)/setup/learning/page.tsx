import { getT } from "@/lib/i18n/instance";

export default async function LearningCenterPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const t = getT(lng, "shell");
  return (
    <section className="space-y-6 rounded-lg border bg-white p-6">
      <h1 className="text-xl font-semibold">{t("setup.learning")}</h1>
      <h2 id="adding-users" className="text-lg font-semibold">{t("setup.addingUsers")}</h2>
      <p className="text-gray-700">{t("empty.admin")}</p>
      <h2 id="faq" className="text-lg font-semibold">{t("setup.faq")}</h2>
    </section>
  );
}
