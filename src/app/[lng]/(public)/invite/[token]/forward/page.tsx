import type { Metadata } from "next";
import { ForwardedScreen, ForwardScreen } from "@/features/customer-invitations/components/landing-screen";
import { forwardedTo, openForForward } from "@/features/customer-invitations/landing";
import { getT } from "@/lib/i18n/instance";
import { clientIp } from "@/server/request";
import { forwardAction } from "../actions";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("forward.title"), referrer: TOKEN_PAGE_REFERRER, robots: { index: false } };
}

export default async function ForwardPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; token: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const { lng, token } = await params;
  if ((await searchParams).sent) {
    const email = await forwardedTo(token);
    if (email) return <ForwardedScreen lng={lng} email={email} />;
  }
  const landing = await openForForward(token, await clientIp(), lng);
  return <ForwardScreen lng={lng} token={token} landing={landing} action={forwardAction} />;
}
