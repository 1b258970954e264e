import { expect, factories, linkIn, submit, test, unique, waitForMail } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";

for (const lng of ["en", "zh"] as const) {
  const text = {
    en: { signIn: "Sign in", create: "Create account", signOut: "Sign out", invalid: "The email or password is incorrect.", tooMany: /Too many failed attempts/, forgot: "Forgot password?", sendLink: "Send reset link", sent: /If an account exists/, newPw: "New password", confirmPw: "Confirm new password", change: "Change password", done: /Your password has been changed/, required: "This field is required.", weak: "This password is too common", email: "Enter a valid email address", welcome: /Welcome/ },
    zh: { signIn: "登录", create: "创建账户", signOut: "退出登录", invalid: "电子邮件或密码不正确。", tooMany: /失败次数过多/, forgot: "忘记密码?", sendLink: "发送重置链接", sent: /如果该电子邮件存在账户/, newPw: "新密码", confirmPw: "确认新密码", change: "更改密码", done: /您的密码已更改/, required: "此栏位为必填项。", weak: "此密码过于常见", email: "请输入有效的电子邮件地址", welcome: /欢迎/ },
  }[lng];

  test.describe(`accounts (${lng})`, () => {
    test("create account, sign out, sign in, wrong password", async ({ page }) => {
      const email = `owner-${unique()}@acct-${unique()}.test`;
      await page.goto(`/${lng}/sign-up`);

      // Empty and malformed input: field messages, nothing created.
      await page.getByRole("button", { name: text.create }).click();
      await expect(page.getByTestId("error-companyName")).toHaveText(text.required);
      await expect(page.getByTestId("error-email")).toHaveText(text.required);
      await page.getByLabel(lng === "en" ? "Company name" : "公司名称").fill("Lakeview Fasteners");
      await page.getByLabel(lng === "en" ? "Your name" : "您的姓名").fill("Lee Owner");
      await page.getByLabel(lng === "en" ? "Work email" : "工作电子邮件").fill("not-an-email");
      await page.getByLabel(lng === "en" ? "Password" : "密码", { exact: true }).fill("password1");
      await page.getByRole("button", { name: text.create }).click();
      await expect(page.getByTestId("error-email")).toContainText(text.email);
      await expect(page.getByTestId("error-password")).toContainText(text.weak);
      // Values survive the round trip (except the password).
      await expect(page.getByLabel(lng === "en" ? "Company name" : "公司名称")).toHaveValue("Lakeview Fasteners");

      await page.getByLabel(lng === "en" ? "Work email" : "工作电子邮件").fill(email);
      await page.getByLabel(lng === "en" ? "Password" : "密码", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: text.create }).click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/home$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.welcome);

      await page.getByTestId("user-menu").click();
      await page.getByRole("button", { name: text.signOut }).click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/sign-in`));
      // Signed out: protected pages send us back to sign-in.
      await page.goto(`/${lng}/setup/customers`);
      await expect(page).toHaveURL(new RegExp(`/${lng}/sign-in`));

      await page.getByLabel(text.signIn === "Sign in" ? "Email" : "电子邮件").fill(email);
      await page.getByLabel(lng === "en" ? "Password" : "密码").fill("Wrong-pass-1");
      await page.getByRole("button", { name: text.signIn, exact: true }).click();
      await expect(page.getByTestId("form-error")).toHaveText(text.invalid);

      await page.getByLabel(lng === "en" ? "Password" : "密码").fill(PASSWORD);
      await page.getByRole("button", { name: text.signIn, exact: true }).click();
      // Back to the page we asked for before signing in.
      await expect(page).toHaveURL(new RegExp(`/${lng}/setup/customers$`));
    });

    test("unknown email gets the same message; lockout after repeated failures", async ({ page }) => {
      const { makeSupplier } = await factories();
      const s = await makeSupplier({ email: `locked-${unique()}@lock-${unique()}.test` });
      await page.goto(`/${lng}/sign-in`);
      const email = page.getByLabel(lng === "en" ? "Email" : "电子邮件");
      const password = page.getByLabel(lng === "en" ? "Password" : "密码");
      const signIn = page.getByRole("button", { name: text.signIn, exact: true });

      await email.fill(`nobody-${unique()}@lock.test`);
      await password.fill(PASSWORD);
      await submit(page, signIn);
      await expect(page.getByTestId("form-error")).toHaveText(text.invalid);

      for (let i = 0; i < 5; i++) {
        await email.fill(s.email);
        await password.fill(`Wrong-pass-${i}`);
        await submit(page, signIn);
        await expect(page.getByTestId("form-error")).toHaveText(text.invalid);
      }
      await email.fill(s.email);
      await password.fill(PASSWORD);
      await submit(page, signIn);
      await expect(page.getByTestId("form-error")).toHaveText(text.tooMany);
    });

    test("forgot password: emailed link, new password, sign in", async ({ page }) => {
      const { makeSupplier } = await factories();
      const s = await makeSupplier({ email: `forgot-${unique()}@reset-${unique()}.test`, locale: lng });
      await page.goto(`/${lng}/sign-in`);
      await page.getByRole("link", { name: text.forgot }).click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/forgot-password$`));
      await page.getByLabel(lng === "en" ? "Email" : "电子邮件").fill(s.email.toUpperCase());
      await page.getByRole("button", { name: text.sendLink }).click();
      await expect(page.getByRole("status")).toContainText(text.sent);

      const mail = await waitForMail(s.email);
      expect(mail.subject).toBe(lng === "en" ? "Reset your Supplier Connect password" : "重置您的 Supplier Connect 密码");
      const link = linkIn(mail);
      await page.goto(link);
      await page.getByLabel(text.newPw, { exact: true }).fill("abc");
      await page.getByLabel(text.confirmPw).fill("abc");
      await page.getByRole("button", { name: text.change }).click();
      await expect(page.getByTestId("error-password")).toBeVisible();
      await page.getByLabel(text.newPw, { exact: true }).fill("Fresh-harbour-9");
      await page.getByLabel(text.confirmPw).fill("Fresh-harbour-9");
      await page.getByRole("button", { name: text.change }).click();
      await expect(page.getByRole("status")).toContainText(text.done);

      await page.getByLabel(lng === "en" ? "Email" : "电子邮件").fill(s.email);
      await page.getByLabel(lng === "en" ? "Password" : "密码").fill("Fresh-harbour-9");
      await page.getByRole("button", { name: text.signIn, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${lng}/home$`));

      // The link works once.
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lng === "en" ? "This reset link no longer works" : "此重置链接已失效");
    });
  });
}

test("sign-up warns when the email's domain already has a company, and can go on", async ({ page }) => {
  const { makeSupplier } = await factories();
  const domain = `taken-${unique()}.test`;
  await makeSupplier({ email: `first@${domain}`, companyName: "Existing Domain Co" });
  await page.goto("/zh/sign-up");
  await page.getByLabel("公司名称").fill("Second Co");
  await page.getByLabel("您的姓名").fill("Second Person");
  await page.getByLabel("工作电子邮件").fill(`second@${domain}`);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("首选语言").selectOption("en");
  await submit(page, page.getByRole("button", { name: "创建账户" }));
  await expect(page.getByTestId("form-error")).toContainText("Existing Domain Co 已使用此电子邮件域名");
  // What the user chose survives the refused submit.
  await expect(page.getByLabel("首选语言")).toHaveValue("en");
  await expect(page).toHaveURL(/\/zh\/sign-up$/);
  await page.getByLabel("我的公司是另一家公司").check();
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "创建账户" }).click();
  // The account's language is the one chosen in the form.
  await expect(page).toHaveURL(/\/en\/home$/);
});

test("language: / follows the browser, the switcher changes and remembers it", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/zh\/sign-in/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
  await page.getByTestId("lang-en").click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The saved choice wins over the browser's language.
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await context.close();
});
