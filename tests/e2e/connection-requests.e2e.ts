import { db, expect, factories, linkIn, signInAs, test, unique, waitForMail } from "./support/fixtures";

test("request a connection: search, choose, contact, CAPTCHA, consent; the contact approves by email; the row shows Approved", async ({
  page,
  context,
  browser,
}) => {
  const f = await factories();
  const client = await db();
  const u = unique();
  const s = await f.makeSupplier({ companyName: `Kestrel Fasteners ${u}`, email: `sales-${u}@kestrel-${u}.test` });
  const customer = await f.makeCustomer({ name: `Quillon Harbour Traders ${u}`, domains: [`quillon-${u}.test`] });
  const contact = `buyer@quillon-${u}.test`;
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));

  await page.goto("/en/setup/requests");
  await expect(page.getByRole("heading", { level: 1, name: "Request a Customer Connection" })).toBeVisible();
  for (const column of ["Customers", "Actions", "Status", "Email", "Date", "Comments"]) {
    await expect(page.getByRole("columnheader", { name: new RegExp(`^${column}`) })).toBeVisible();
  }
  await page.getByRole("button", { name: "Don't see the customer you're looking for?" }).click();
  const dialog = page.getByRole("dialog", { name: "Search for a customer" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("attempts")).toContainText("You are limited to 20 attempts. Can't find your customer?");
  await expect(dialog.getByRole("button", { name: "Contact Support" })).toBeVisible();

  // Search with a typo ("Quilon" for "Quillon"), with the keyboard only.
  const combo = dialog.getByRole("combobox", { name: "Customer Name" });
  await combo.fill(`quilon harbour traders ${u}`);
  await combo.press("Enter");
  await expect(dialog.getByRole("listbox").getByRole("option")).toHaveCount(1);
  await expect(dialog.getByRole("listbox").getByRole("option").first()).toContainText(customer.name);
  await expect(combo).toHaveAttribute("aria-expanded", "true");
  await expect(dialog.getByTestId("attempts")).toContainText("You are limited to 19 attempts.");
  await combo.press("ArrowDown");
  await combo.press("Enter");
  await expect(dialog.getByTestId("selected-customer")).toContainText(customer.name);

  // Nothing is sent without the required parts.
  await dialog.getByRole("button", { name: "Request", exact: true }).click();
  await expect(dialog.getByTestId("error-contactEmail")).toBeVisible();
  await expect(dialog.getByTestId("error-consent")).toHaveText("Please confirm to continue.");

  // A free-mail address is flagged before sending.
  const email = dialog.getByRole("textbox", { name: "Customer Contact" });
  await email.fill("someone@gmail.com");
  await email.blur();
  await expect(dialog.getByTestId("contact-flags")).toContainText("free email address");
  await email.fill(contact);
  await email.blur();
  await expect(dialog.getByTestId("contact-flags")).toHaveCount(0);

  // The CAPTCHA's proof of work started in the page when the dialog opened (nobody ticked the box) and shows its progress.
  await expect(dialog.locator('input[name="captcha"]')).toHaveValue(/.{20,}/, { timeout: 30_000 });
  await expect(dialog.getByTestId("captcha-progress")).toHaveAttribute("data-state", "done");
  await expect(dialog.getByTestId("captcha-progress")).toContainText("Verified");
  await dialog
    .getByRole("checkbox", {
      name: "I confirm by sending this request that I am actively doing business with this customer and contact. I am not soliciting new business opportunities with this company. I consent to my email address being shared with this customer.",
    })
    .check();
  await dialog.getByRole("button", { name: "Request", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("notice")).toContainText("Your request was sent");
  const row = page.getByTestId("request-row").filter({ hasText: customer.name });
  await expect(row.getByTestId("row-status")).toHaveText("Pending");
  await expect(row).toContainText(contact);
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(1);

  // The contact's email arrives at the test SMTP server, with the supplier's profile and the two answers.
  const mail = await waitForMail(contact, /asks to connect with/);
  expect(mail.subject).toBe(`Kestrel Fasteners ${u} asks to connect with ${customer.name}`);
  expect(mail.text).toContain("Decline");
  const contactPage = await browser.newPage();
  await contactPage.goto(linkIn(mail));
  await expect(contactPage.getByRole("heading", { level: 1 })).toHaveText(`Connection request from Kestrel Fasteners ${u}`);
  await contactPage.getByRole("radio", { name: "Approve: we do business with this supplier" }).check();
  await contactPage.getByRole("textbox", { name: "Comment (optional, shown to the supplier)" }).fill("Yes, we buy bolts from them monthly");
  await contactPage.getByRole("button", { name: "Send my answer" }).click();
  await expect(contactPage.getByTestId("respond-done")).toContainText("You approved the request.");
  await expect(contactPage).toHaveURL(/answered=APPROVED/);
  // The link is single-use.
  await contactPage.goto(linkIn(mail));
  await expect(contactPage.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await contactPage.close();

  await page.reload();
  await expect(row.getByTestId("row-status")).toHaveText("Approved");
  await expect(row.getByTestId("row-comment")).toHaveText("Yes, we buy bolts from them monthly");
  await expect(row.getByRole("link", { name: `Open ${customer.name} in Customer Setup` })).toHaveAttribute("href", `/en/setup/customers?c=${customer.id}`);
  const rel = await client.customerRelationship.findUniqueOrThrow({
    where: { supplierId_customerId: { supplierId: s.supplierId, customerId: customer.id } },
  });
  expect(rel.origin).toBe("REQUEST");
  await waitForMail(s.email, /approved your connection request/);

  // The customer is now in Customer Setup.
  await row.getByRole("link", { name: `Open ${customer.name} in Customer Setup` }).click();
  await expect(page).toHaveURL(new RegExp(`/en/setup/customers\\?c=${customer.id}$`));
  await expect(page.locator('[data-testid^="group-"]').filter({ hasText: customer.name })).toHaveCount(1);
  await page.goto("/en/setup/requests");

  // Filter, sort and export.
  await page.getByLabel("Status").selectOption("APPROVED");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=APPROVED/);
  await expect(page.getByTestId("request-row")).toHaveCount(1);
  const download = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = await (await download[0].createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text).toContain(`${customer.name},,Approved,${contact}`);
});

