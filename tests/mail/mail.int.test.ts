import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startSmtpServer } from "../support/smtp";

/**
 * `sendMail` and `deliver` (src/server/mail) against a real SMTP server on
 * loopback. The environment is read once, at the first import of an app
 * module: SMTP_URL points at a free port where nothing listens until the first
 * test starts the server there, so the first message fails and is delivered
 * once the server is up. The tests run in order.
 */
const port = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
const { sendMail, deliver } = await import("@/server/mail");
const { env } = await import("@/server/env");
const { db } = await import("@/server/db");

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterAll(() => smtp?.close());

const unique = () => crypto.randomBytes(4).toString("hex");
const row = (id: string) => db.outgoingMail.findUniqueOrThrow({ where: { id } });
const server = () => {
  if (!smtp) throw new Error("the SMTP server is started by the first test");
  return smtp;
};

describe("sendMail and deliver over SMTP", () => {
  it("records a failure while the server is down, and delivers the stored copy once it is up", async () => {
    const to = `down-${unique()}@mail.test`;
    const res = await sendMail({ to, locale: "en", template: "users:joinDeclinedMail", params: { name: "Mei", company: "Harbour Bolts" } });
    expect(res.status).toBe("FAILED");
    const failed = await row(res.id);
    expect(failed).toMatchObject({
      to,
      locale: "en",
      template: "users:joinDeclinedMail",
      subject: "Your request to join Harbour Bolts",
      status: "FAILED",
      attempts: 1,
      sentAt: null,
      linkKind: "",
      resend: null,
    });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.text).toContain("The administrators of Harbour Bolts on Supplier Connect declined your request");

    // Still down: a second attempt is counted.
    expect(await deliver(res.id)).toEqual({ id: res.id, status: "FAILED" });
    expect(await row(res.id)).toMatchObject({ status: "FAILED", attempts: 2 });

    smtp = await startSmtpServer(port);
    expect(await deliver(res.id)).toEqual({ id: res.id, status: "SENT" });
    const sent = await row(res.id);
    expect(sent).toMatchObject({ status: "SENT", attempts: 3, lastError: "" });
    expect(sent.sentAt).toBeInstanceOf(Date);

    const mail = await server().waitFor(to);
    expect(mail.subject).toBe("Your request to join Harbour Bolts");
    expect(mail.from?.value[0].address).toBe(env.MAIL_FROM.match(/<(.+)>/)?.[1]);
    expect(mail.text).toContain("Hello Mei,");
    expect(mail.text).toContain("The administrators of Harbour Bolts on Supplier Connect declined your request to join the company.");
    expect(mail.html).toContain("<p>Hello Mei,</p>");
    expect(server().received.filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  it("sends at once when the server is up, in the recipient's language (unknown languages fall back to English)", async () => {
    const zh = `zh-${unique()}@mail.test`;
    const res = await sendMail({ to: zh, locale: "zh", template: "users:joinDeclinedMail", params: { name: "李雷", company: "明珠食品" } });
    expect(res.status).toBe("SENT");
    expect(await row(res.id)).toMatchObject({ locale: "zh", status: "SENT", attempts: 1, subject: "关于您加入 明珠食品 的请求" });
    const mail = await server().waitFor(zh);
    expect(mail.subject).toBe("关于您加入 明珠食品 的请求");
    expect(mail.text).toContain("李雷，您好：");
    expect(mail.text).toContain("Supplier Connect 上 明珠食品 的管理员拒绝了您加入该公司的请求。");
    expect(mail.text).not.toContain("Hello");

    const fr = `fr-${unique()}@mail.test`;
    const fallback = await sendMail({ to: fr, locale: "fr", template: "users:joinDeclinedMail", params: { name: "Jean", company: "Acme" } });
    expect(await row(fallback.id)).toMatchObject({ locale: "en", status: "SENT" });
    expect((await server().waitFor(fr)).subject).toBe("Your request to join Acme");
  });

  it("escapes params in the HTML part and keeps them as written in the text part", async () => {
    const to = `escape-${unique()}@mail.test`;
    const name = `Ops <b>bold</b> & "Co" 'x'`;
    const res = await sendMail({ to, locale: "en", template: "users:joinDeclinedMail", params: { name, company: "<script>alert(1)</script>" } });
    const stored = await row(res.id);
    const escaped = "Ops &lt;b&gt;bold&lt;/b&gt; &amp; &quot;Co&quot; &#39;x&#39;";
    expect(stored.html).toContain(`<p>Hello ${escaped},</p>`);
    expect(stored.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(stored.html).not.toContain("<b>");
    expect(stored.html).not.toContain("<script>");
    expect(stored.text).toContain(`Hello ${name},`);
    // The subject is plain text: no HTML entities in it.
    expect(stored.subject).toBe("Your request to join <script>alert(1)</script>");

    const mail = await server().waitFor(to);
    expect(mail.html).toContain(`<p>Hello ${escaped},</p>`);
    expect(mail.html).not.toContain("<script>");
    expect(mail.text).toContain(`Hello ${name},`);
  });

  it("sends a link marked secret working and stores only a placeholder naming its kind and path", async () => {
    const to = `secret-${unique()}@mail.test`;
    const token = crypto.randomBytes(32).toString("base64url");
    const url = `http://portal.test/en/reset-password/${token}`;
    const res = await sendMail({
      to,
      locale: "en",
      template: "accounts:resetMail",
      params: { name: "Ops" },
      actionUrl: url,
      secret: { kind: "passwordReset", id: "user-1" },
    });
    expect(res.status).toBe("SENT");

    // The recipient gets the working link, in the text and as a link in the HTML.
    const mail = await server().waitFor(to);
    expect(mail.subject).toBe("Reset your Supplier Connect password");
    expect(mail.text).toContain(`Choose a new password: ${url}`);
    expect(mail.html).toContain(`href="${url}"`);

    // The stored copy names the kind of link and its path, never the token; with SMTP there is no demo copy.
    const stored = await row(res.id);
    expect(stored).toMatchObject({ status: "SENT", attempts: 1, linkKind: "passwordReset", demoText: null, demoHtml: null });
    expect(JSON.parse(stored.resend ?? "null")).toEqual({ kind: "passwordReset", id: "user-1" });
    const placeholder = "[password reset link /en/reset-password/… (sent to the recipient; the link itself is not kept in this stored copy)]";
    expect(stored.text).toContain(`Choose a new password: ${placeholder}`);
    expect(stored.html).toContain(`<em>Choose a new password: ${placeholder}</em>`);
    expect(stored.html).not.toContain("href=");
    for (const column of [stored.text, stored.html, stored.subject]) expect(column).not.toContain(token);

    // Such a message is resent by its owning service with a fresh link, never from the stored copy.
    await expect(deliver(res.id)).rejects.toThrow("A message with a one-time link is resent through its owning service");
    expect(await row(res.id)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(server().received.filter((m) => m.subject === mail.subject && m.text?.includes(url))).toHaveLength(1);
  });

  it("redacts an unmarked token-shaped link too, and keeps ordinary links readable", async () => {
    const to = `unmarked-${unique()}@mail.test`;
    const token = crypto.randomBytes(32).toString("base64url");
    const res = await sendMail({
      to,
      locale: "en",
      template: "accounts:joinRequestMail",
      params: { name: "Mei", email: "mei@example.test", company: "Harbour Bolts" },
      actionUrl: "http://portal.test/en/setup/admin",
      links: [{ labelKey: "resetMail.action", url: `http://portal.test/en/somewhere?code=${token}` }],
    });
    const stored = await row(res.id);
    expect(stored).toMatchObject({ linkKind: "other", resend: null });
    expect(stored.text).toContain("[one-time link /en/somewhere?code=… (sent to the recipient;");
    expect(`${stored.text}${stored.html}`).not.toContain(token);
    expect((await server().waitFor(to)).text).toContain(token);

    const plain = await sendMail({
      to,
      locale: "en",
      template: "accounts:joinRequestMail",
      params: { name: "Mei", email: "mei@example.test", company: "Harbour Bolts" },
      actionUrl: "http://portal.test/en/setup/admin",
    });
    const kept = await row(plain.id);
    expect(kept.linkKind).toBe("");
    expect(kept.text).toContain("Review the request: http://portal.test/en/setup/admin");
    expect(kept.html).toContain('href="http://portal.test/en/setup/admin"');
  });
});
