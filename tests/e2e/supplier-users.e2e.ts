import { db, expect, factories, linkIn, signInAs, submit, test, unique, waitForMail } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";

const text = {
  en: {
    inviteTitle: "Invite a colleague",
    email: "Colleague's email",
    requests: "Connection requests",
    selected: "Only the customers chosen below",
    send: "Send invitation",
    sent: "Invitation sent.",
    required: "This field is required.",
    subject: /invited you to join/,
    name: "Your name",
    password: "Password",
    confirm: "Confirm password",
    create: "Create my account",
    refused: "You cannot manage users",
    active: "Active",
    used: "This invitation has already been used",
    welcome: /Welcome/,
  },
  zh: {
    inviteTitle: "邀请同事",
    email: "同事的电子邮件",
    requests: "连接请求",
    selected: "仅限下方选择的客户",
    send: "发送邀请",
    sent: "邀请已发送。",
    required: "此栏位为必填项。",
    subject: /邀请您加入/,
    name: "您的姓名",
    password: "密码",
    confirm: "确认密码",
    create: "创建我的账户",
    refused: "您无权管理用户",
    active: "已启用",
    used: "此邀请已被使用",
    welcome: /欢迎/,
  },
};

/** A company whose admin is signed in, with two connected customers. */
async function companyWithCustomers(lng: "en" | "zh") {
  const { makeSupplier, makeCustomer } = await factories();
  const client = await db();
  const s = await makeSupplier({ email: `admin-${unique()}@users-${unique()}.test`, locale: lng });
  const allowed = await makeCustomer({ name: `Allowed Buyer ${unique()}` });
  const other = await makeCustomer({ name: `Other Buyer ${unique()}` });
  for (const c of [allowed, other]) {
    await client.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: c.id, origin: "STAFF" } });
  }
  const admin = await client.user.findUniqueOrThrow({ where: { id: s.userId } });
  return { s, admin, allowed, other, client };
}

for (const lng of ["en", "zh"] as const) {
  const t = text[lng];

  test(`an admin invites a colleague with limited access; the colleague registers from the email (${lng})`, async ({ page, context, browser }) => {
    const { admin, allowed, other, client } = await companyWithCustomers(lng);
    await signInAs(context, admin);
    await page.goto(`/${lng}/setup/admin`);
    const invite = page.getByRole("region", { name: t.inviteTitle });

    // Bad input: field messages, nothing sent.
    await invite.getByLabel(t.selected).check();
    await submit(page, invite.getByRole("button", { name: t.send }));
    await expect(invite.getByTestId("error-email")).toHaveText(t.required);
    await expect(invite.getByTestId("group-error")).toHaveText(t.required);

    const email = `colleague-${unique()}@users.test`;
    await invite.getByLabel(t.email).fill(email);
    await invite.getByLabel(t.requests, { exact: true }).check();
    await invite.getByLabel(t.selected).check();
    await invite.getByLabel(allowed.name).check();
    await submit(page, invite.getByRole("button", { name: t.send }));
    await expect(invite.getByText(t.sent)).toBeVisible();
    await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toBeVisible();

    // The email arrives at the test SMTP server, in the language chosen (the page's).
    const mail = await waitForMail(email, t.subject);
    const path = linkIn(mail);
    expect(path).toMatch(new RegExp(`^/${lng}/join/[A-Za-z0-9_-]{43}$`));

    // The colleague registers in their own browser: email fixed, name, password, language.
    const theirs = await browser.newContext();
    const colleague = await theirs.newPage();
    await colleague.goto(path);
    await expect(colleague.getByLabel(lng === "en" ? "Email" : "电子邮件")).toHaveValue(email);
    await expect(colleague.getByLabel(lng === "en" ? "Email" : "电子邮件")).toHaveAttribute("readonly", "");
    await colleague.getByLabel(t.name).fill("Casey Colleague");
    await colleague.getByLabel(t.password, { exact: true }).fill(PASSWORD);
    await colleague.getByLabel(t.confirm).fill(PASSWORD);
    await colleague.getByRole("button", { name: t.create }).click();
    await expect(colleague).toHaveURL(new RegExp(`/${lng}/home$`));
    await expect(colleague.getByRole("heading", { level: 1 })).toHaveText(t.welcome);

    // Without the `users` permission the Admin page is refused.
    // Customer Setup shows the colleague only the customer they were given.
    await colleague.goto(`/${lng}/setup/customers`);
    const groups = colleague.locator('[data-testid^="group-"]');
    await expect(groups.filter({ hasText: allowed.name })).toHaveCount(1);
    await expect(groups.filter({ hasText: other.name })).toHaveCount(0);
    expect((await colleague.goto(`/${lng}/setup/customers?c=${other.id}`))?.status()).toBe(404);

    await colleague.goto(`/${lng}/setup/admin`);
    await expect(colleague.getByTestId("admin-refused")).toContainText(t.refused);
    await expect(colleague.getByTestId("users-table")).toHaveCount(0);

    // The link was single use.
    await colleague.goto(path);
    await expect(colleague.getByRole("heading", { level: 1 })).toHaveText(t.used);
    await theirs.close();

    // The admin sees them Active, limited to the one customer.
    await page.reload();
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await expect(row.getByTestId("user-status")).toHaveText(t.active);
    await expect(row.getByTestId("user-customers")).toHaveText(allowed.name);
    await expect(row.getByTestId("user-permissions")).toHaveText(t.requests);
    await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);

    const user = await client.user.findUniqueOrThrow({ where: { email }, include: { customerAccess: true } });
    expect(user.allCustomers).toBe(false);
    expect(user.customerAccess.map((a) => a.customerId)).toEqual([allowed.id]);
    expect(user.customerAccess.map((a) => a.customerId)).not.toContain(other.id);
  });
}

