import Link from "next/link";
import { getT } from "@/lib/i18n/instance";
import { formatDate } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { env } from "@/server/env";
import type { DeadReason } from "../core";
import type { InvitationView } from "../landing";

/** Who invites whom, the customer's message and the expiry. */
export async function InvitationHeader({ lng, invitation }: { lng: string; invitation: InvitationView }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "invitations");
  const p = { customer: invitation.customer, email: invitation.email };
  return (
    <header className="mb-5 space-y-3">
      <h1 className="text-2xl font-semibold" data-testid="invite-title">
        {t("landing.title", p)}
      </h1>
      <p className="text-gray-700">{t("landing.intro", p)}</p>
      {invitation.message && (
        <figure className="rounded border-l-4 border-brand bg-gray-50 p-3">
          <figcaption className="text-sm font-medium text-gray-700">{t("landing.messageLabel", p)}</figcaption>
          <blockquote className="mt-1 whitespace-pre-wrap break-words text-gray-900" data-testid="invite-message">
            {invitation.message}
          </blockquote>
        </figure>
      )}
      <p className="text-sm text-gray-600">{t("landing.expires", { date: formatDate(invitation.expiresAt, lng, tz) })}</p>
    </header>
  );
}

/**
 * A link that no longer works: what happened and what to do, in the visitor's
 * language. It says nothing about accounts or who the invitation was for.
 */
export function DeadLink({ lng, reason }: { lng: string; reason: DeadReason }) {
  const t = getT(lng, "invitations");
  return (
    <section data-testid={`dead-${reason}`}>
      <h1 className="mb-3 text-2xl font-semibold">{t(`dead.${reason}.title`)}</h1>
      <p className="mb-4 text-gray-700">{t(`dead.${reason}.body`)}</p>
      <p className="mb-4 text-sm text-gray-700">{t("dead.help", { email: env.SUPPORT_EMAIL })}</p>
      <div className="flex gap-4 text-sm">
        <Link href={`/${lng}/sign-in`} className="text-brand underline">
          {t("dead.signIn")}
        </Link>
        <Link href={`/${lng}/sign-up`} className="text-brand underline">
          {t("dead.signUp")}
        </Link>
      </div>
    </section>
  );
}
