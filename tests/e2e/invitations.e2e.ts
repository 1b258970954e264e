import type { Browser, Page } from "@playwright/test";
import { db, expect, factories, linkIn, signInAs, submit, test, unique, waitForMail } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";

const text = {
  en: {
    required: "This field is required.",
    tooLong: "This is too long.",
    email: "Enter a valid email address",
    weak: "This password is too common",
    letterDigit: "Use at least one letter and one digit.",
  },
  zh: { required: "此栏位为必填项。" },
};

/** Each test gets its own client address, so the landing page's rate limit is per test. */
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

async function freshVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address() } });
  return context.newPage();
}

async function makeStaff() {
  const { createStaffUser } = await import("@/features/accounts/service");
  return createStaffUser({ email: `staff-${unique()}@supplier-connect.test`, name: "Sam Support", password: PASSWORD, role: "SUPPORT" });
}

/** An invitation made through the service (for tests that are not about the staff page). */
async function inviteDirect(customerId: string, email: string, locale: "en" | "zh" = "en") {
  const { createInvitation } = await import("@/features/customer-invitations/staff");
  const res = await createInvitation({ customerId, email, locale, message: "" }, { type: "SYSTEM" });
  if (!res.ok || !res.link) throw new Error("invitation not created");
  return { id: res.invitationId, path: new URL(res.link).pathname };
}