test("deactivation ends the colleague's signed-in session (zh)", async ({ page, context, browser }) => {
  const { s, admin } = await companyWithCustomers("zh");
  const { makeUser } = await factories();
  const member = await makeUser(s.supplierId, { permissions: "requests", email: `member-${unique()}@users.test` });

  // The member is signed in, in a second browser.
  const theirs = await browser.newContext();
  await signInAs(theirs, member);
  const memberPage = await theirs.newPage();
  await memberPage.goto("/zh/home");
  await expect(memberPage).toHaveURL(/\/zh\/home$/);

  await signInAs(context, admin);
  await page.goto("/zh/setup/admin");
  const row = page.locator(`[data-testid="user-row"][data-email="${member.email}"]`);
  await expect(row.getByTestId("user-status")).toHaveText("已启用");
  // The button is replaced by "Reactivate", so wait for the status rather than the button.
  await row.getByRole("button", { name: `停用 ${member.name}` }).click();
  await expect(row.getByTestId("user-status")).toHaveText("已停用");

  // Their next navigation lands on sign-in.
  await memberPage.goto("/zh/setup/learning");
  await expect(memberPage).toHaveURL(/\/zh\/sign-in/);
  await theirs.close();

  // Reactivation shows on the list; the old session stays ended.
  await row.getByRole("button", { name: `重新启用 ${member.name}` }).click();
  await expect(row.getByTestId("user-status")).toHaveText("已启用");
});

test("the Learning Center explains adding users and answers the FAQ (zh)", async ({ page, context }) => {
  const { makeSupplier } = await factories();
  const client = await db();
  const s = await makeSupplier({ email: `learn-${unique()}@learn-${unique()}.test`, locale: "zh" });
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));
  await page.goto("/zh/setup/admin");
  await page.getByRole("link", { name: "向您的账户添加用户" }).click();
  await expect(page).toHaveURL(/\/zh\/setup\/learning#adding-users$/);
  await expect(page.getByRole("heading", { name: "向您的账户添加用户" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "常见问题" })).toBeVisible();
  await page.getByTestId("faq-attempts").getByText("为什么搜索次数有限制？").click();
  await expect(page.getByTestId("faq-attempts")).toContainText("重复相同的搜索不会再次计数");
  await page.getByRole("link", { name: "前往 设置 → 管理" }).click();
  await expect(page).toHaveURL(/\/zh\/setup\/admin$/);
});
