import Link from "next/link";
import { notFound } from "next/navigation";
import { customerName } from "@/lib/customer-name";
import { ProfileView } from "@/features/profile/components/profile-view";
import { profileAsSeenBy } from "@/features/profile/service";
import { getT } from "@/lib/i18n/instance";
import { requireSupplier } from "@/server/guards";

/** "View as <customer>": exactly what that customer sees of the supplier's profile. */
export default async function ProfilePreviewPage({ params }: { params: Promise<{ lng: string; customerId: string }> }) {
  const { lng, customerId } = await params;
  const me = await requireSupplier(lng, null, `/${lng}/profile/preview/${customerId}`, { orNotFound: true });
  const view = await profileAsSeenBy(me, customerId);
  if (!view) notFound();
  const t = getT(lng, "profile");
  const name = customerName(view.customer, lng);
  return (
    <section className="space-y-4 rounded-lg border bg-white p-4 sm:p-6">
      <p>
        <Link href={`/${lng}/profile#sharing`} className="text-sm text-brand underline">
          ← {t("preview.back")}
        </Link>
      </p>
      <h1 className="text-xl font-semibold">{t("preview.title", { customer: name })}</h1>
      <p className="text-sm text-gray-700">{t("preview.intro", { customer: name })}</p>
      <ProfileView
        lng={lng}
        customer={name}
        company={view.company}
        shared={view.shared}
        sections={view.sections}
        documents={view.documents}
        withheld={view.withheld}
      />
    </section>
  );
}
