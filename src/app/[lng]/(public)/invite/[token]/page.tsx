import type { Metadata } from "next";
import { LandingScreen } from "@/features/customer-invitations/components/landing-screen";
import { openInvitation } from "@/features/customer-invitations/landing";
import { getT } from "@/lib/i18n/instance";
import { currentUser } from "@/server/guards";
import { clientIp } from "@/server/request";
import { acceptAction, joinRequestAction, registerAction, signInAcceptAction, switchAccountAction } from "./actions";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  // The token is in the URL: never leak it to other sites, never index it.
  return { title: getT((await params).lng, "invitations")("landing.pageTitle"), referrer: TOKEN_PAGE_REFERRER, robots: { index: false } };
}

/** The customer invitation's link: anyone holding it may open it; a signed-in visitor sees their own options. */
export default async function InvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; token: string }>;
  searchParams: Promise<{ register?: string }>;
}) {
  const { lng, token } = await params;
  const { register } = await searchParams;
  const viewer = await currentUser();
  const landing = await openInvitation(token, await clientIp(), viewer && { id: viewer.id, email: viewer.email, kind: viewer.kind }, lng);
  return (
    <LandingScreen
      lng={lng}
      token={token}
      landing={landing}
      registerAnyway={register === "1"}
      actions={{
        register: registerAction,
        signInAccept: signInAcceptAction,
        accept: acceptAction,
        join: joinRequestAction,
        switchAccount: switchAccountAction,
      }}
    />
  );
}
