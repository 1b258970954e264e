import type { Page } from "@playwright/test";
import { expect, test, unique } from "./support/fixtures";

/** Counts the form posts (server action calls) the page makes from now on. */
function countPosts(page: Page): () => number {
  let posts = 0;
  page.on("request", (r) => {
    if (r.method() === "POST") posts++;
  });
  return () => posts;
}

for (const lng of ["en", "zh"] as const) {
  const text = {
    en: { email: "Email", password: "Password", signIn: "Sign in", required: "This field is required.", badEmail: /Enter a valid email address/ },
    zh: { email: "电子邮件", password: "密码", signIn: "登录", required: "此栏位为必填项。", badEmail: /请输入有效的电子邮件地址/ },
  }[lng];

  test(`the browser checks a form with the action's schema before posting it (${lng})`, async ({ page }) => {
    await page.goto(`/${lng}/sign-in`);
    const posts = countPosts(page);
    const email = page.getByLabel(text.email);
    // The check is not part of the page's first load: the form fetches it when a field is first focused.
    const form = page.locator("form", { has: email });
    await expect(form).toHaveAttribute("data-checks", "idle");
    await email.fill("not-an-email");
    await expect(form).toHaveAttribute("data-checks", "ready");
    // Leaving the field checks it, in the page's language, and ties the message to it.
    await email.blur();
    await expect(page.getByTestId("error-email")).toHaveText(text.badEmail);
    await expect(email).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain(await page.getByTestId("error-email").getAttribute("id"));

    // A submit the server would refuse is not posted: every field says what is wrong, the first invalid one has the focus.
    await page.getByRole("button", { name: text.signIn, exact: true }).click();
    await expect(page.getByTestId("error-password")).toHaveText(text.required);
    await expect(email).toBeFocused();
    expect(posts()).toBe(0);

    // Fixing a field clears its message as the user types.
    await email.fill(`someone-${unique()}@forms.test`);
    await expect(page.getByTestId("error-email")).toHaveCount(0);
  });
}

test("a refused sign-up keeps every entry but the password, and the server still judges what the browser cannot", async ({ page }) => {
  await page.goto("/en/sign-up");
  const posts = countPosts(page);
  await page.getByLabel("Company name").fill("Keepsake Hinges");
  await page.getByLabel("Your name").fill("Kim Keeper");
  await page.getByLabel("Work email").fill(`kim-${unique()}@keepsake-${unique()}.test`);
  await page.getByLabel("Preferred language").selectOption("zh");
  // Letters and digits, long enough: only the server knows it is too common.
  await page.getByLabel("Password", { exact: true }).fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("error-password")).toContainText("This password is too common");
  expect(posts()).toBe(1);
  await expect(page.getByLabel("Company name")).toHaveValue("Keepsake Hinges");
  await expect(page.getByLabel("Your name")).toHaveValue("Kim Keeper");
  await expect(page.getByLabel("Preferred language")).toHaveValue("zh");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts to the server, which answers with its messages and the entries", async ({ page }) => {
    await page.goto("/en/sign-up");
    await page.getByLabel("Company name").fill("Plain Post Ltd");
    await page.getByLabel("Your name").fill("Pat Plain");
    await page.getByLabel("Work email").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("password1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("error-email")).toContainText("Enter a valid email address");
    await expect(page.getByTestId("error-password")).toContainText("This password is too common");
    await expect(page.getByLabel("Company name")).toHaveValue("Plain Post Ltd");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  });
});
