import { db, expect, factories, test, unique } from "./support/fixtures";

// A form sent before the page's scripts have loaded (or with JavaScript off) is a plain HTML
// POST. The one-time-link pages keep their token out of other sites' Referer headers; the policy
// that does it must still let the browser send this page's Origin, or the CSRF check refuses the post.
test("zh: with JavaScript off, the invitation's registration form posts and shows the localised result, not 403", async ({ browser }) => {
  const { makeCustomer } = await factories();
  const prisma = await db();
  const customer = await makeCustomer({ name: `Quiet Valley Mills ${unique()}` });
  const email = `no-script-${unique()}@valley-${unique()}.test`;
  const { createInvitation } = await import("@/features/customer-invitations/staff");
  const res = await createInvitation({ customerId: customer.id, email, locale: "zh", message: "" }, { type: "SYSTEM" });
  if (!res.ok || !res.link) throw new Error("invitation not created");

  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` },
  });
  const page = await context.newPage();
  const posts: number[] = [];
  page.on("response", (r) => {
    if (r.request().method() === "POST") posts.push(r.status());
  });
  await page.goto(new URL(res.link).pathname);
  await expect(page.getByTestId("invite-title")).toBeVisible();

  // A weak password: the server answers with the page again and the field's message in Chinese.
  await page.getByLabel("公司名称").fill("静谷磨坊");
  await page.getByLabel("您的姓名").fill("林静");
  await page.getByLabel("密码", { exact: true }).fill("password1");
  await page.getByRole("button", { name: "创建账户并连接" }).click();
  await expect(page.getByTestId("error-password")).toContainText("此密码过于常见");
  expect(await prisma.user.count({ where: { email } })).toBe(0);

  await page.getByLabel("公司名称").fill("静谷磨坊");
  await page.getByLabel("您的姓名").fill("林静");
  await page.getByLabel("密码", { exact: true }).fill("Harbour-lights-7");
  await page.getByRole("button", { name: "创建账户并连接" }).click();
  await expect(page).toHaveURL(/\/zh\/invite\/[A-Za-z0-9_-]{43}\/done$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`您已与 ${customer.name} 建立连接`);
  expect(posts.length).toBeGreaterThanOrEqual(2);
  expect(posts.filter((s) => s === 403)).toEqual([]);
  expect(await prisma.user.count({ where: { email } })).toBe(1);
  await context.close();
});