test("zh: running out of search attempts and opening a support ticket", async ({ page, context }) => {
  const f = await factories();
  const client = await db();
  const u = unique();
  const s = await f.makeSupplier({ locale: "zh", email: `zh-${u}@zhsupplier-${u}.test` });
  await client.searchAllowance.create({ data: { supplierId: s.supplierId, limit: 2 } });
  const customer = await f.makeCustomer({ name: `Lotus Pavilion Foods ${u}` });
  await client.customer.update({ where: { id: customer.id }, data: { nameZh: `莲花食品${u}` } });
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));

  await page.goto("/zh/setup/requests");
  await expect(page.getByRole("heading", { level: 1, name: "请求客户连接" })).toBeVisible();
  await page.getByRole("button", { name: "找不到您要找的客户？" }).click();
  const dialog = page.getByRole("dialog", { name: "搜索客户" });
  await expect(dialog.getByTestId("attempts")).toContainText("您最多可尝试 2 次。");

  const combo = dialog.getByRole("combobox", { name: "客户名称" });
  await combo.fill(`莲花食品${u}`);
  await combo.press("Enter");
  await expect(dialog.getByRole("listbox").getByRole("option")).toHaveCount(1);
  await expect(dialog.getByRole("listbox").getByRole("option").first()).toContainText(`莲花食品${u}`);
  await expect(dialog.getByTestId("attempts")).toContainText("您最多可尝试 1 次。");
  // The same query again costs nothing.
  await combo.press("Escape");
  await expect(combo).toHaveAttribute("aria-expanded", "false");
  await combo.press("Enter");
  await expect(dialog.getByRole("listbox").getByRole("option")).toHaveCount(1);
  await expect(dialog.getByTestId("attempts")).toContainText("您最多可尝试 1 次。");
  await combo.fill(`不存在的客户${u}`);
  await combo.press("Enter");
  await expect(dialog.getByText(`没有与“不存在的客户${u}”匹配的客户`)).toBeVisible();
  await expect(dialog.getByTestId("attempts")).toContainText("您的搜索次数已用完");
  await expect(dialog.getByRole("button", { name: "搜索" })).toBeDisabled();
  expect((await client.searchAllowance.findUniqueOrThrow({ where: { supplierId: s.supplierId } })).used).toBe(2);

  await dialog.getByRole("button", { name: "联系支持人员" }).click();
  // The dialog now holds the support form, and is named after it.
  const supportDialog = page.getByRole("dialog", { name: "联系支持人员" });
  await expect(supportDialog).toBeVisible();
  await expect(supportDialog.getByRole("combobox", { name: "主题" })).toHaveValue("SEARCH_ATTEMPTS");
  const message = supportDialog.getByRole("textbox", { name: "留言" });
  await message.fill("太短");
  await supportDialog.getByRole("button", { name: "发送给支持人员" }).click();
  await expect(supportDialog.getByTestId("error-message")).toHaveText("请至少输入 10 个字符。");
  await message.fill("我们找不到客户：杭州某某贸易有限公司，税号 91330100XXXX。");
  await supportDialog.getByRole("button", { name: "发送给支持人员" }).click();
  await expect(supportDialog.getByTestId("ticket-sent")).toContainText("您的工单已发送给支持人员");
  const ticket = await client.supportTicket.findFirstOrThrow({ where: { supplierId: s.supplierId } });
  expect(ticket).toMatchObject({ topic: "SEARCH_ATTEMPTS", status: "OPEN" });

  await page.keyboard.press("Escape");
  await expect(supportDialog).toBeHidden();
  await page.reload();
  await expect(page.getByTestId("tickets-table")).toContainText("我需要更多搜索次数");
});

test("suggested customers open the dialog preselected; a customer closed to requests says to ask for an invitation", async ({ page, context }) => {
  const f = await factories();
  const client = await db();
  const u = unique();
  const domain = `osprey-${u}.test`;
  const s = await f.makeSupplier({ email: `ops@${domain}` });
  const sameDomain = await f.makeCustomer({ name: `Osprey Group Buying ${u}`, domains: [domain], acceptsRequests: false });
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));

  await page.goto("/en/setup/requests");
  const suggestion = page.getByTestId("suggestion-row").filter({ hasText: sameDomain.name });
  await expect(suggestion).toContainText("Same email domain as your company");
  await suggestion.getByRole("button", { name: `Connect to ${sameDomain.name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Search for a customer" });
  await expect(dialog.getByTestId("selected-customer")).toContainText(sameDomain.name);
  await expect(dialog.getByTestId("ask-invitation")).toContainText("Ask your contact at");
  await expect(dialog.getByRole("button", { name: "Request", exact: true })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await client.searchAllowance.count({ where: { supplierId: s.supplierId } })).toBe(0);
});
