import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSmtpServer } from "../support/smtp";

// Mail goes to a real SMTP server on loopback: what the address's owner reads.
const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;

const started: string[] = [];
vi.mock("@/server/auth", () => ({
  auth: async () => null,
  // The real provider consumes the ticket; so does this stand-in for the cookie-setting part.
  startSessionWithTicket: async (ticket: string) => {
    const { consumeSignInTicket } = await import("@/features/accounts/sign-up");
    const user = await consumeSignInTicket(ticket);
    if (user) started.push(user.email);
    return user !== null;
  },
}));
vi.mock("@/server/request", () => ({ clientIp: async () => "10.8.0.1" }));

const { signUpAction, confirmSignUpAction } = await import("@/app/[lng]/(public)/actions");
const { authenticate } = await import("@/features/accounts/service");
const { db } = await import("@/server/db");
const { makeSupplier, PASSWORD } = await import("../support/factories");

afterAll(() => smtp.close());
beforeEach(() => {
  started.length = 0;
});

const uid = () => Math.random().toString(36).slice(2, 10);

function signUpForm(email: string, extra: Record<string, string> = {}) {
  const f = new FormData();
  f.set("lng", "en");
  f.set("companyName", "Harbour Valves");
  f.set("name", "Pat Newcomer");
  f.set("email", email);
  f.set("password", "Quiet-harbour-42");
  f.set("locale", "en");
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  return f;
}

function form(fields: Record<string, string>) {
  const f = new FormData();
  f.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

async function redirectOf(run: () => Promise<unknown>): Promise<string | unknown> {
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw error;
  }
}

async function mailTo(email: string) {
  const m = await smtp.waitFor(email);
  return { subject: m.subject ?? "", text: m.text ?? "" };
}