test("staff invites a new supplier; the emailed link registers it and connects the customer (en)", async ({ page, context, browser }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address() });
  const { makeCustomer } = await factories();
  const prisma = await db();
  const customer = await makeCustomer({ name: `Lumen Grocers ${unique()}` });
  const staff = await makeStaff();
  await signInAs(context, staff);
  const email = `buyer-contact-${unique()}@fresh-${unique()}.test`;

  await page.goto("/en/admin");
  await page.getByRole("main").getByRole("link", { name: "Invitations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitations");
  await page.getByRole("link", { name: "New invitation" }).click();

  // Bad input on the staff form: field messages, nothing written.
  const send = page.getByRole("button", { name: "Send invitation" });
  await send.click();
  await expect(page.getByTestId("error-customerId")).toHaveText(text.en.required);
  await expect(page.getByTestId("error-email")).toHaveText(text.en.required);
  await page.getByRole("combobox", { name: "Customer", exact: true }).selectOption({ label: customer.name });
  await page.getByLabel("Supplier contact's email").fill("not an email");
  await page.getByLabel("Welcome message from the customer (optional)").fill("x".repeat(1001));
  await send.click();
  await expect(page.getByTestId("error-email")).toContainText(text.en.email);
  await expect(page.getByTestId("error-message")).toHaveText(text.en.tooLong);
  expect(await prisma.invitation.count({ where: { customerId: customer.id } })).toBe(0);

  await page.getByLabel("Supplier contact's email").fill(email);
  await page.getByLabel("Welcome message from the customer (optional)").fill("We look forward to working with you.");
  await send.click();
  await expect(page.getByTestId("invitation-created")).toHaveText(`Invitation sent to ${email}.`);

  // The list, filtered by email, shows it as pending.
  await page.goto(`/en/admin/invitations?email=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("invitation-row")).toHaveCount(1);
  await expect(page.getByTestId("invitation-status")).toHaveText("Pending");

  const mail = await waitForMail(email, /invites you to Supplier Connect/);
  expect(mail.subject).toBe(`${customer.name} invites you to Supplier Connect`);
  expect(mail.text).toContain("We look forward to working with you.");
  expect(mail.text).toContain("Forward this invitation to a colleague");
  const link = linkIn(mail);
  expect(link).toMatch(/^\/en\/invite\/[A-Za-z0-9_-]{43}$/);

  const visitor = await freshVisitor(browser);
  await visitor.goto(link);
  await expect(visitor.getByTestId("invite-title")).toHaveText(`Invitation from ${customer.name}`);
  await expect(visitor.getByTestId("invite-message")).toHaveText("We look forward to working with you.");
  await expect(visitor.getByLabel("Email (from the invitation)")).toHaveValue(email);

  // Bad input on the registration form: empty, overlong, weak password.
  const create = visitor.getByRole("button", { name: "Create account and connect" });
  await create.click();
  await expect(visitor.getByTestId("error-companyName")).toHaveText(text.en.required);
  await expect(visitor.getByTestId("error-name")).toHaveText(text.en.required);
  await expect(visitor.getByTestId("error-password")).toHaveText(text.en.required);
  await visitor.getByLabel("Company name").fill("C".repeat(170));
  await visitor.getByLabel("Your name").fill("Nina New");
  await visitor.getByLabel("Password", { exact: true }).fill("password1");
  await create.click();
  await expect(visitor.getByTestId("error-companyName")).toHaveText(text.en.tooLong);
  await expect(visitor.getByTestId("error-password")).toContainText(text.en.weak);
  await visitor.getByLabel("Company name").fill("Fresh Harvest Co");
  await visitor.getByLabel("Password", { exact: true }).fill("onlyletters");
  await create.click();
  await expect(visitor.getByTestId("error-password")).toContainText(text.en.letterDigit);
  expect(await prisma.user.count({ where: { email } })).toBe(0);

  await visitor.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await create.click();
  await expect(visitor).toHaveURL(/\/en\/invite\/[A-Za-z0-9_-]{43}\/done$/);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`You are connected to ${customer.name}`);
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const rel = await prisma.customerRelationship.findFirstOrThrow({ where: { supplierId: user.supplierId!, customerId: customer.id } });
  expect(rel).toMatchObject({ origin: "INVITATION", onboardingState: "NOT_STARTED" });

  await visitor.getByRole("link", { name: "Open Customer Setup" }).click();
  await expect(visitor).toHaveURL(/\/en\/setup\/customers$/);
  await expect(visitor.locator('[data-testid^="group-"]').filter({ hasText: customer.name })).toHaveCount(1);

  // The link works once.
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This invitation has already been used");
  await page.reload();
  await expect(page.getByTestId("invitation-status")).toHaveText("Accepted");
  await visitor.context().close();
});

test("zh: existing account — signed in as staff, switch account, sign in and accept; the link then reads as used", async ({ page, context }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address() });
  const { makeCustomer, makeSupplier } = await factories();
  const prisma = await db();
  const customer = await makeCustomer({ name: `Jade River Trading ${unique()}` });
  await prisma.customer.update({ where: { id: customer.id }, data: { nameZh: `翡翠河贸易${unique()}` } });
  const nameZh = (await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).nameZh;
  const supplier = await makeSupplier({ email: `owner-${unique()}@existing-${unique()}.test`, locale: "zh" });
  const staff = await makeStaff();
  await signInAs(context, staff);

  await page.goto("/zh/admin/invitations/new");
  await page.getByRole("combobox", { name: "客户", exact: true }).selectOption({ label: nameZh });
  await page.getByLabel("供应商联系人的电子邮件").fill(supplier.email);
  await page.getByLabel("邮件语言").selectOption("zh");
  await page.getByRole("button", { name: "发送邀请" }).click();
  await expect(page.getByTestId("invitation-created")).toHaveText(`邀请已发送至 ${supplier.email}。`);

  const mail = await waitForMail(supplier.email, /邀请您加入/);
  expect(mail.subject).toBe(`${nameZh} 邀请您加入 Supplier Connect`);
  const link = linkIn(mail);
  expect(link).toMatch(/^\/zh\/invite\//);

  // Still signed in as staff: the page says so and offers to switch.
  await page.goto(link);
  await expect(page.getByTestId("other-user")).toContainText(staff.email);
  await page.getByRole("button", { name: "退出登录并继续" }).click();
  await expect(page.getByRole("heading", { name: "登录以接受邀请" })).toBeVisible();
  await expect(page.getByLabel("电子邮件")).toHaveValue(supplier.email);

  // Empty and wrong passwords: messages, nothing connected.
  const accept = page.getByRole("button", { name: "登录并接受" });
  await accept.click();
  await expect(page.getByTestId("error-password")).toHaveText(text.zh.required);
  await page.getByLabel("密码", { exact: true }).fill("Wrong-pass-1");
  await submit(page, accept);
  await expect(page.getByTestId("form-error")).toHaveText("电子邮件或密码不正确。");
  expect(await prisma.customerRelationship.count({ where: { customerId: customer.id } })).toBe(0);

  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await accept.click();
  await expect(page).toHaveURL(/\/zh\/invite\/[A-Za-z0-9_-]{43}\/done$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`您已与 ${nameZh} 建立连接`);
  expect(await prisma.customerRelationship.count({ where: { supplierId: supplier.supplierId, customerId: customer.id, origin: "INVITATION" } })).toBe(1);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("此邀请已被使用");
  await expect(page.getByText("每个邀请链接仅可使用一次")).toBeVisible();
});

test("an expired link explains what happened and what to do (en), and revoked / unknown links do too (zh)", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address() });
  const { makeCustomer } = await factories();
  const prisma = await db();
  const customer = await makeCustomer({ name: `Expiry Foods ${unique()}` });
  const expired = await inviteDirect(customer.id, `late-${unique()}@expiry-${unique()}.test`);
  await prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });

  await page.goto(expired.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation has expired");
  await expect(page.getByText("Ask the customer who invited you to send a new invitation.")).toBeVisible();
  await expect(page.getByText(/Contact Supplier Connect support/)).toBeVisible();
  // Nothing about the invited email or the customer is shown.
  await expect(page.getByText(customer.name)).toHaveCount(0);

  const revoked = await inviteDirect(customer.id, `gone-${unique()}@expiry-${unique()}.test`, "zh");
  const { revokeInvitation } = await import("@/features/customer-invitations/staff");
  await revokeInvitation(revoked.id, { type: "SYSTEM" });
  await page.goto(revoked.path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("此邀请已被撤回");

  await page.goto(`/zh/invite/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("此邀请链接无效");
  await page.goto("/zh/invite/short");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("此邀请链接无效");
});

