import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { acceptedBy } from "@/features/customer-invitations/service";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("landing.pageTitle"), referrer: "no-referrer", robots: { index: false } };
}

/** After accepting: names the connected customer and leads to Customer Setup. */
export default async function InvitationDonePage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const user = await requireUser(lng, `/${lng}/invite/${token}/done`);
  const customer = await acceptedBy(token, user.id, lng);
  // Not accepted by this user: the landing page says what state the link is in.
  if (!customer) redirect(`/${lng}/invite/${token}`);
  const t = getT(lng, "invitations");
  return (
    <section data-testid="invite-done">
      <h1 className="mb-3 text-2xl font-semibold">{t("done.title", { customer })}</h1>
      <p className="mb-5 text-gray-700">{t("done.body", { customer })}</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href={`/${lng}/setup/customers`} className="rounded bg-brand px-4 py-2 text-center font-semibold text-white hover:bg-brand-dark">
          {t("done.customerSetup")}
        </Link>
        <Link href={`/${lng}/home`} className="rounded border px-4 py-2 text-center">
          {t("done.home")}
        </Link>
      </div>
    </section>
  );
}
