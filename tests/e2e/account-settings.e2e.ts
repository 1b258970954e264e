import type { Browser, Page } from "@playwright/test";
import { expect, factories, linkIn, signInAs, submit, test, unique, waitForMail } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

const text = {
  en: {
    link: "Change sign-in email",
    newEmail: "New email address",
    password: "Current password",
    submit: "Send confirmation link",
    wrong: "That is not your current password.",
    sent: /Check the inbox of the new address/,
    confirmSubject: /Confirm your new Supplier Connect sign-in email/,
    noticeSubject: /about to change/,
    confirm: "Use this address",
    confirmed: /Sign in with your new address from now on/,
    cancel: "It wasn't me: stop the change",
    cancelled: /The change was stopped/,
    invalid: "This link no longer works",
  },
  zh: {
    link: "更改登录邮箱",
    newEmail: "新邮箱地址",
    password: "当前密码",
    submit: "发送确认链接",
    wrong: "当前密码不正确。",
    sent: /请查看新地址的收件箱/,
    confirmSubject: /确认您新的 Supplier Connect 登录邮箱/,
    noticeSubject: /即将更改/,
    confirm: "使用此地址",
    confirmed: /从现在起请使用新地址登录/,
    cancel: "不是我本人：阻止更改",
    cancelled: /更改已被阻止/,
    invalid: "此链接已失效",
  },
};

// Several browsers and mails per test on a shared machine.
test.describe.configure({ timeout: 120_000 });

async function newSupplier(lng: "en" | "zh") {
  const { makeSupplier } = await factories();
  return makeSupplier({ email: `owner-${unique()}@ec-${unique()}.test`, locale: lng });
}

async function askForChange(page: Page, lng: "en" | "zh", to: string) {
  const t = text[lng];
  await page.goto(`/${lng}/profile/security`);
  await page.getByRole("link", { name: t.link }).click();
  await page.getByLabel(t.newEmail).fill(to);
  await page.getByLabel(t.password).fill("Wrong-pass-1");
  await submit(page, page.getByRole("button", { name: t.submit }));
  await expect(page.getByTestId("error-password")).toHaveText(t.wrong);
  await page.getByLabel(t.password).fill(PASSWORD);
  await page.getByRole("button", { name: t.submit }).click();
  await expect(page.getByTestId("email-change-sent")).toContainText(t.sent);
}

async function signInWithUi(page: Page, lng: "en" | "zh", email: string) {
  await page.goto(`/${lng}/sign-in`);
  await page.getByLabel(lng === "en" ? "Email" : "电子邮件").fill(email);
  await page.getByLabel(lng === "en" ? "Password" : "密码").fill(PASSWORD);
  await page.getByRole("button", { name: lng === "en" ? "Sign in" : "登录", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${lng}/home$`));
}

for (const lng of ["en", "zh"] as const) {
  const t = text[lng];
  test(`email change end to end through the mail server (${lng})`, async ({ page, browser }) => {
    const s = await newSupplier(lng);
    const to = `moved-${unique()}@ec-new-${unique()}.test`;
    await signInAs(page.context(), { id: s.userId, email: s.email, name: "Ada Admin" });
    await askForChange(page, lng, to);

    // Nothing changed yet: the old address still signs in (in another browser).
    const notice = await waitForMail(s.email, t.noticeSubject);
    expect(notice.text).toContain(to);
    const confirmMail = await waitForMail(to, t.confirmSubject);

    // The link opens a page; the change happens on its button (possibly in another browser, signed out).
    const other = await fresh(browser);
    await other.page.goto(linkIn(confirmMail));
    await other.page.getByRole("button", { name: t.confirm }).click();
    await expect(other.page.getByTestId("email-change-done")).toContainText(t.confirmed);
    // Single use.
    await other.page.goto(linkIn(confirmMail));
    await expect(other.page.getByRole("heading", { level: 1 })).toHaveText(t.invalid);
    await other.context.close();

    const next = await fresh(browser);
    await signInWithUi(next.page, lng, to);
    await next.context.close();
  });
}

test("'it wasn't me' from the old address stops the change and signs out every session", async ({ page, browser }) => {
  const s = await newSupplier("en");
  const to = `attacker-${unique()}@gmail.com`;
  await signInAs(page.context(), { id: s.userId, email: s.email, name: "Ada Admin" });
  await askForChange(page, "en", to);
  const confirmMail = await waitForMail(to, text.en.confirmSubject);
  const notice = await waitForMail(s.email, text.en.noticeSubject);

  const owner = await fresh(browser);
  await owner.page.goto(linkIn(notice, /https?:\/\/\S+\/email-change\/cancel\/\S+/));
  await owner.page.getByRole("button", { name: text.en.cancel }).click();
  await expect(owner.page.getByTestId("email-change-done")).toContainText(text.en.cancelled);
  await waitForMail(s.email, /was stopped/);
  await owner.context.close();

  // The session that asked for the change is over, and the confirmation link is dead.
  await page.goto("/en/profile/security");
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.goto(linkIn(confirmMail));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.en.invalid);
});

test("a sign-in from a new device sends an email; the security page shows device and place", async ({ page, browser }) => {
  const s = await newSupplier("en");
  await signInWithUi(page, "en", s.email);
  await page.goto("/en/profile/security");
  await expect(page.getByTestId("session-place").first()).toHaveText(/On the server's own computer|Local network|No place shown/);

  const phone = await browser.newContext({ userAgent: IPHONE });
  const phonePage = await phone.newPage();
  await signInWithUi(phonePage, "en", s.email);
  const mail = await waitForMail(s.email, /New sign-in/);
  expect(mail.text).toContain("Safari on iOS");
  await phone.close();
  await page.reload();
  await expect(page.getByTestId("session").filter({ hasText: "Safari on iOS" })).toHaveCount(1);
});

async function fresh(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}
