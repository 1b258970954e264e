import nodemailer, { type Transporter } from "nodemailer";
import { getT } from "@/lib/i18n/instance";
import { isLng } from "@/lib/i18n/config";
import { db } from "../db";
import { env } from "../env";
import { looksTokenBearing, redactedPath, storesReadableLinks, type SecretLinkKind, type SecretLinks } from "./links";
import { renderMail, type MailTemplate } from "./render";

export type { MailTemplate } from "./render";
export type { SecretLinkKind, SecretLinks } from "./links";

/**
 * Every email goes through here. The message is stored first; with SMTP_URL it
 * is then sent (status SENT or FAILED, retried with backoff by the mail-retry
 * job, then resendable by staff), without it stays LOGGED and
 * staff read it in the mail log.
 *
 * A message whose links carry a one-time token says so with `secret`: its
 * stored text and HTML get a placeholder naming the kind of link and its path
 * instead (see ./links.ts), the real message is sent from memory, and a resend
 * asks the owning service for a fresh link. Only the demo inbox (no SMTP, not
 * production) also keeps the full message, for administrators.
 */
export interface MailRequest extends MailTemplate {
  to: string;
  locale: string;
  /** The action URL and links carry a working token; how to issue a fresh one */
  secret?: SecretLinks;
  /** The links carry a working token that cannot be reissued (the user starts over): redacted as this kind, never resent */
  closedLinkKind?: SecretLinkKind;
}

export interface MailContent {
  text: string;
  html: string;
}

let transporter: Transporter | undefined;
function smtp(): Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

export async function sendMail(request: MailRequest): Promise<{ id: string; status: string }> {
  const locale = isLng(request.locale) ? request.locale : "en";
  const layoutT = getT(locale, "mail");
  const t = getT(locale, request.template.split(":")[0] as never);
  const rendered = renderMail(layoutT, t, request);
  const urls = [request.actionUrl, ...(request.links ?? []).map((l) => l.url)].filter((u): u is string => Boolean(u));
  // A caller that forgot to mark its token links still gets them redacted (but no fresh-link resend).
  const kind: SecretLinkKind | "" = request.secret?.kind ?? request.closedLinkKind ?? (urls.some(looksTokenBearing) ? "other" : "");
  const readable = !kind || storesReadableLinks({ appEnv: env.APP_ENV, smtpConfigured: Boolean(smtp()) });
  const stored = kind
    ? renderMail(layoutT, t, request, (url) =>
        layoutT("redactedLink", { kind: layoutT(`linkKinds.${kind}`), path: redactedPath(url), interpolation: { escapeValue: false } }),
      )
    : rendered;
  const row = await db.outgoingMail.create({
    data: {
      to: request.to,
      locale,
      template: request.template,
      subject: rendered.subject,
      text: stored.text,
      html: stored.html,
      demoText: kind && readable ? rendered.text : null,
      demoHtml: kind && readable ? rendered.html : null,
      linkKind: kind,
      resend: request.secret ? JSON.stringify({ kind: request.secret.kind, id: request.secret.id }) : null,
      status: smtp() ? "QUEUED" : "LOGGED",
      nextAttemptAt: smtp() ? sendDeadline() : null,
    },
  });
  if (!smtp()) return { id: row.id, status: "LOGGED" };
  return deliver(row.id, kind ? rendered : undefined);
}

/** Automatic delivery attempts of a message before it stays FAILED for staff to resend (the first one included). */
export const MAIL_MAX_ATTEMPTS = 5;

/**
 * A QUEUED message carries a deadline in nextAttemptAt: the server has answered
 * by then, unless the process sending it died. The mail-retry job treats a
 * QUEUED message past its deadline as a failed attempt (src/features/mail-log).
 */
export const SEND_DEADLINE_MINUTES = 10;
export const sendDeadline = (now = new Date()) => new Date(now.getTime() + SEND_DEADLINE_MINUTES * 60_000);

/** Minutes before the next attempt after `attempts` failed ones: 1, 5, 25, 125 (x5 each time). */
export function retryDelayMinutes(attempts: number): number {
  return 5 ** Math.max(0, attempts - 1);
}

/** When a message that has now failed `attempts` times is tried again; null = no more automatic attempts. */
export function nextAttemptAfter(attempts: number, now = new Date()): Date | null {
  return attempts < MAIL_MAX_ATTEMPTS ? new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000) : null;
}

/**
 * Sends (or re-sends) a message over SMTP and records the outcome: the stored
 * copy, or `content` held in memory for a message whose stored copy has its
 * links redacted (such a message cannot be re-sent from the database).
 */
export async function deliver(id: string, content?: MailContent): Promise<{ id: string; status: string }> {
  const transport = smtp();
  const row = await db.outgoingMail.findUniqueOrThrow({ where: { id } });
  if (!transport) return { id, status: row.status };
  if (row.linkKind && !content) throw new Error("A message with a one-time link is resent through its owning service, not from the stored copy");
  const body = content ?? row;
  try {
    await transport.sendMail({ from: env.MAIL_FROM, to: row.to, subject: row.subject, text: body.text, html: body.html });
    await db.outgoingMail.update({
      where: { id },
      data: { status: "SENT", attempts: { increment: 1 }, sentAt: new Date(), lastError: "", nextAttemptAt: null },
    });
    return { id, status: "SENT" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The mail-retry job tries again after a growing delay (src/features/background-duties).
    const failed = await db.outgoingMail.update({
      where: { id },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: message.slice(0, 500) },
      select: { attempts: true },
    });
    await db.outgoingMail.update({ where: { id }, data: { nextAttemptAt: nextAttemptAfter(failed.attempts) } });
    return { id, status: "FAILED" };
  }
}

/** Builds an absolute link into the portal for an email. */
export function portalUrl(path: string): string {
  return `${env.PUBLIC_URL}${path.startsWith("/") ? path : `/${path}`}`;
}
