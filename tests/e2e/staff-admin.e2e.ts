import { adminPages, type Fixture } from "./support/admin-pages";
import { db, expect, factories, linkIn, signInAs, submit, test, unique, waitForMail } from "./support/fixtures";

async function staffUser(email: string) {
  return (await db()).user.findUniqueOrThrow({ where: { email } });
}

type Visitor = "anonymous" | "supplier" | "support" | "administrator";

/** The pages' objects (a customer, a request, a ticket, a submitted onboarding) and the four kinds of visitor. */
async function adminWalkFixture() {
  const { makeSupplier, makeCustomer } = await factories();
  const customer = await makeCustomer({ name: `Authz Page Customer ${unique()}` });
  const s = await makeSupplier({ email: `walker-${unique()}@walk-${unique()}.test` });
  const client = await db();
  const supplier = await client.user.findUniqueOrThrow({ where: { id: s.userId } });
  const request = await client.connectionRequest.create({
    data: {
      supplierId: s.supplierId,
      customerId: customer.id,
      requestedById: s.userId,
      contactEmail: `buyer-${unique()}@authz.test`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const ticketText = `Private question ${unique()}`;
  const ticket = await client.supportTicket.create({ data: { supplierId: s.supplierId, authorId: s.userId, topic: "OTHER", message: ticketText } });
  const rel = await client.customerRelationship.create({
    data: { supplierId: s.supplierId, customerId: customer.id, origin: "STAFF", onboardingState: "SUBMITTED" },
  });
  const fixture: Fixture = {
    customerId: customer.id,
    customerName: customer.name,
    requestId: request.id,
    ticketId: ticket.id,
    ticketText,
    relationshipId: rel.id,
  };
  const visitors: Record<Visitor, { user: Awaited<ReturnType<typeof staffUser>> | null; role: "SUPPORT" | "ADMINISTRATOR" | null }> = {
    anonymous: { user: null, role: null },
    supplier: { user: supplier, role: null },
    support: { user: await staffUser("support@supplier-connect.test"), role: "SUPPORT" },
    administrator: { user: await staffUser("administrator@supplier-connect.test"), role: "ADMINISTRATOR" },
  };
  return { fixture, visitors };
}

// One test per visitor, so each walk has its own time budget.
for (const who of ["anonymous", "supplier", "support", "administrator"] as const) {
  test(`authorisation: every admin page as ${who}`, async ({ page, context }) => {
    test.setTimeout(180_000);
    const { fixture, visitors } = await adminWalkFixture();
    const visitor = visitors[who];
    if (visitor.user) await signInAs(context, visitor.user);
    for (const p of adminPages) {
      const path = p.path(fixture);
      const res = await page.goto(path);
      const allowed = visitor.role !== null && p.roles.includes(visitor.role);
      const label = `${who} ${path}`;
      if (allowed) {
        expect(res?.status(), label).toBe(200);
        await expect(page.getByRole("heading", { level: 1 }), label).toHaveText(p.heading(fixture));
      } else if (visitor.user === null) {
        await expect(page, label).toHaveURL(/\/(en|zh)\/sign-in/);
      } else {
        expect(res?.status(), label).toBe(404);
      }
      if (!allowed && p.secret) expect(await page.content(), label).not.toContain(p.secret(fixture));
    }
  });
}

test("the admin navigation shows each role only what it may open", async ({ page, context }) => {
  const { visitors } = await adminWalkFixture();
  await signInAs(context, visitors.support.user!);
  await page.goto("/en/admin");
  const nav = page.getByRole("navigation", { name: "Admin sections" });
  for (const name of ["Dashboard", "Connection requests", "Support tickets", "Onboarding reviews", "Invitations", "Audit log", "Mail log"])
    await expect(nav.getByRole("link", { name })).toBeVisible();
  for (const name of ["Customer directory", "Staff accounts"]) await expect(nav.getByRole("link", { name })).toHaveCount(0);
  await expect(page.getByTestId("count-pendingRequests")).toBeVisible();

  await context.clearCookies();
  await signInAs(context, visitors.administrator.user!);
  await page.goto("/en/admin");
  for (const name of ["Dashboard", "Invitations", "Customer directory", "Audit log", "Mail log", "Staff accounts"])
    await expect(nav.getByRole("link", { name })).toBeVisible();
});

test("zh: an administrator adds a customer alias and a supplier's directory search finds the customer by it", async ({ page, context }) => {
  const { makeCustomer } = await factories();
  const customer = await makeCustomer({ name: `Harbourline Logistics ${unique()}` });
  const alias = `海港物流${unique()}`;
  await signInAs(context, await staffUser("administrator@supplier-connect.test"));

  await page.goto("/zh/admin/customers");
  await page.getByRole("searchbox", { name: "按名称、别名、编号或域名搜索" }).fill(customer.name);
  await page.getByRole("button", { name: "筛选" }).click();
  await page.getByRole("link", { name: customer.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer.name);

  // Bad input first: a free-mail domain is refused with a Chinese message and nothing is saved.
  await page.getByRole("textbox", { name: "邮箱域名" }).fill("qq.com");
  await page.getByRole("button", { name: "添加别名" }).click();
  await page.getByLabel("别名 1", { exact: true }).fill(alias);
  await page.getByLabel("别名 1 的类型").selectOption("CHINESE");
  await submit(page, page.getByRole("button", { name: "保存更改" }));
  await expect(page.getByTestId("error-domains")).toHaveText("免费邮箱域名（如 gmail.com 或 qq.com）不能属于客户。");
  const { searchDirectory } = await import("@/features/customer-search/search");
  expect(await searchDirectory(alias)).toEqual([]);

  await page.getByRole("textbox", { name: "邮箱域名" }).fill("Harbourline.example");
  await submit(page, page.getByRole("button", { name: "保存更改" }));
  await expect(page.getByRole("status").filter({ hasText: "更改已保存。" })).toBeVisible();

  // A second save on the same page works (the form picked up the new version) and keeps the first one.
  await page.getByRole("textbox", { name: "中文名称" }).fill("海港物流集团");
  await submit(page, page.getByRole("button", { name: "保存更改" }));
  await expect(page.getByRole("status").filter({ hasText: "更改已保存。" })).toBeVisible();
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  expect((await (await db()).customer.findUniqueOrThrow({ where: { id: customer.id } })).nameZh).toBe("海港物流集团");

  const hits = await searchDirectory(alias);
  expect(hits.map((h) => h.id)).toEqual([customer.id]);
  const saved = await (await db()).customer.findUniqueOrThrow({ where: { id: customer.id }, include: { aliases: true, domains: true } });
  expect(saved.aliases.map((a) => [a.name, a.kind])).toEqual([[alias, "CHINESE"]]);
  expect(saved.domains.map((d) => d.domain)).toEqual(["harbourline.example"]);

  // The change is in the audit log with who did it.
  await page.getByRole("link", { name: "该客户的变更记录" }).click();
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("customer.updated");
  // The action and the object type in the reader's language, not as model names.
  await expect(row.getByRole("cell").nth(2)).toContainText("已更新客户");
  await expect(row.getByRole("cell").nth(3)).toContainText("客户");
  await expect(row.getByRole("cell").nth(3)).not.toContainText("Customer");
  await expect(page.getByLabel("对象类型").locator("option:checked")).toHaveText("客户");
  await expect(row).toContainText("administrator@supplier-connect.test");
});

test("an administrator builds onboarding requirements in the editor; problems are listed before saving", async ({ page, context }) => {
  await signInAs(context, await staffUser("administrator@supplier-connect.test"));
  const name = `Editor Test Customer ${unique()}`;
  await page.goto("/en/admin/customers/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add step" }).click();
  const problems = page.getByTestId("requirements-problems");
  await expect(problems).toContainText("Step 1: the title in English is missing.");
  await expect(problems).toContainText("Step 1, field 1: the label in Chinese is missing.");
  await page.getByLabel("Title (English)").fill("Bank details");
  await page.getByLabel("Title (Chinese)").fill("银行信息");
  await page.getByLabel("Label (English)").fill("IBAN");
  await page.getByLabel("Label (Chinese)").fill("国际银行账号");
  await page.getByLabel("Type").selectOption("iban");
  await page.getByLabel("Kind", { exact: true }).selectOption("payment");
  await expect(problems).toBeEmpty();
  await page.getByRole("radio", { name: /Own domain, invited before/ }).check();
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/customers\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const saved = await (await db()).customer.findFirstOrThrow({ where: { name } });
  expect(saved.autoApproveRule).toBe("OWN_DOMAIN_INVITED");
  expect(JSON.parse(saved.requirements)).toEqual([
    {
      key: "step1",
      kind: "payment",
      title: { en: "Bank details", zh: "银行信息" },
      fields: [{ key: "field1", type: "iban", label: { en: "IBAN", zh: "国际银行账号" }, required: true }],
    },
  ]);
});

test("an administrator creates a support account; the emailed link sets the password and the new colleague signs in", async ({ page, context }) => {
  await signInAs(context, await staffUser("administrator@supplier-connect.test"));
  const email = `new-support-${unique()}@supplier-connect.test`;
  await page.goto("/en/admin/staff");
  await page.getByRole("link", { name: "New staff account" }).click();
  // The staff page has an email field of its own (second-factor reset): wait for the new-account form.
  await expect(page).toHaveURL(/\/en\/admin\/staff\/new$/);
  await page.getByRole("textbox", { name: "Email" }).fill("not-an-email");
  await page.getByRole("textbox", { name: "Name" }).fill("Sky Support");
  await page.getByLabel("Language of emails").selectOption("zh");
  await page.getByRole("radio", { name: /^Administrator/ }).check();
  await submit(page, page.getByRole("button", { name: "Create account" }));
  await expect(page.getByTestId("error-email")).toHaveText("Enter a valid email address, such as name@company.com.");
  // Choices survive the error.
  await expect(page.getByLabel("Language of emails")).toHaveValue("zh");
  await expect(page.getByRole("radio", { name: /^Administrator/ })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Sky Support");
  await page.getByLabel("Language of emails").selectOption("en");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("radio", { name: /^Support/ }).check();
  // On success the form is replaced by a confirmation.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("a link to set the password was emailed");

  await page.goto("/en/admin/staff");
  const row = page.getByTestId("staff-row").filter({ hasText: email });
  await expect(row.getByTestId("staff-role")).toHaveText("Support");
  await expect(row.getByTestId("staff-status")).toHaveText("Active");

  const mail = await waitForMail(email, /staff account/);
  await context.clearCookies();
  await page.goto(linkIn(mail));
  await page.getByLabel("New password", { exact: true }).fill("Quiet-meadow-31");
  await page.getByLabel("Confirm new password").fill("Quiet-meadow-31");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.goto("/en/sign-in?next=/en/admin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("Quiet-meadow-31");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Staff enrol a second factor before the admin pages open.
  await expect(page).toHaveURL(/\/en\/two-factor\?required=1$/);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const { totpCode } = await import("@/features/second-factor/totp");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await expect(page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Staff accounts" })).toHaveCount(0);
});

test("an administrator deactivates, reactivates and promotes a staff account; nobody changes their own", async ({ page, context }) => {
  const client = await db();
  const { createStaffUser } = await import("@/features/accounts/service");
  const target = await createStaffUser({
    email: `leaving-${unique()}@supplier-connect.test`,
    name: "Leaving Soon",
    password: "Harbour-lights-7",
    role: "SUPPORT",
  });
  const admin = await staffUser("administrator@supplier-connect.test");
  await signInAs(context, admin);
  await page.goto("/en/admin/staff");
  await expect(page.getByTestId("staff-row").filter({ hasText: admin.email })).toContainText("This is your account");
  const row = page.getByTestId("staff-row").filter({ hasText: target.email });
  // The button is replaced by its opposite once the action answered.
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByTestId("staff-status")).toHaveText("Deactivated");
  expect(await client.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: "DEACTIVATED", sessionVersion: target.sessionVersion + 1 });

  await row.getByRole("button", { name: "Reactivate" }).click();
  await expect(row.getByTestId("staff-status")).toHaveText("Active");
  await row.getByLabel("Role of Leaving Soon").selectOption("ADMINISTRATOR");
  await submit(page, row.getByRole("button", { name: "Change role" }));
  await expect(row.getByTestId("staff-role")).toHaveText("Administrator");
  const events = await client.auditEvent.findMany({ where: { entityId: target.id, actorId: admin.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((e) => e.action)).toEqual(["staff.deactivated", "staff.reactivated", "staff.role_changed"]);
});
