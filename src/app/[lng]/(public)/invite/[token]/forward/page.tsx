import type { Metadata } from "next";
import { ForwardScreen } from "@/features/customer-invitations/components/landing-screen";
import { openForForward } from "@/features/customer-invitations/landing";
import { getT } from "@/lib/i18n/instance";
import { clientIp } from "@/server/request";
import { forwardAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("forward.title"), referrer: "no-referrer", robots: { index: false } };
}

export default async function ForwardPage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const landing = await openForForward(token, await clientIp(), lng);
  return <ForwardScreen lng={lng} token={token} landing={landing} action={forwardAction} />;
}
