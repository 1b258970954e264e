import type { Page } from "@playwright/test";
import { db, expect, factories, signInAs, submit, test, unique } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";

async function totpCode(secret: string, at = Date.now()) {
  return (await import("@/features/second-factor/totp")).totpCode(secret, at);
}

/** A virtual authenticator in this page's browser (CDP), holding resident keys and verifying the user. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a supplier enrols an authenticator app from the QR page and gets ten recovery codes once", async ({ page, context }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier();
  await signInAs(context, { id: s.userId, email: s.email, name: "Ada Admin" });
  await page.goto("/en/profile/security");
  await page.getByTestId("two-factor-link").click();
  await expect(page).toHaveURL(/\/en\/two-factor$/);
  await expect(page.getByTestId("mfa-status")).toContainText("off");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const enrolment = page.getByTestId("totp-enrolment");
  await expect(enrolment.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from the app").fill("000000" === (await totpCode(secret)) ? "111111" : "000000");
  await submit(page, page.getByRole("button", { name: "Turn on" }));
  await expect(page.getByTestId("form-error")).toContainText("That code is not right");

  await page.getByLabel("Code from the app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: s.userId }, include: { totp: true } });
  expect(user.secondFactorSince).not.toBeNull();
  expect(user.totp!.secret).not.toContain(secret);

  // Shown once: the page afterwards says how many are left, never the codes.
  await page.goto("/en/two-factor");
  await expect(page.getByTestId("mfa-status")).toContainText("on");
  await expect(page.getByTestId("recovery-left")).toContainText("10 unused recovery codes");
  await expect(page.getByTestId("recovery-code")).toHaveCount(0);
});

test("sign-in with a password then an authenticator code; a wrong code is refused with a message", async ({ page }) => {
  const { makeSupplier, enrolTotp, TEST_TOTP_SECRET } = await factories();
  const s = await makeSupplier();
  await enrolTotp(s.userId);
  await signInWithPassword(page, s.email);
  await expect(page).toHaveURL(/\/en\/sign-in\/verify/);
  // Nothing is signed in yet.
  expect((await page.goto("/en/home"))?.url()).toMatch(/\/en\/sign-in/);
  await page.goto("/en/sign-in/verify");
  await page.getByLabel(/Code from your authenticator app/).fill("12345x");
  await submit(page, page.getByRole("button", { name: "Verify" }));
  await expect(page.getByTestId("error-code")).toBeVisible();
  const good = await totpCode(TEST_TOTP_SECRET);
  const wrong = good === "000000" ? "111111" : "000000";
  await page.getByLabel(/Code from your authenticator app/).fill(wrong);
  await submit(page, page.getByRole("button", { name: "Verify" }));
  await expect(page.getByTestId("form-error")).toContainText("That code is not right");
  await page.getByLabel(/Code from your authenticator app/).fill(good);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/en\/home$/);
  expect((await (await db()).user.findUniqueOrThrow({ where: { id: s.userId } })).failedSignIns).toBe(0);
});

test("staff must enrol before the admin pages open; a recovery code signs in once", async ({ page, context }) => {
  const { createStaffUser } = await import("@/features/accounts/service");
  const staff = await createStaffUser({ email: `staff-${unique()}@mfa.test`, name: "Sam Staff", password: PASSWORD, role: "SUPPORT", locale: "zh" });
  await signInAs(context, staff, { enrol: false });
  await page.goto("/zh/admin/requests");
  await expect(page).toHaveURL(/\/zh\/two-factor\?required=1$/);
  await expect(page.getByTestId("enrol-required")).toContainText("员工账户必须先设置两步验证");
  await page.getByRole("button", { name: "设置身份验证器应用" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("应用中的验证码").fill(await totpCode(secret));
  await page.getByRole("button", { name: "开启" }).click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-code").allTextContents();
  await page.goto("/zh/admin");
  await expect(page.getByRole("navigation", { name: "管理板块" })).toBeVisible();
  await expect(page).toHaveURL(/\/zh\/admin$/);

  // Lost the phone: a recovery code signs in, once.
  await context.clearCookies();
  for (const attempt of [0, 1]) {
    await page.goto("/en/sign-in");
    await page.getByLabel("Email").fill(staff.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/sign-in\/verify/);
    await page.getByLabel(/Code from your authenticator app/).fill(codes[0]);
    if (attempt === 0) {
      await page.getByRole("button", { name: "Verify" }).click();
      await expect(page).toHaveURL(/\/en$|\/en\/admin$/);
      await context.clearCookies();
    } else {
      await submit(page, page.getByRole("button", { name: "Verify" }));
      await expect(page.getByTestId("form-error")).toContainText("already used");
    }
  }
});

test("passkeys: added and named on the two-factor page, then sign in without a password", async ({ page, context }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier();
  await virtualAuthenticator(page);
  await signInAs(context, { id: s.userId, email: s.email, name: "Ada Admin" });
  await page.goto("/en/two-factor");
  await page.getByLabel(/Name of this passkey/).fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByTestId("passkey")).toHaveCount(1);
  await expect(page.getByTestId("passkey")).toContainText("Work laptop");
  await expect(page.getByTestId("mfa-status")).toContainText("on");

  await context.clearCookies();
  await page.goto("/en/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/en\/home$/);
  const audit = await (await db()).auditEvent.findFirstOrThrow({ where: { entityId: s.userId, action: "user.signed_in" }, orderBy: { createdAt: "desc" } });
  expect(JSON.parse(audit.after!)).toMatchObject({ factor: "passkey", passwordless: true });

  // As a second factor after the password, too.
  await context.clearCookies();
  await signInWithPassword(page, s.email);
  await expect(page).toHaveURL(/\/en\/sign-in\/verify/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/en\/home$/);
});

test("a bank change with a stale check asks for the password first, then saves", async ({ page, context }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier();
  await signInAs(context, { id: s.userId, email: s.email, name: "Ada Admin" });
  // The session's last check was eleven minutes ago.
  await (await db()).session.updateMany({ where: { userId: s.userId }, data: { verifiedAt: new Date(Date.now() - 11 * 60_000) } });
  await page.goto("/en/profile");
  const bankForm = () => page.locator("form").filter({ has: page.getByLabel("Bank name") });
  await bankForm().getByLabel("Bank name").fill("Harbour Bank");
  await bankForm().getByLabel("Account holder").fill("Ada Admin");
  await bankForm().getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/en\/verify-identity\?next=%2Fen%2Fprofile/);
  expect(await (await db()).supplierPrivateSection.count({ where: { supplierId: s.supplierId, section: "BANK" } })).toBe(0);
  await page.getByLabel("Password").fill("Wrong-password-9");
  await submit(page, page.getByRole("button", { name: "Continue" }));
  await expect(page.getByTestId("form-error")).toContainText("did not match");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/en\/profile$/);
  await bankForm().getByLabel("Bank name").fill("Harbour Bank");
  await bankForm().getByLabel("Account holder").fill("Ada Admin");
  await bankForm().getByRole("button", { name: "Save" }).click();
  await expect.poll(async () => (await db()).supplierPrivateSection.count({ where: { supplierId: s.supplierId, section: "BANK" } })).toBe(1);
});
