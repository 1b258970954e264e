import type { Locator, Page } from "@playwright/test";
import { db, expect, factories, signInAs, test, unique } from "./support/fixtures";

/** Presses Tab (or Shift+Tab) until the target has the focus: proof it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

/** The focused element draws a visible outline (the focus ring of globals.css). */
async function expectVisibleFocus(page: Page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return "none";
    const s = getComputedStyle(el);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none|0px$/);
}

test("one complete connection request with the keyboard alone; the dialog traps focus, Escape closes it, focus returns", async ({ page, context }) => {
  test.setTimeout(120_000);
  const f = await factories();
  const client = await db();
  const u = unique();
  const s = await f.makeSupplier({ email: `keys-${u}@keys-${u}.test` });
  const customer = await f.makeCustomer({ name: `Keyboard Harbour Traders ${u}`, domains: [`kbd-${u}.test`] });
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));
  await page.goto("/en/setup/requests");

  const opener = page.getByTestId("open-request-dialog");
  await tabTo(page, opener);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Search for a customer" });
  await expect(dialog).toBeVisible();

  // Focus stays in the dialog: forty Tabs never leave it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  // Escape closes it and the focus is back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Again, and this time all the way to a sent request.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const combo = dialog.getByRole("combobox", { name: "Customer Name" });
  await tabTo(page, combo);
  await combo.fill(`keyboard harbour ${u}`); // typed text; everything else is keys
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("search-status")).toHaveText(/^1 customer found\s+19 search attempts left\.$/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("selected-customer")).toContainText(customer.name);

  const contact = dialog.getByRole("textbox", { name: "Customer Contact" });
  await tabTo(page, contact);
  await contact.fill(`buyer@kbd-${u}.test`);
  // The CAPTCHA solves itself once the dialog opens (nothing to press); its state is announced.
  await expect(dialog.getByTestId("captcha-state")).toHaveText("Verified. You can send the request.", { timeout: 30_000 });
  await tabTo(page, dialog.getByRole("checkbox", { name: /^I confirm by sending this request/ }));
  await page.keyboard.press("Space");
  await tabTo(page, dialog.getByRole("button", { name: "Request", exact: true }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  const notice = page.getByTestId("notice");
  await expect(notice).toContainText("Your request was sent");
  await expect(notice).toBeFocused();
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId, status: "PENDING" } })).toBe(1);

  // Cancelling it by keyboard: its confirmation replaces the earlier notice and takes the focus.
  const cancel = page.getByRole("button", { name: `Cancel the request to ${customer.name}` });
  await tabTo(page, cancel);
  await page.keyboard.press("Enter");
  await expect(notice).toHaveText("The request was cancelled.");
  await expect(notice).toBeFocused();
  await expect(page.getByTestId("request-row").filter({ hasText: customer.name }).getByTestId("row-status")).toHaveText("Cancelled");
});

test("zh: the customer list, its detail and the onboarding steps work by keyboard; a saved profile section stays open", async ({ page, context }) => {
  test.setTimeout(120_000);
  const f = await factories();
  const client = await db();
  const { businessStep } = await import("../customer-setup/fixtures");
  const u = unique();
  const s = await f.makeSupplier({ email: `kz-${u}@kz-${u}.test`, locale: "zh" });
  const customer = await f.makeCustomer({ name: `Keyboard Foods ${u}`, requirements: [businessStep] });
  await client.customer.update({ where: { id: customer.id }, data: { nameZh: `键盘食品${u}` } });
  await client.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: customer.id, origin: "INVITATION" } });
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));

  await page.goto("/zh/setup/customers");
  const link = page.getByRole("link", { name: `键盘食品${u}` }).first();
  await tabTo(page, link);
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`c=${customer.id}`));
  const start = page.getByRole("link", { name: "开始", exact: true });
  await tabTo(page, start);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("完成设置");
  await tabTo(page, page.getByLabel("Legal name"));
  await page.getByLabel("Legal name").fill("Keyboard Parts Ltd");
  await tabTo(page, page.getByLabel("Country"));
  await page.getByLabel("Country").selectOption("CN");
  await tabTo(page, page.getByLabel("Email"));
  await page.getByLabel("Email").fill(`ar@kz-${u}.test`);
  await tabTo(page, page.getByRole("button", { name: "提交此步骤" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("onboarding-progress-text")).toHaveText("已完成 1/1 个步骤");
  expect((await client.onboardingSubmission.findFirstOrThrow({ where: { stepKey: "business", relationship: { supplierId: s.supplierId } } })).status).toBe(
    "SUBMITTED",
  );

  // Profile → Private information: the saved section stays open with its confirmation.
  await page.goto("/zh/profile");
  const contacts = page.getByTestId("section-CONTACTS");
  await tabTo(page, contacts.getByLabel("主要联系人姓名"));
  await contacts.getByLabel("主要联系人姓名").fill("李伟");
  await tabTo(page, contacts.getByLabel("主要联系人邮箱"));
  await contacts.getByLabel("主要联系人邮箱").fill(`li.wei@kz-${u}.test`);
  await tabTo(page, contacts.getByRole("button", { name: "保存" }));
  await page.keyboard.press("Enter");
  await expect(contacts.getByText("已保存。")).toBeVisible();
  await expect(contacts).toHaveAttribute("open", "");
});

test("admin bulk decisions by keyboard", async ({ page, context }) => {
  const f = await factories();
  const client = await db();
  const u = unique();
  const s = await f.makeSupplier({ companyName: `Bulk Keys ${u}`, email: `bk-${u}@bk-${u}.test` });
  const customers = [await f.makeCustomer({ name: `Bulk Key One ${u}` }), await f.makeCustomer({ name: `Bulk Key Two ${u}` })];
  for (const c of customers) {
    await client.connectionRequest.create({
      data: {
        supplierId: s.supplierId,
        customerId: c.id,
        requestedById: s.userId,
        contactEmail: `b@bk-${u}.test`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
  }
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { email: "support@supplier-connect.test" } }));
  await page.goto(`/en/admin/requests?q=${encodeURIComponent(`Bulk Keys ${u}`)}&status=PENDING`);
  for (const c of customers) {
    await tabTo(page, page.getByRole("checkbox", { name: `Select the request from Bulk Keys ${u} to ${c.name}` }));
    await expectVisibleFocus(page);
    await page.keyboard.press("Space");
  }
  const form = page.getByRole("form", { name: "Decide the selected requests" });
  await tabTo(page, form.getByRole("textbox", { name: "Comment" }));
  await form.getByRole("textbox", { name: "Comment" }).fill("Welcome");
  await tabTo(page, page.getByRole("button", { name: "Save decision" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "2 request(s) changed; 0 left as they were" })).toBeVisible();
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId, status: "APPROVED" } })).toBe(2);
});
