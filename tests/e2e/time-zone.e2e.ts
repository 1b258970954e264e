import type { Browser } from "@playwright/test";
import { db, expect, factories, signInAs, test, unique, waitForMail } from "./support/fixtures";

const PASSWORD = "Harbour-lights-7";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

// 1 Dec 2026 23:30 UTC: already 2 December in Shanghai, still 1 December in New York.
const STORED = new Date("2026-12-01T23:30:00Z");

async function readerIn(browser: Browser, timezoneId: string, user: { id: string; email: string; name: string }) {
  const context = await browser.newContext({ timezoneId });
  await signInAs(context, user);
  return { context, page: await context.newPage() };
}

test("one stored time reads in each reader's language and time zone, the zone named", async ({ browser }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `tz-${unique()}@tz-${unique()}.test` });
  const user = { id: s.userId, email: s.email, name: "Ada Admin" };
  await (
    await db()
  ).notification.create({
    data: { userId: s.userId, kind: "onboarding:events.approved", params: JSON.stringify({ customer: "Harbour Foods" }), createdAt: STORED },
  });
  const expected = {
    "Asia/Shanghai": { en: "2 Dec 2026, 07:30 GMT+8", zh: "2026年12月2日 GMT+8 07:30" },
    "America/New_York": { en: "1 Dec 2026, 18:30 GMT-5", zh: "2026年12月1日 GMT-5 18:30" },
  } as const;
  for (const zone of ["Asia/Shanghai", "America/New_York"] as const) {
    const { context, page } = await readerIn(browser, zone, user);
    for (const lng of ["en", "zh"] as const) {
      await page.goto(`/${lng}/notifications`);
      // The first page of a visit learns the zone and renders again; later pages come right at once.
      await expect(page.getByTestId("inbox")).toContainText(expected[zone][lng]);
      await page.reload();
      await expect(page.getByTestId("inbox")).toContainText(expected[zone][lng]);
    }
    expect((await context.cookies()).find((c) => c.name === "tz")?.value).toBe(encodeURIComponent(zone));
    await context.close();
  }

  // A zone the browser cannot have sent (a forged cookie) is ignored: UTC, named.
  const forged = await browser.newContext({ timezoneId: "UTC" });
  await signInAs(forged, user);
  await forged.addCookies([{ name: "tz", value: "Mars%2FOlympus", url: test.info().project.use.baseURL! }]);
  const fp = await forged.newPage();
  await fp.goto("/en/notifications");
  await expect(fp.getByTestId("inbox")).toContainText("1 Dec 2026, 23:30 UTC");
  await forged.close();
});

test("a sign-in keeps the browser's zone; the new-device email gives its time in it", async ({ browser }) => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `tz-mail-${unique()}@tz-${unique()}.test` });
  const signIn = async (timezoneId: string, userAgent?: string) => {
    const context = await browser.newContext({ timezoneId, userAgent });
    const page = await context.newPage();
    await page.goto("/en/sign-in");
    // The page tells the server its zone (the tz cookie) as soon as its scripts run.
    await expect.poll(async () => (await context.cookies()).find((c) => c.name === "tz")?.value).toBe(encodeURIComponent(timezoneId));
    await page.getByLabel("Email").fill(s.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/home$/);
    return context;
  };
  const first = await signIn("Asia/Shanghai");
  const prisma = await db();
  expect((await prisma.user.findUniqueOrThrow({ where: { id: s.userId } })).timeZone).toBe("Asia/Shanghai");
  await first.close();

  const phone = await signIn("America/New_York", IPHONE);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: s.userId } })).timeZone).toBe("America/New_York");
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: s.userId, action: "user.time_zone_changed" }, orderBy: { createdAt: "desc" } });
  expect(JSON.parse(audit.after ?? "{}")).toEqual({ timeZone: "America/New_York" });
  const mail = await waitForMail(s.email, /New sign-in/);
  // The sign-in happened just now: its time in New York (UTC-5 in winter, UTC-4 in summer), the zone named.
  expect(mail.text).toMatch(/\d{2}:\d{2} GMT-[45]/);
  expect(mail.text).not.toContain("UTC");
  await phone.close();
});
