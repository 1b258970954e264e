import nodemailer, { type Transporter } from "nodemailer";
import { getT } from "@/lib/i18n/instance";
import { isLng } from "@/lib/i18n/config";
import { db } from "../db";
import { env } from "../env";
import { renderMail, type MailTemplate } from "./render";

export type { MailTemplate } from "./render";

/**
 * Every email goes through here. The message is stored first; with SMTP_URL it
 * is then sent (status SENT or FAILED, resendable), without it stays LOGGED and
 * staff read it in the mail log.
 */
export interface MailRequest extends MailTemplate {
  to: string;
  locale: string;
}

let transporter: Transporter | undefined;
function smtp(): Transporter | undefined {
  if (!env.SMTP_URL) return undefined;
  transporter ??= nodemailer.createTransport(env.SMTP_URL);
  return transporter;
}

export async function sendMail(request: MailRequest): Promise<{ id: string; status: string }> {
  const locale = isLng(request.locale) ? request.locale : "en";
  const rendered = renderMail(getT(locale, "mail"), getT(locale, request.template.split(":")[0] as never), request);
  const row = await db.outgoingMail.create({
    data: {
      to: request.to,
      locale,
      template: request.template,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      status: smtp() ? "QUEUED" : "LOGGED",
    },
  });
  if (!smtp()) return { id: row.id, status: "LOGGED" };
  return deliver(row.id);
}

/** Sends (or re-sends) a stored message over SMTP and records the outcome. */
export async function deliver(id: string): Promise<{ id: string; status: string }> {
  const transport = smtp();
  const row = await db.outgoingMail.findUniqueOrThrow({ where: { id } });
  if (!transport) return { id, status: row.status };
  try {
    await transport.sendMail({ from: env.MAIL_FROM, to: row.to, subject: row.subject, text: row.text, html: row.html });
    await db.outgoingMail.update({
      where: { id },
      data: { status: "SENT", attempts: { increment: 1 }, sentAt: new Date(), lastError: "" },
    });
    return { id, status: "SENT" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.outgoingMail.update({
      where: { id },
      data: { status: "FAILED", attempts: { increment: 1 }, lastError: message.slice(0, 500) },
    });
    return { id, status: "FAILED" };
  }
}

/** Builds an absolute link into the portal for an email. */
export function portalUrl(path: string): string {
  return `${env.PUBLIC_URL}${path.startsWith("/") ? path : `/${path}`}`;
}
