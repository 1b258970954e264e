/**
 * Two app instances on one PostgreSQL database (runs only with E2E_DATABASE_URL,
 * see playwright.config.ts). The balancer (support/round-robin.ts) sends a
 * request carrying `X-E2E-Instance: <i>` to instance i and names the instance
 * in every answer, so each step below runs where the test says and checks it.
 * Nothing that decides a rule may live in one process's memory: the session,
 * the failed-attempt count and the used CAPTCHA all have to be seen by the
 * other instance.
 */
import type { Page, Response } from "@playwright/test";
import { INSTANCE_HEADER } from "./support/env";
import { db, expect, factories, test, unique } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";

/** Sends every following request of the page to instance `i`. */
async function on(page: Page, i: 0 | 1) {
  await page.setExtraHTTPHeaders({ [INSTANCE_HEADER]: String(i) });
}

/** Runs `act` and answers which instance served the first POST it caused. */
async function postServedBy(page: Page, act: () => Promise<unknown>, path?: RegExp): Promise<string | undefined> {
  const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && (!path || path.test(new URL(r.url()).pathname))), act()]);
  return res.headers()[INSTANCE_HEADER];
}

const instanceOf = (res: Response | null) => res?.headers()[INSTANCE_HEADER];

test("signed in on one instance, the request dialog on the other; a CAPTCHA solved on one is spent on the other, and only once", async ({ page }) => {
  const f = await factories();
  const client = await db();
  const u = unique();
  const s = await f.makeSupplier({ companyName: `Twin Harbour Supply ${u}`, email: `twin-${u}@twin-${u}.test` });
  const first = await f.makeCustomer({ name: `Brightwater Mills ${u}` });
  const second = await f.makeCustomer({ name: `Copperfield Looms ${u}` });

  // Sign in through the form on instance 0.
  await on(page, 0);
  expect(instanceOf(await page.goto("/en/sign-in"))).toBe("0");
  await page.getByLabel("Email").fill(s.email);
  await page.getByLabel("Password").fill(PASSWORD);
  expect(await postServedBy(page, () => page.getByRole("button", { name: "Sign in", exact: true }).click())).toBe("0");
  await expect(page).toHaveURL(/\/en\/home$/);

  // Instance 1 knows the session (signed token + the session row in the shared database).
  await on(page, 1);
  expect(instanceOf(await page.goto("/en/setup/requests"))).toBe("1");
  await expect(page.getByRole("heading", { level: 1, name: "Request a Customer Connection" })).toBeVisible();

  /** Opens the dialog, searches and chooses `name`, fills the contact and waits for the solved CAPTCHA; answers the challenge's instance and the payload. */
  async function prepareRequest(name: string, contact: string) {
    const challenge = page.waitForResponse((r) => r.url().includes("/setup/requests/captcha"));
    await page.getByRole("button", { name: "Don't see the customer you're looking for?" }).click();
    const dialog = page.getByRole("dialog", { name: "Search for a customer" });
    const combo = dialog.getByRole("combobox", { name: "Customer Name" });
    await combo.fill(name);
    expect(await postServedBy(page, () => combo.press("Enter"))).toBe("1");
    await expect(dialog.getByRole("listbox").getByRole("option")).toHaveCount(1);
    await combo.press("ArrowDown");
    await combo.press("Enter");
    await expect(dialog.getByTestId("selected-customer")).toContainText(name);
    const email = dialog.getByRole("textbox", { name: "Customer Contact" });
    await email.fill(contact);
    // Leaving the field checks the address (a POST of its own): let it answer before the next step.
    expect(await postServedBy(page, () => email.blur())).toBe("1");
    await expect(dialog.locator('input[name="captcha"]')).toHaveValue(/.{20,}/, { timeout: 30_000 });
    await dialog.getByRole("checkbox", { name: /I confirm by sending this request/ }).check();
    return { dialog, challengeFrom: instanceOf(await challenge), payload: await dialog.locator('input[name="captcha"]').inputValue() };
  }

  // The CAPTCHA is issued and solved on instance 1 and spent on instance 0.
  const one = await prepareRequest(first.name, `buyer@brightwater-${u}.test`);
  expect(one.challengeFrom).toBe("1");
  await on(page, 0);
  expect(await postServedBy(page, () => one.dialog.getByRole("button", { name: "Request", exact: true }).click(), /setup\/requests$/)).toBe("0");
  await expect(one.dialog).toBeHidden();
  await expect(page.getByTestId("notice")).toContainText("Your request was sent");
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(1);

  // The same solved CAPTCHA sent again, now to instance 1, is refused: the use was recorded in the shared database.
  await on(page, 1);
  const two = await prepareRequest(second.name, `buyer@copperfield-${u}.test`);
  expect(two.payload).not.toBe(one.payload);
  let replaced = false;
  await page.route(
    (url) => url.pathname === "/en/setup/requests",
    async (route) => {
      const body = route.request().postData();
      if (route.request().method() !== "POST" || replaced || !body?.includes(two.payload)) return route.fallback();
      replaced = true;
      await route.continue({ postData: body.replace(two.payload, one.payload) });
    },
  );
  expect(await postServedBy(page, () => two.dialog.getByRole("button", { name: "Request", exact: true }).click(), /setup\/requests$/)).toBe("1");
  expect(replaced).toBe(true);
  await expect(two.dialog.getByTestId("error-captcha")).toHaveText("The verification failed or was already used. Please verify again.");
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(1);

  // The widget fetched and solved a fresh challenge; with it the request goes through, on instance 0.
  await expect(two.dialog.locator('input[name="captcha"]')).not.toHaveValue(two.payload, { timeout: 30_000 });
  await expect(two.dialog.getByTestId("captcha-progress")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await on(page, 0);
  expect(await postServedBy(page, () => two.dialog.getByRole("button", { name: "Request", exact: true }).click(), /setup\/requests$/)).toBe("0");
  await expect(two.dialog).toBeHidden();
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(2);
});

test("zh: failed sign-ins split between the two instances lock the account on both", async ({ page }) => {
  const f = await factories();
  const client = await db();
  const s = await f.makeSupplier({ email: `split-${unique()}@split-${unique()}.test`, locale: "zh" });
  await on(page, 0);
  await page.goto("/zh/sign-in");
  const email = page.getByLabel("电子邮件");
  const password = page.getByLabel("密码");
  const signIn = page.getByRole("button", { name: "登录", exact: true });

  // Five wrong passwords (the limit), alternating 0, 1, 0, 1, 0: neither instance alone saw five.
  for (let i = 0; i < 5; i++) {
    const instance = (i % 2) as 0 | 1;
    await on(page, instance);
    await email.fill(s.email);
    await password.fill(`Wrong-pass-${i}`);
    expect(await postServedBy(page, () => signIn.click())).toBe(String(instance));
    await expect(page.getByTestId("form-error")).toHaveText("电子邮件或密码不正确。");
    await expect(signIn).toBeEnabled();
  }
  expect((await client.user.findUniqueOrThrow({ where: { id: s.userId } })).lockedUntil).not.toBeNull();

  // Locked on both: even the right password is refused, with the lock message, wherever it lands.
  for (const instance of [1, 0] as const) {
    await on(page, instance);
    await email.fill(s.email);
    await password.fill(PASSWORD);
    expect(await postServedBy(page, () => signIn.click())).toBe(String(instance));
    await expect(page.getByTestId("form-error")).toHaveText(/失败次数过多/);
    await expect(signIn).toBeEnabled();
  }
  await expect(page).toHaveURL(/\/zh\/sign-in/);
});
