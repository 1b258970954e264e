// The demo inbox (no SMTP server, APP_ENV not production) keeps full messages, but
// only administrators may read a working one-time link in it (issue 10, item 1).
import { describe, expect, it } from "vitest";

delete process.env.SMTP_URL;
const accounts = await import("@/features/accounts/service");
const invitations = { ...(await import("@/features/customer-invitations/staff")), ...(await import("@/features/customer-invitations/forward")) };
const { listMail, resendMail } = await import("@/features/mail-log/service");
const { mailFilterSchema } = await import("@/features/mail-log/schemas");
const { storesReadableLinks } = await import("@/server/mail/links");
const { sendMail } = await import("@/server/mail");
const { newToken } = await import("@/server/tokens");
const { db } = await import("@/server/db");
const { makeCustomer, PASSWORD } = await import("../support/factories");

const TOKEN = /[A-Za-z0-9_-]{43}/;

describe("where one-time links may be stored readable", () => {
  it("only in the demo inbox: never with SMTP configured, never in production", () => {
    expect(storesReadableLinks({ appEnv: "demo", smtpConfigured: false })).toBe(true);
    expect(storesReadableLinks({ appEnv: "test", smtpConfigured: false })).toBe(true);
    expect(storesReadableLinks({ appEnv: "demo", smtpConfigured: true })).toBe(false);
    expect(storesReadableLinks({ appEnv: "test", smtpConfigured: true })).toBe(false);
    expect(storesReadableLinks({ appEnv: "production", smtpConfigured: false })).toBe(false);
    expect(storesReadableLinks({ appEnv: "production", smtpConfigured: true })).toBe(false);
  });
});

describe("the demo inbox", () => {
  it("support staff see which link was sent, never the link; administrators see the working link", async () => {
    const admin = await accounts.createStaffUser({ email: "boss@demo-inbox.test", name: "Boss", password: PASSWORD, role: "ADMINISTRATOR" });
    // Anyone may ask for the administrator's reset link ...
    await accounts.requestPasswordReset(admin.email, "10.8.0.1");
    const filter = mailFilterSchema.parse({ to: admin.email });

    // ... support staff cannot read it in the mail log,
    const [support] = (await listMail(filter, "SUPPORT")).items;
    expect(support).toMatchObject({ status: "LOGGED", linkKind: "passwordReset", withheld: true });
    expect(`${support.text}${support.html}`).not.toMatch(TOKEN);
    expect(support.text).toContain("password reset link /en/reset-password/…");
    expect(support).not.toHaveProperty("demoText");

    // ... the administrator can, and the link works.
    const [full] = (await listMail(filter, "ADMINISTRATOR")).items;
    expect(full.withheld).toBe(false);
    const token = full.text.match(/\/en\/reset-password\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    expect(full.html).toContain(`/en/reset-password/${token}`);
    expect(await accounts.isResetTokenValid(token!)).toBe(true);

    // Without a viewer the log answers as for support staff.
    expect((await listMail(filter)).items[0].text).not.toMatch(TOKEN);
  });

  it("messages without one-time links read the same for both roles", async () => {
    const customer = await makeCustomer();
    const res = await invitations.createInvitation({ customerId: customer.id, email: "x@plain-demo.test", locale: "en", message: "" }, { type: "SYSTEM" });
    expect(res.ok).toBe(true);
    await db.outgoingMail.create({
      data: {
        to: "plain@plain-demo.test",
        locale: "en",
        template: "support:mail.reply",
        subject: "Re",
        text: "http://portal.test/en/support/abc",
        html: "h",
        status: "LOGGED",
      },
    });
    const filter = mailFilterSchema.parse({ to: "plain@plain-demo.test" });
    const [a, b] = [(await listMail(filter, "SUPPORT")).items[0], (await listMail(filter, "ADMINISTRATOR")).items[0]];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ withheld: false, text: "http://portal.test/en/support/abc" });

    // An invitation in the demo inbox is link-bearing: withheld from support.
    const [invite] = (await listMail(mailFilterSchema.parse({ to: "x@plain-demo.test" }), "SUPPORT")).items;
    expect(invite).toMatchObject({ linkKind: "customerInvitation", withheld: true });
    expect(invite.text).toContain("invitation link /en/invite/…");
    expect(invite.text).toContain("/en/invite/…/forward");
    expect(invite.text).not.toMatch(TOKEN);
  });

  it("a failed link-bearing message whose link cannot be renewed stays failed", async () => {
    const row = await db.outgoingMail.create({
      data: {
        to: "gone@demo-inbox.test",
        locale: "en",
        template: "accounts:resetMail",
        subject: "Reset",
        text: "x",
        html: "x",
        status: "FAILED",
        linkKind: "passwordReset",
        resend: JSON.stringify({ kind: "passwordReset", id: "no-such-user" }),
      },
    });
    expect(await resendMail(row.id, { type: "STAFF", id: "staff-demo" })).toEqual({ ok: false, error: "linkClosed" });
    expect((await db.outgoingMail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("FAILED");
    expect(await db.auditEvent.count({ where: { entityId: row.id, action: { in: ["mail.resent", "mail.resend_refused"] } } })).toBe(2);
  });

  it("a token-shaped link that its caller did not mark is redacted all the same, and cannot be resent from the copy", async () => {
    const { token } = newToken();
    const res = await sendMail({
      to: "unmarked@demo-inbox.test",
      locale: "zh",
      template: "accounts:resetMail",
      params: { name: "李" },
      actionUrl: `http://portal.test/zh/reset-password/${token}`,
    });
    const row = await db.outgoingMail.findUniqueOrThrow({ where: { id: res.id } });
    expect(row).toMatchObject({ linkKind: "other", resend: null });
    expect(`${row.text}${row.html}`).not.toContain(token);
    expect(row.text).toContain("一次性链接 /zh/reset-password/…");
    const [support] = (await listMail(mailFilterSchema.parse({ to: "unmarked@demo-inbox.test" }), "SUPPORT")).items;
    expect(support.text).not.toContain(token);
    await db.outgoingMail.update({ where: { id: row.id }, data: { status: "FAILED" } });
    expect(await resendMail(row.id, { type: "STAFF", id: "staff-demo" })).toEqual({ ok: false, error: "linkClosed" });
  });
});
