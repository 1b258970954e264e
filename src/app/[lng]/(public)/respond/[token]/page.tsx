import type { Metadata } from "next";
import { RespondPage } from "@/features/connection-requests/components/respond-page";
import { findByRespondToken } from "@/features/connection-requests/service";
import { getT } from "@/lib/i18n/instance";
import { respondAction } from "./actions";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  // The token is in the URL: never leak it to other sites.
  return { title: getT((await params).lng, "requests")("title"), referrer: TOKEN_PAGE_REFERRER, robots: { index: false } };
}

/** The customer contact's answer to a connection request: public, the single-use token is the authority. */
export default async function Respond({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; token: string }>;
  searchParams: Promise<{ decision?: string; answered?: string }>;
}) {
  const { lng, token } = await params;
  const { decision, answered } = await searchParams;
  const request = await findByRespondToken(token);
  return <RespondPage lng={lng} token={token} request={request} decision={decision} answered={answered} action={respondAction} />;
}
