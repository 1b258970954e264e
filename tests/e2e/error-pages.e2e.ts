import { db, expect, factories, serverLogLines, serverLogMark, signInAs, test, unique } from "./support/fixtures";

/**
 * An unexpected failure shows the area's localised error page with a
 * reference id, and the server log has that id on exactly one line.
 * `/<lng>/test-error` fails on purpose and exists only with APP_ENV=test.
 */
async function supplierSession(context: Parameters<typeof signInAs>[0]) {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `errors-${unique()}@errors-${unique()}.test` });
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: s.userId } });
  await signInAs(context, user);
}

// The failing page answers 500 on purpose: these tests check it instead of failing on it.
test.use({ allowedServerErrors: /\/(en|zh)\/test-error$/ });

for (const [lng, title, back] of [
  ["en", "Something went wrong", "Go to the home page"],
  ["zh", "出错了", "返回首页"],
] as const) {
  test(`an exception shows the localised error page (${lng}) and its reference id is in the server log once`, async ({ page, context }) => {
    await supplierSession(context);
    const mark = serverLogMark();
    const res = await page.goto(`/${lng}/test-error`);
    expect(res?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const reference = (await page.getByTestId("error-reference").textContent())?.match(/([0-9a-z]{6,})\s*$/)?.[1];
    expect(reference, "a reference id on the page").toBeTruthy();
    await expect(page.getByRole("link", { name: back })).toHaveAttribute("href", `/${lng}/home`);
    // The portal shell is still there: the error page sits inside the area's layout.
    await expect(page.getByTestId("notifications-count")).toBeVisible();

    await expect.poll(() => serverLogLines(mark, reference!).length).toBe(1);
    const line = JSON.parse(serverLogLines(mark, reference!)[0]);
    expect(line).toMatchObject({ level: "error", reference, routeType: "render" });
    expect(line.err.message).toContain("Deliberate failure");
    expect(JSON.stringify(line), "emails are masked in the log").not.toContain("qa.person@example.com");
  });
}

test("not-found pages in each area, in English and Chinese, with a way back", async ({ page, context }) => {
  await supplierSession(context);
  for (const [lng, title] of [
    ["en", "Page not found"],
    ["zh", "找不到页面"],
  ] as const) {
    const portal = await page.goto(`/${lng}/no-such-area/deeper`);
    expect(portal?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId("not-found-page").getByRole("link")).toHaveAttribute("href", `/${lng}/home`);
    // The portal's own layout is around it.
    await expect(page.getByTestId("notifications-count")).toBeVisible();
  }

  const { createStaffUser } = await import("@/features/accounts/service");
  const staffUser = await createStaffUser({
    email: `nf-staff-${unique()}@supplier-connect.test`,
    name: "Nora Staff",
    role: "SUPPORT",
    password: "Harbour-lights-7",
  });
  await context.clearCookies();
  await signInAs(context, staffUser);
  for (const [lng, title, back] of [
    ["en", "Page not found", "Back to the admin overview"],
    ["zh", "找不到页面", "返回管理概览"],
  ] as const) {
    const res = await page.goto(`/${lng}/admin/no-such-section`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("link", { name: back })).toHaveAttribute("href", `/${lng}/admin`);
  }
});
