import { db, expect, factories, signInAs, test, unique } from "./support/fixtures";

test("portal shell: navigation, setup tabs, placeholders, notifications count, keyboard", async ({ page, context }) => {
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
  for (const name of ["Home", "Profile", "Orders", "Service/Time Sheets", "ASN", "Invoices", "Catalogs", "Business Performance", "Sourcing", "Add-ons", "Setup"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("notifications-count")).toHaveText("3");

  await nav.getByRole("link", { name: "Invoices" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invoices");
  await expect(page.getByText(/is not part of Supplier Connect yet/)).toBeVisible();

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

  // An unknown area is a 404, not a placeholder.
  const res = await page.goto("/en/no-such-area");
  expect(res?.status()).toBe(404);
});

test("staff pages refuse suppliers; the mail log shows kept mail to staff", async ({ page, context }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `nostaff-${unique()}@shell-${unique()}.test` });
  const client = await db();
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));
  const res = await page.goto("/en/admin/mail");
  expect(res?.status()).toBe(404);

  await context.clearCookies();
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { email: "support@supplier-connect.test" } }));
  await page.goto("/en/admin/mail");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mail log");
});
