import type { Metadata } from "next";
import Link from "next/link";
import { AcceptForm, JoinForm, RegisterForm, SignInAcceptForm } from "@/features/customer-invitations/components/invitee-forms";
import { DeadLink, formatDate, InvitationHeader } from "@/features/customer-invitations/components/views";
import { openInvitation } from "@/features/customer-invitations/service";
import { getT } from "@/lib/i18n/instance";
import { clientIp } from "@/server/request";
import { getSessionUser } from "@/server/session";
import { acceptAction, joinAction, registerAction, signInAcceptAction, switchAccountAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  // The token is in the URL: never leak it to other sites, never index it.
  return { title: getT((await params).lng, "invitations")("landing.pageTitle"), referrer: "no-referrer", robots: { index: false } };
}

export default async function InvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; token: string }>;
  searchParams: Promise<{ register?: string }>;
}) {
  const { lng, token } = await params;
  const { register } = await searchParams;
  const t = getT(lng, "invitations");
  const viewer = await getSessionUser();
  const landing = await openInvitation(token, await clientIp(), viewer && { id: viewer.id, email: viewer.email, kind: viewer.kind }, lng);
  if (landing.kind === "dead") return <DeadLink lng={lng} reason={landing.reason} />;
  const { invitation } = landing;
  const p = { customer: invitation.customer, email: invitation.email };

  let body: React.ReactNode;
  switch (landing.kind) {
    case "join":
      body =
        register === "1" ? (
          <>
            <h2 className="mb-2 text-lg font-semibold">{t("landing.register.heading")}</h2>
            <RegisterForm action={registerAction} lng={lng} token={token} email={invitation.email} />
          </>
        ) : (
          <>
            <h2 className="mb-2 text-lg font-semibold">{t("landing.join.heading", { company: landing.company })}</h2>
            <p className="mb-4 text-sm text-gray-700">{t("landing.join.body", { ...p, company: landing.company })}</p>
            <JoinForm action={joinAction} lng={lng} token={token} company={landing.company} until={formatDate(invitation.expiresAt)} />
            <Link href={`/${lng}/invite/${token}?register=1`} className="mt-4 block text-sm text-brand underline">
              {t("landing.join.registerAnyway", { company: landing.company })}
            </Link>
          </>
        );
      break;
    case "register":
      body = (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t("landing.register.heading")}</h2>
          <p className="mb-4 text-sm text-gray-700">{t("landing.register.intro", p)}</p>
          <RegisterForm action={registerAction} lng={lng} token={token} email={invitation.email} />
        </>
      );
      break;
    case "signIn":
      body = (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t("landing.signIn.heading")}</h2>
          <p className="mb-4 text-sm text-gray-700">{t("landing.signIn.body", p)}</p>
          <SignInAcceptForm action={signInAcceptAction} lng={lng} token={token} email={invitation.email} />
        </>
      );
      break;
    case "accept":
      body = (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t("landing.accept.heading")}</h2>
          <p className="mb-4 text-sm text-gray-700">{t("landing.accept.body", p)}</p>
          <AcceptForm action={acceptAction} lng={lng} token={token} />
        </>
      );
      break;
    case "otherUser":
      body = (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t("landing.otherUser.heading")}</h2>
          <p className="mb-4 text-sm text-gray-700" data-testid="other-user">
            {t("landing.otherUser.body", { ...p, current: landing.signedInAs })}
          </p>
          <form action={switchAccountAction}>
            <input type="hidden" name="lng" value={lng} />
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="w-full rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
              {t("landing.otherUser.submit")}
            </button>
          </form>
        </>
      );
      break;
    default:
      body = (
        <>
          <h2 className="mb-2 text-lg font-semibold">{t("landing.unavailable.heading")}</h2>
          <p className="text-sm text-gray-700">{t("landing.unavailable.body")}</p>
        </>
      );
  }

  const canForward = landing.kind === "register" || landing.kind === "join" || landing.kind === "signIn";
  return (
    <>
      <InvitationHeader lng={lng} invitation={invitation} />
      <section aria-live="polite">{body}</section>
      {canForward && (
        <p className="mt-6 border-t pt-4 text-sm text-gray-700">
          {t("landing.forwardPrompt")}{" "}
          <Link href={`/${lng}/invite/${token}/forward`} className="text-brand underline">
            {t("landing.forwardLink")}
          </Link>
        </p>
      )}
    </>
  );
}
