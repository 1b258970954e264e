import { expect, factories, linkIn, submit, test, unique, waitForMail } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";

for (const lng of ["en", "zh"] as const) {
  const text = {
    en: {
      signIn: "Sign in",
      create: "Create account",
      signOut: "Sign out",
      invalid: "The email or password is incorrect.",
      tooMany: /Too many failed attempts/,
      forgot: "Forgot password?",
      sendLink: "Send reset link",
      sent: /If an account exists/,
      newPw: "New password",
      confirmPw: "Confirm new password",
      change: "Change password",
      done: /Your password has been changed/,
      required: "This field is required.",
      weak: "This password is too common",
      email: "Enter a valid email address",
      welcome: /Welcome/,
      checkMail: "Check your email",
      confirmSubject: /Confirm your Supplier Connect account/,
      confirm: "Create my account",
    },
    zh: {
      signIn: "登录",
      create: "创建账户",
      signOut: "退出登录",
      invalid: "电子邮件或密码不正确。",
      tooMany: /失败次数过多/,
      forgot: "忘记密码?",
      sendLink: "发送重置链接",
      sent: /如果该电子邮件存在账户/,
      newPw: "新密码",
      confirmPw: "确认新密码",
      change: "更改密码",
      done: /您的密码已更改/,
      required: "此栏位为必填项。",
      weak: "此密码过于常见",
      email: "请输入有效的电子邮件地址",
      welcome: /欢迎/,
      checkMail: "请查收电子邮件",
      confirmSubject: /确认您的 Supplier Connect 账户/,
      confirm: "创建我的账户",
    },
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
      // The same answer for every address: the account comes from the emailed link.
      await expect(page.getByTestId("sign-up-sent")).toContainText(text.checkMail);
      const mail = await waitForMail(email, text.confirmSubject);
      await page.goto(linkIn(mail));
      await page.getByRole("button", { name: text.confirm }).click();
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

test("sign-up on a registered domain answers as usual; the email offers to join or to create a separate company", async ({ page }) => {
  const { makeSupplier } = await factories();
  const domain = `taken-${unique()}.test`;
  await makeSupplier({ email: `first@${domain}`, companyName: "Existing Domain Co" });
  const email = `second@${domain}`;
  await page.goto("/zh/sign-up");
  await page.getByLabel("公司名称").fill("Second Co");
  await page.getByLabel("您的姓名").fill("Second Person");
  await page.getByLabel("工作电子邮件").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("首选语言").selectOption("en");
  await page.getByRole("button", { name: "创建账户" }).click();
  // Nothing on the page says the domain (or the address) is known.
  await expect(page.getByTestId("sign-up-sent")).toContainText("请查收电子邮件");
  await expect(page.locator("body")).not.toContainText("Existing Domain Co");

  // The email (in the account's chosen language) carries the choices.
  const mail = await waitForMail(email, /may already use Supplier Connect/);
  expect(mail.text).toContain("Existing Domain Co");
  const separate = new URL(mail.text.match(/https?:\/\/\S+choice=separate/)![0]);
  await page.goto(separate.pathname + separate.search);
  await expect(page.getByRole("button", { name: "Ask to join Existing Domain Co" })).toBeVisible();
  await page.getByRole("button", { name: "Create Second Co as a separate company" }).click();
  // The account's language is the one chosen in the form.
  await expect(page).toHaveURL(/\/en\/home$/);
});

test("sign-up with a registered address answers as usual; the email offers sign-in and a reset", async ({ page }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `owner-${unique()}@known-${unique()}.test` });
  await page.goto("/en/sign-up");
  await page.getByLabel("Company name").fill("Another Co");
  await page.getByLabel("Your name").fill("Someone");
  await page.getByLabel("Work email").fill(s.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("sign-up-sent")).toContainText("Check your email");
  const mail = await waitForMail(s.email, /already have a Supplier Connect account/);
  expect(mail.text).toMatch(/Sign in: http:\/\/\S+\/en\/sign-in/);
  expect(mail.text).toMatch(/Reset my password: http:\/\/\S+\/en\/forgot-password/);
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
  // The saved choice wins over the browser's language, also once the page has settled (a prefetch of the
  // other language's link must not change it).
  await page.waitForLoadState("networkidle");
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await context.close();
});
