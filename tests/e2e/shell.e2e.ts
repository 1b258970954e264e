import { db, expect, factories, linkIn, signInAs, test, unique, waitForMail } from "./support/fixtures";

test("portal shell: navigation, setup tabs, notifications count, keyboard", async ({ page, context }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `shell-${unique()}@shell-${unique()}.test` });
  const client = await db();
  const user = await client.user.findUniqueOrThrow({ where: { id: s.userId } });
  await client.notification.createMany({
    data: [1, 2, 3].map(() => ({ userId: user.id, kind: "shell:nav.home" })),
  });
  await signInAs(context, user);

  await page.goto("/en/home");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  // The navigation holds what this product does, nothing that leads to a dead end.
  await expect(nav.getByRole("link")).toHaveText(["Home", "Profile", "Setup"]);
  await expect(page.getByTestId("notifications-count")).toHaveText("3");
  for (const area of ["orders", "sheets", "asn", "invoices", "catalogs", "performance", "sourcing", "addons"]) {
    expect((await page.request.get(`/en/${area}`)).status(), area).toBe(404);
  }

  await nav.getByRole("link", { name: "Setup" }).click();
  await expect(page).toHaveURL(/\/en\/setup\/customers$/);
  const tabs = page.getByRole("navigation", { name: "Setup sections" });
  await expect(tabs.getByRole("link", { name: "Customer Setup" })).toHaveAttribute("aria-current", "page");
  for (const name of ["Admin", "Connection Requests"]) await expect(tabs.getByRole("link", { name })).toBeVisible();

  // Keyboard: the skip link is the first stop.
  await page.goto("/en/setup/customers");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();

  // The same shell in Chinese.
  await page.goto("/zh/home");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "设置" })).toBeVisible();

  // On a phone the navigation folds into a menu button.
  await page.setViewportSize({ width: 360, height: 740 });
  const zhNav = page.getByRole("navigation", { name: "主导航" });
  const menu = zhNav.getByRole("button", { name: "菜单" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(zhNav.getByRole("link", { name: "设置" })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await zhNav.getByRole("link", { name: "个人资料" }).click();
  await expect(page).toHaveURL(/\/zh\/profile$/);
  await expect(zhNav.getByRole("link", { name: "设置" })).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 720 });

  // An unknown area is a 404.
  const res = await page.goto("/en/no-such-area");
  expect(res?.status()).toBe(404);
});

test("staff pages refuse suppliers; the mail log lists a real message to support, its one-time link redacted", async ({ page, context }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `nostaff-${unique()}@shell-${unique()}.test` });
  const client = await db();
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));
  const res = await page.goto("/en/admin/mail");
  expect(res?.status()).toBe(404);

  // A real message: the supplier asks for a password reset on the page; the app sends it over SMTP.
  await context.clearCookies();
  await page.goto("/en/forgot-password");
  await page.getByLabel("Email").fill(s.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText(/If an account exists/);
  const mail = await waitForMail(s.email, /^Reset your Supplier Connect password$/);
  const token = linkIn(mail).split("/").pop() ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // Support staff find it in the mail log with its subject, recipient and status; the stored copy
  // names the link and its path, and the working token is nowhere on the page.
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { email: "support@supplier-connect.test" } }));
  await page.goto("/en/admin/mail");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mail log");
  await page.getByLabel("To", { exact: true }).fill(s.email);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`to=${encodeURIComponent(s.email)}`));
  const row = page.getByTestId("mail-row");
  await expect(row).toHaveCount(1);
  const summary = row.locator("summary");
  await expect(summary).toContainText("Reset your Supplier Connect password");
  await expect(summary).toContainText(s.email);
  await expect(summary).toContainText("password reset link");
  await expect(row.getByTestId("mail-status")).toHaveText("Sent");

  await summary.click();
  const body = row.locator("pre");
  await expect(body).toBeVisible();
  await expect(body).toContainText(
    "Choose a new password: [password reset link /en/reset-password/… (sent to the recipient; the link itself is not kept in this stored copy)]",
  );
  await expect(body).not.toContainText(token);
  expect(await page.content()).not.toContain(token);
  await expect(page.getByTestId("mail-withheld-note")).toHaveCount(0);
});