test("join the company that owns the domain, and forward to a colleague: bad input, then success (en)", async ({ page, browser }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address() });
  const { makeCustomer, makeSupplier } = await factories();
  const prisma = await db();
  const domain = `owned-${unique()}.test`;
  const owner = await makeSupplier({ email: `owner@${domain}`, companyName: `Owned Metals ${unique()}` });
  const company = await prisma.supplierCompany.findUniqueOrThrow({ where: { id: owner.supplierId } });
  const customer = await makeCustomer({ name: `Join Buyer ${unique()}` });
  const invited = `newbie-${unique()}@${domain}`;
  const inv = await inviteDirect(customer.id, invited);

  await page.goto(inv.path);
  await expect(page.getByRole("heading", { name: `${company.name} is already on Supplier Connect` })).toBeVisible();
  const ask = page.getByRole("button", { name: `Ask to join ${company.name}` });
  await ask.click();
  await expect(page.getByTestId("error-name")).toHaveText(text.en.required);
  await page.getByLabel("Your name").fill("N".repeat(130));
  await ask.click();
  await expect(page.getByTestId("error-name")).toHaveText(text.en.tooLong);
  expect(await prisma.joinRequest.count({ where: { email: invited } })).toBe(0);
  await page.getByLabel("Your name").fill("Nico Newbie");
  await ask.click();
  await expect(page.getByTestId("join-sent")).toContainText(`Your request to join ${company.name} was sent`);
  expect(await prisma.joinRequest.count({ where: { email: invited, supplierId: owner.supplierId, status: "PENDING" } })).toBe(1);
  await waitForMail(owner.email, /asks to join/);

  // Forward the (still live) invitation to a colleague on the same domain.
  const visitor = await freshVisitor(browser);
  await visitor.goto(inv.path);
  await visitor.getByRole("link", { name: "Forward this invitation to a colleague" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Forward the invitation");
  const forward = visitor.getByRole("button", { name: "Forward invitation" });
  await forward.click();
  await expect(visitor.getByTestId("error-email")).toHaveText(text.en.required);
  await visitor.getByLabel("Colleague's email").fill("colleague@@nowhere");
  await forward.click();
  await expect(visitor.getByTestId("error-email")).toContainText(text.en.email);
  await visitor.getByLabel("Colleague's email").fill(`pal-${unique()}@elsewhere-${unique()}.test`);
  await forward.click();
  await expect(visitor.getByTestId("error-email")).toHaveText("Your colleague's email must be on the same domain as the invited email.");
  await visitor.getByLabel("Colleague's email").fill(`${"a".repeat(250)}@${domain}`);
  await forward.click();
  await expect(visitor.getByTestId("error-email")).toHaveText(text.en.tooLong);
  expect(await prisma.invitation.count({ where: { forwardedFromId: inv.id } })).toBe(0);

  const colleague = `accounts-${unique()}@${domain}`;
  await visitor.getByLabel("Colleague's email").fill(colleague);
  await visitor.getByRole("combobox", { name: "Language of the email" }).selectOption("zh");
  await forward.click();
  await expect(visitor.getByTestId("forward-sent")).toContainText(colleague);
  const mail = await waitForMail(colleague, /转发了/);
  expect(mail.subject).toBe(`${invited} 向您转发了来自 ${customer.name} 的邀请`);

  await visitor.goto(inv.path);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This invitation was forwarded");
  await visitor.goto(linkIn(mail));
  await expect(visitor.getByTestId("invite-title")).toHaveText(`来自 ${customer.name} 的邀请`);
  await visitor.context().close();
});