const links = (text: string) => [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
const tokenIn = (link: string) => new URL(link).pathname.split("/confirm/")[1];

describe("sign-up says nothing about who has an account", () => {
  it("answers a new address, a registered address and a registered domain identically; each email carries its choices", async () => {
    const domain = `taken-${uid()}.test`;
    const existing = await makeSupplier({ email: `first@${domain}`, companyName: "Existing Domain Co" });
    const fresh = `new-${uid()}@fresh-${uid()}.test`;
    const colleague = `second@${domain}`;

    const answers = [];
    for (const email of [fresh, existing.email, colleague]) answers.push(await signUpAction(undefined, signUpForm(email)));
    expect(answers[0]).toEqual({ ok: true, data: undefined, message: "accounts:signUp.sent" });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(JSON.stringify(answers)).not.toContain("Existing Domain Co");

    // No account exists before the address is confirmed.
    expect(await db.user.findUnique({ where: { email: fresh } })).toBeNull();
    expect(await db.user.findUnique({ where: { email: colleague } })).toBeNull();

    const newMail = await mailTo(fresh);
    expect(newMail.subject).toBe("Confirm your Supplier Connect account");
    expect(links(newMail.text)).toHaveLength(1);
    expect(links(newMail.text)[0]).toMatch(/^http:\/\/portal\.test\/en\/sign-up\/confirm\/[A-Za-z0-9_-]{43}$/);

    const takenMail = await mailTo(existing.email);
    expect(takenMail.subject).toBe("You already have a Supplier Connect account");
    expect(links(takenMail.text)).toEqual(["http://portal.test/en/sign-in", "http://portal.test/en/forgot-password"]);

    const domainMail = await mailTo(colleague);
    expect(domainMail.subject).toBe("Your company may already use Supplier Connect");
    expect(domainMail.text).toContain("Existing Domain Co");
    const [join, separate] = links(domainMail.text);
    expect(join).toMatch(/\/en\/sign-up\/confirm\/[A-Za-z0-9_-]{43}\?choice=join$/);
    expect(separate).toMatch(/\/en\/sign-up\/confirm\/[A-Za-z0-9_-]{43}\?choice=separate$/);
    expect(domainMail.text).toMatch(/Ask to join Existing Domain Co: /);
    expect(domainMail.text).toMatch(/Create Harbour Valves as a separate company: /);

    // The pending sign-up keeps a bcrypt hash, never the password; only the link's hash is stored.
    const pending = await db.oneTimeToken.findMany({ where: { purpose: "SIGN_UP", email: { in: [fresh, colleague] } } });
    expect(pending).toHaveLength(2);
    for (const p of pending) {
      expect(p.data).not.toContain("Quiet-harbour-42");
      expect(JSON.parse(p.data).passwordHash).toMatch(/^\$2[aby]\$/);
    }
    expect(pending.map((p) => p.tokenHash)).not.toContain(tokenIn(links(newMail.text)[0]));
  });

  it("the zh emails are in Chinese", async () => {
    const email = `zh-${uid()}@fresh-${uid()}.test`;
    await signUpAction(undefined, signUpForm(email, { locale: "zh" }));
    const m = await mailTo(email);
    expect(m.subject).toBe("确认您的 Supplier Connect 账户");
    expect(links(m.text)[0]).toContain("/zh/sign-up/confirm/");
  });

  it("the confirmation link creates one account however often it is used, and signs in once", async () => {
    const email = `owner-${uid()}@fresh-${uid()}.test`;
    await signUpAction(undefined, signUpForm(email));
    const token = tokenIn(links((await mailTo(email)).text)[0]);

    // A double click: two confirmations at once.
    const outcomes = await Promise.all([
      redirectOf(() => confirmSignUpAction(undefined, form({ token, choice: "create" }))),
      redirectOf(() => confirmSignUpAction(undefined, form({ token, choice: "create" }))),
    ]);
    expect(outcomes).toContain("/en/home");
    expect(outcomes.filter((o) => o === "/en/home")).toHaveLength(1);
    // The other click is told the link is spent or the account exists (it loses either at the link or at the unique email).
    const other = outcomes.find((o) => o !== "/en/home") as { ok: boolean; formError: string };
    expect(other.ok).toBe(false);
    expect(["accounts:confirm.invalid", "accounts:confirm.accountExists"]).toContain(other.formError);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.supplierCompany.count({ where: { name: "Harbour Valves", users: { some: { email } } } })).toBe(1);
    expect(started).toEqual([email]);

    // The password typed at sign-up works; the link is spent.
    expect((await authenticate(email, "Quiet-harbour-42", "10.8.0.2")).ok).toBe(true);
    expect(await redirectOf(() => confirmSignUpAction(undefined, form({ token, choice: "create" })))).toMatchObject({
      ok: false,
      formError: "accounts:confirm.invalid",
    });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.permissions).toBe("admin");
    expect(await db.auditEvent.count({ where: { action: "user.sign_up_confirmed", entityId: user.id } })).toBe(1);
  });

  it("on a registered domain the link asks to join instead, and the company's admins hear of it", async () => {
    const domain = `joinco-${uid()}.test`;
    const company = await makeSupplier({ email: `boss@${domain}`, companyName: "Join Me Ltd" });
    const email = `newbie@${domain}`;
    await signUpAction(undefined, signUpForm(email));
    const [join] = links((await mailTo(email)).text);
    const token = tokenIn(join.split("?")[0]);

    const answer = await confirmSignUpAction(undefined, form({ token, choice: "join" }));
    expect(answer).toEqual({ ok: true, data: undefined, message: "accounts:confirm.joinSent" });
    const request = await db.joinRequest.findFirstOrThrow({ where: { email } });
    expect(request).toMatchObject({ supplierId: company.supplierId, name: "Pat Newcomer", status: "PENDING" });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    expect(await db.notification.count({ where: { userId: company.userId, kind: "invitations:events.joinRequested" } })).toBe(1);
    const adminMail = await smtp.waitFor(company.email, (m) => (m.subject ?? "").includes("asks to join"));
    expect(adminMail.subject).toBe("Pat Newcomer asks to join Join Me Ltd on Supplier Connect");

    // The link is spent: neither a second request nor a separate company from it.
    expect(await confirmSignUpAction(undefined, form({ token, choice: "create" }))).toMatchObject({ ok: false, formError: "accounts:confirm.invalid" });
    expect(await db.joinRequest.count({ where: { email } })).toBe(1);
  });

  it("a separate company on a registered domain keeps the domain with the first company", async () => {
    const domain = `split-${uid()}.test`;
    const first = await makeSupplier({ email: `a@${domain}` });
    const email = `b@${domain}`;
    await signUpAction(undefined, signUpForm(email, { locale: "zh" }));
    const [, separate] = links((await mailTo(email)).text);
    const token = tokenIn(separate.split("?")[0]);
    expect(await redirectOf(() => confirmSignUpAction(undefined, form({ token, choice: "create" })))).toBe("/zh/home");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.supplierId).not.toBe(first.supplierId);
    expect(user.locale).toBe("zh");
    expect((await db.supplierDomain.findUniqueOrThrow({ where: { domain } })).supplierId).toBe(first.supplierId);
  });

  it("a registered address gets no pending sign-up, and its password is untouched", async () => {
    const s = await makeSupplier();
    await signUpAction(undefined, signUpForm(s.email));
    expect(await db.oneTimeToken.count({ where: { purpose: "SIGN_UP", email: s.email } })).toBe(0);
    expect((await authenticate(s.email, PASSWORD, "10.8.0.3")).ok).toBe(true);
  });
});
