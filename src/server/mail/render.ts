import type { TFunction } from "i18next";

/**
 * A template is `<namespace>:<key>` naming an object in that namespace's bundle
 * with `subject`, `body` (an array of paragraphs) and optionally `action` (the
 * button label). Params are interpolated into all of them.
 */
export interface MailTemplate {
  template: string;
  params?: Record<string, string | number>;
  actionUrl?: string;
  /** Extra links under the button, e.g. "forward this invitation" */
  links?: { labelKey: string; url: string }[];
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Renders a message. With `redact`, every link is replaced by the text it
 * returns (and is no longer a link in the HTML): the copy that is stored when
 * the links carry tokens.
 */
export function renderMail(layoutT: TFunction, t: TFunction, m: MailTemplate, redact?: (url: string) => string) {
  const key = m.template.split(":")[1];
  const params = { ...m.params, interpolation: { escapeValue: false } };
  const subject = t(`${key}.subject`, params);
  const body = t(`${key}.body`, { ...params, returnObjects: true }) as unknown;
  const paragraphs = Array.isArray(body) ? (body as string[]) : [String(body)];
  const action = m.actionUrl ? { label: t(`${key}.action`, params), url: m.actionUrl } : undefined;
  const links = (m.links ?? []).map((l) => ({ label: t(l.labelKey, params), url: l.url }));
  const shown = (url: string) => (redact ? redact(url) : url);
  const anchor = (url: string, label: string, style = "") =>
    redact ? `<em>${escape(label)}: ${escape(redact(url))}</em>` : `<a href="${escape(url)}"${style}>${escape(label)}</a>`;
  const footer = layoutT("footer");

  const text = [
    ...paragraphs,
    ...(action ? [`${action.label}: ${shown(action.url)}`] : []),
    ...links.map((l) => `${l.label}: ${shown(l.url)}`),
    "--",
    footer,
  ].join("\n\n");

  const html = `<!doctype html><html><body style="font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#1f2937;max-width:600px;margin:0 auto;padding:24px">
<p style="font-size:18px;font-weight:bold;color:#0b5394">${escape(layoutT("brand"))}</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${action ? `<p>${anchor(action.url, action.label, ' style="display:inline-block;background:#0b5394;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none"')}</p>` : ""}
${links.map((l) => `<p>${anchor(l.url, l.label)}</p>`).join("\n")}
<hr style="border:none;border-top:1px solid #e5e7eb"><p style="font-size:12px;color:#6b7280">${escape(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
