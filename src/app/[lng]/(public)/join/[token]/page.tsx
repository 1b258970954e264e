import type { Metadata } from "next";
import { inspectColleagueInvitation } from "@/features/supplier-users/colleague-join";
import { ColleagueJoinScreen } from "@/features/supplier-users/components/colleague-join-screen";
import { INVITE_TTL_DAYS } from "@/features/supplier-users/core";
import { getT } from "@/lib/i18n/instance";
import { colleagueJoinAction } from "../actions";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "users")("register.submit"), referrer: TOKEN_PAGE_REFERRER };
}

/** The colleague-invitation registration page (public: the link is the credential): email fixed, name + password + language. */
export default async function JoinPage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const invite = await inspectColleagueInvitation(token);
  return <ColleagueJoinScreen lng={lng} token={token} invite={invite} inviteDays={INVITE_TTL_DAYS} action={colleagueJoinAction} />;
}