test("staff resend and revoke from the list, filtered by customer and status (en)", async ({ page, context }) => {
  const { makeCustomer } = await factories();
  const customer = await makeCustomer({ name: `Resend Retail ${unique()}` });
  const email = `contact-${unique()}@resend-${unique()}.test`;
  await inviteDirect(customer.id, email);
  const staff = await makeStaff();
  await signInAs(context, staff);

  await page.goto(`/en/admin/invitations?customerId=${customer.id}`);
  await expect(page.getByTestId("invitation-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Resend" }).click();
  await expect(page.getByTestId("invitation-row")).toHaveCount(2);
  await expect(page.getByTestId("invitation-status")).toHaveText(["Pending", "Replaced"]);
  await waitForMail(email, /invites you/);

  await page.getByLabel("Status").selectOption("PENDING");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=PENDING/);
  await expect(page.getByTestId("invitation-row")).toHaveCount(1);
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("invitation-row")).toHaveCount(0);
  await page.goto(`/en/admin/invitations?customerId=${customer.id}&status=REVOKED`);
  await expect(page.getByTestId("invitation-row")).toHaveCount(1);
});

test("a customer's page in the directory leads to its requests, its invitations and a new invitation for it (en)", async ({ page, context }) => {
  const { makeCustomer } = await factories();
  const { createStaffUser } = await import("@/features/accounts/service");
  const customer = await makeCustomer({ name: `Orchard Mills ${unique()}` });
  const admin = await createStaffUser({ email: `admin-${unique()}@supplier-connect.test`, name: "Ada Admin", password: PASSWORD, role: "ADMINISTRATOR" });
  await signInAs(context, admin);
  const links = page.getByRole("main");

  await page.goto(`/en/admin/customers/${customer.id}`);
  await links.getByRole("link", { name: "Connection requests" }).click();
  await expect(page.getByRole("combobox", { name: "Customer", exact: true })).toHaveValue(customer.id);

  await page.goto(`/en/admin/customers/${customer.id}`);
  await links.getByRole("link", { name: "Invitations", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invitations");
  await expect(page.getByRole("combobox", { name: "Customer", exact: true })).toHaveValue(customer.id);

  await page.goto(`/en/admin/customers/${customer.id}`);
  await links.getByRole("link", { name: "Invite a supplier" }).click();
  await expect(page.getByRole("combobox", { name: "Customer", exact: true })).toHaveValue(customer.id);
  // A directory this small is listed whole: no note about too many customers.
  await expect(page.getByTestId("customers-not-listed")).toHaveCount(0);
});

test("zh: after a forward the confirmation stays, even when the page is read again (never the dead-link page)", async ({ browser }) => {
  const page = await freshVisitor(browser);
  const { makeCustomer } = await factories();
  const domain = `refresh-${unique()}.test`;
  const customer = await makeCustomer({ name: `Refresh Foods ${unique()}` });
  const inv = await inviteDirect(customer.id, `buyer@${domain}`, "zh");
  await page.goto(`${inv.path.replace(/^\/en\//, "/zh/")}/forward`);
  await page.getByLabel("同事的电子邮件").fill(`pal@${domain}`);
  await page.getByRole("button", { name: "转发邀请" }).click();
  await expect(page.getByTestId("forward-sent")).toContainText(`pal@${domain}`);
  // Re-reading the page (what a refresh racing the forward does) keeps the confirmation.
  await page.reload();
  await expect(page.getByTestId("forward-sent")).toContainText(`pal@${domain}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("转发邀请");
  // The link itself is dead.
  await page.goto(inv.path.replace(/^\/en\//, "/zh/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("此邀请已被转发");
  await page.context().close();
});
