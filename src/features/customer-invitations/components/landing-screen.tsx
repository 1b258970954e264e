import Link from "next/link";
import type { ReactNode } from "react";
import type { FormAction } from "@/lib/action-result";
import { formatDate } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import { emailDomain } from "@/lib/validation";
import type { Landing } from "../landing";
import { AcceptForm, ForwardForm, JoinRequestForm, RegisterForm, SignInAcceptForm } from "./invitee-forms";
import { DeadLink, InvitationHeader } from "./views";
import { SuccessNotice } from "@/components/notice";

export interface LandingActions {
  register: FormAction;
  signInAccept: FormAction;
  accept: FormAction;
  join: FormAction<{ company: string }>;
  /** Signs the other account out and comes back to the link */
  switchAccount: (form: FormData) => Promise<void>;
}

/**
 * The invitation link's page: who invites, then what this visitor can do
 * (register, ask to join their company, sign in, accept, switch account) or
 * why the link no longer works.
 */
export async function LandingScreen({
  lng,
  token,
  landing,
  registerAnyway,
  actions,
}: {
  lng: string;
  token: string;
  landing: Landing;
  /** "?register=1": register a new company although one has the email's domain */
  registerAnyway: boolean;
  actions: LandingActions;
}) {
  const tz = await readerTimeZone();
  if (landing.kind === "dead") return <DeadLink lng={lng} reason={landing.reason} />;
  const t = getT(lng, "invitations");
  const { invitation } = landing;
  const p = { customer: invitation.customer, email: invitation.email };
  const heading = (text: string) => <h2 className="mb-2 text-lg font-semibold">{text}</h2>;
  const registerForm = <RegisterForm action={actions.register} lng={lng} token={token} email={invitation.email} />;

  let body: ReactNode;
  switch (landing.kind) {
    case "join":
      body = registerAnyway ? (
        <>
          {heading(t("landing.register.heading"))}
          {registerForm}
        </>
      ) : (
        <>
          {heading(t("landing.join.heading", { company: landing.company }))}
          <p className="mb-4 text-sm text-gray-700">{t("landing.join.body", { ...p, company: landing.company })}</p>
          <JoinRequestForm action={actions.join} lng={lng} token={token} company={landing.company} until={formatDate(invitation.expiresAt, lng, tz)} />
          <Link href={`/${lng}/invite/${token}?register=1`} className="mt-4 block text-sm text-brand underline">
            {t("landing.join.registerAnyway", { company: landing.company })}
          </Link>
        </>
      );
      break;
    case "register":
      body = (
        <>
          {heading(t("landing.register.heading"))}
          <p className="mb-4 text-sm text-gray-700">{t("landing.register.intro", p)}</p>
          {registerForm}
        </>
      );
      break;
    case "signIn":
      body = (
        <>
          {heading(t("landing.signIn.heading"))}
          <p className="mb-4 text-sm text-gray-700">{t("landing.signIn.body", p)}</p>
          <SignInAcceptForm action={actions.signInAccept} lng={lng} token={token} email={invitation.email} />
        </>
      );
      break;
    case "accept":
      body = (
        <>
          {heading(t("landing.accept.heading"))}
          <p className="mb-4 text-sm text-gray-700">{t("landing.accept.body", p)}</p>
          <AcceptForm action={actions.accept} lng={lng} token={token} />
        </>
      );
      break;
    case "otherUser":
      body = (
        <>
          {heading(t("landing.otherUser.heading"))}
          <p className="mb-4 text-sm text-gray-700" data-testid="other-user">
            {t("landing.otherUser.body", { ...p, current: landing.signedInAs })}
          </p>
          <form action={actions.switchAccount}>
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
          {heading(t("landing.unavailable.heading"))}
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

/** The forward form's page: a colleague on the same email domain gets a fresh link. */
export function ForwardScreen({ lng, token, landing, action }: { lng: string; token: string; landing: Landing; action: FormAction<unknown> }) {
  if (landing.kind === "dead") return <DeadLink lng={lng} reason={landing.reason} />;
  const t = getT(lng, "invitations");
  const { invitation } = landing;
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("forward.title")}</h1>
      <p className="mb-4 text-gray-700">{t("forward.intro", { customer: invitation.customer })}</p>
      <ForwardForm action={action} lng={lng} token={token} domain={emailDomain(invitation.email)} />
    </>
  );
}

/** After forwarding: where the invitation went (the old link no longer works). */
export function ForwardedScreen({ lng, email }: { lng: string; email: string }) {
  const t = getT(lng, "invitations");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("forward.title")}</h1>
      <SuccessNotice testId="forward-sent">{t("forward.done", { email })}</SuccessNotice>
    </>
  );
}

/** After accepting: names the connected customer and leads to Customer Setup. */
export function AcceptedScreen({ lng, customer }: { lng: string; customer: string }) {
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
