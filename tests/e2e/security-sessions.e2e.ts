import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, factories, signInAs, test, unique } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";
const COOKIE = "authjs.session-token";

/** Signs in through the form, as a person does (the server creates the session row). */
async function signInWithForm(page: Page, email: string, lng: "en" | "zh" = "en") {
  await page.goto(`/${lng}/sign-in`);
  await page.getByLabel(lng === "en" ? "Email" : "电子邮件").fill(email);
  await page.getByLabel(lng === "en" ? "Password" : "密码").fill(PASSWORD);
  await page.getByRole("button", { name: lng === "en" ? "Sign in" : "登录", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${lng}/home$`));
}

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
  expect(cookie, "a session cookie after sign-in").toBeTruthy();
  return cookie!;
}

/** A brand-new browser that only has the copied cookie. */
async function replay(browser: Browser, cookie: Awaited<ReturnType<typeof sessionCookie>>) {
  const context = await browser.newContext();
  await context.addCookies([cookie]);
  const page = await context.newPage();
  return { context, page };
}

test("a session cookie copied before sign-out gets the sign-in page afterwards", async ({ page, browser }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `copy-${unique()}@sessions-${unique()}.test` });
  await signInWithForm(page, s.email);
  const cookie = await sessionCookie(page.context());

  // While signed in, the copy works (so the check below is about sign-out).
  const before = await replay(browser, cookie);
  await before.page.goto("/en/setup/customers");
  await expect(before.page).toHaveURL(/\/en\/setup\/customers$/);
  await before.context.close();

  await page.getByTestId("user-menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);

  const after = await replay(browser, cookie);
  await after.page.goto("/en/setup/customers");
  await expect(after.page).toHaveURL(/\/en\/sign-in/);
  await expect(after.page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await after.context.close();
});

test("the security page lists this device and the others; sign out everywhere ends the other browser's session (zh)", async ({ page, browser }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `everywhere-${unique()}@sessions-${unique()}.test`, locale: "zh" });
  await signInWithForm(page, s.email, "zh");

  const other = await browser.newContext({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  });
  const phone = await other.newPage();
  await signInWithForm(phone, s.email, "zh");

  // Reached from the account menu.
  await page.getByTestId("user-menu").click();
  await page.getByRole("link", { name: "安全与会话" }).click();
  await expect(page).toHaveURL(/\/zh\/profile\/security$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("安全");
  const rows = page.getByTestId("session");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("this-device")).toHaveCount(1);
  await expect(rows.filter({ hasText: "iOS 上的 Safari" })).toHaveCount(1);
  await expect(rows.filter({ has: page.getByTestId("this-device") })).not.toContainText("iOS");

  await page.getByRole("button", { name: "在所有设备上退出登录" }).click();
  await expect(page).toHaveURL(/\/zh\/sign-in/);
  await phone.goto("/zh/home");
  await expect(phone).toHaveURL(/\/zh\/sign-in/);
  await other.close();
});

test("staff reach their security page and sign out one other device", async ({ page, browser }) => {
  const { db } = await import("./support/fixtures");
  const { createStaffUser } = await import("@/features/accounts/service");
  const staff = await createStaffUser({ email: `staff-${unique()}@sessions.test`, name: "Sam Staff", password: PASSWORD, role: "SUPPORT" });
  await signInAs(page.context(), staff);
  const otherContext = await browser.newContext();
  await signInAs(otherContext, staff);
  const other = await otherContext.newPage();
  await other.goto("/en/admin");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Dashboard");

  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/security$/);
  const rows = page.getByTestId("session");
  await expect(rows).toHaveCount(2);
  // Sign out the row that is not this device.
  await rows
    .filter({ hasNot: page.getByTestId("this-device") })
    .getByRole("button")
    .click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("this-device")).toBeVisible();

  await other.goto("/en/admin");
  await expect(other).toHaveURL(/\/en\/sign-in/);
  const audit = await (await db()).auditEvent.count({ where: { actorId: staff.id, action: "session.revoked" } });
  expect(audit).toBe(1);
  await otherContext.close();
});
