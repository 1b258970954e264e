import { db, expect, factories, test, unique } from "./support/fixtures";

// The server under test is `node src/scripts/start.mjs` (playwright.config.ts),
// which appends each connection's own address to X-Forwarded-For; with no
// TRUSTED_PROXIES the app keys its limits on that address alone.
test("a forged X-Forwarded-For does not change the client address the app records", async ({ browser }) => {
  const { makeSupplier } = await factories();
  const recorded: string[] = [];
  for (const forged of ["203.0.113.7", "198.51.100.1, 203.0.113.8", "unknown"]) {
    const s = await makeSupplier({ email: `forged-${unique()}@xff-${unique()}.test` });
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": forged, "X-Real-IP": "203.0.113.9" } });
    const page = await context.newPage();
    await page.goto("/en/forgot-password");
    await page.getByLabel("Email").fill(s.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status")).toContainText(/If an account exists/);
    await context.close();
    const row = await (await db()).auditEvent.findFirstOrThrow({ where: { action: "user.password_reset_requested", entityId: s.userId } });
    recorded.push(row.ip ?? "");
  }
  // Every request came from this machine: the same loopback address each time, never a forged one.
  expect(new Set(recorded).size).toBe(1);
  expect(["127.0.0.1", "::1"]).toContain(recorded[0]);
});
