import type { Metadata } from "next";
import { ForwardForm } from "@/features/customer-invitations/components/invitee-forms";
import { DeadLink } from "@/features/customer-invitations/components/views";
import { openForForward } from "@/features/customer-invitations/service";
import { getT } from "@/lib/i18n/instance";
import { emailDomain } from "@/lib/validation";
import { clientIp } from "@/server/request";
import { forwardAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "invitations")("forward.title"), referrer: "no-referrer", robots: { index: false } };
}

export default async function ForwardPage({ params }: { params: Promise<{ lng: string; token: string }> }) {
  const { lng, token } = await params;
  const t = getT(lng, "invitations");
  const landing = await openForForward(token, await clientIp(), lng);
  if (landing.kind === "dead") return <DeadLink lng={lng} reason={landing.reason} />;
  const { invitation } = landing;
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("forward.title")}</h1>
      <p className="mb-4 text-gray-700">{t("forward.intro", { customer: invitation.customer })}</p>
      <ForwardForm action={forwardAction} lng={lng} token={token} domain={emailDomain(invitation.email)} />
    </>
  );
}
