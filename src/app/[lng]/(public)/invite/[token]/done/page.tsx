import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AcceptedScreen } from "@/features/customer-invitations/components/landing-screen";
import { acceptedBy } from "@/features/customer-invitations/landing";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("landing.pageTitle"), referrer: TOKEN_PAGE_REFERRER, robots: { index: false } };
}

/** After accepting: names the connected customer and leads to Customer Setup. */
export default async function InvitationDonePage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const user = await requireUser(lng, `/${lng}/invite/${token}/done`);
  const customer = await acceptedBy(token, user.id, lng);
  // Not accepted by this user: the landing page says what state the link is in.
  if (!customer) redirect(`/${lng}/invite/${token}`);
  return <AcceptedScreen lng={lng} customer={customer} />;
}
