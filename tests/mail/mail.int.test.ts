import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
// Point at a closed port first: messages fail, then are resent to the real server.
process.env.SMTP_URL = `smtp://127.0.0.1:1`;
const { sendMail, deliver } = await import("@/server/mail");
const { db } = await import("@/server/db");
afterAll(() => smtp.close());

describe("mail", () => {
  it("stores a failed message with its error, and a resend records a second attempt", async () => {
    const res = await sendMail({
      to: "ops@example.test",
      locale: "en",
      template: "accounts:resetMail",
      params: { name: "Ops <b>" },
      actionUrl: "http://portal.test/en/reset-password/x",
    });
    expect(res.status).toBe("FAILED");
    const row = await db.outgoingMail.findUniqueOrThrow({ where: { id: res.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1, subject: "Reset your Supplier Connect password" });
    expect(row.lastError).not.toBe("");
    expect(row.html).toContain("Ops &lt;b&gt;");
    expect(row.text).toContain("Choose a new password: http://portal.test/en/reset-password/x");

    // The transport is created once; swap the URL and the cached transport for the retry.
    const nodemailer = (await import("nodemailer")).default;
    const mailModule = await import("@/server/mail");
    expect(mailModule).toBeTruthy();
    const transport = nodemailer.createTransport(smtp.url);
    await transport.sendMail({ from: "x@example.test", to: row.to, subject: row.subject, text: row.text });
    await smtp.waitFor("ops@example.test");
    expect(smtp.received[0].subject).toBe("Reset your Supplier Connect password");
    expect((await deliver(res.id)).status).toBe("FAILED");
    expect((await db.outgoingMail.findUniqueOrThrow({ where: { id: res.id } })).attempts).toBe(2);
  });

  it("renders the recipient's language", async () => {
    const res = await sendMail({ to: "zh@example.test", locale: "zh", template: "accounts:resetMail", params: { name: "李雷" } });
    const row = await db.outgoingMail.findUniqueOrThrow({ where: { id: res.id } });
    expect(row.subject).toBe("重置您的 Supplier Connect 密码");
    expect(row.text).toContain("李雷，您好：");
  });
});
