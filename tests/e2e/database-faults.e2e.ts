/**
 * The database going away in the middle of a request (PostgreSQL stack only,
 * see playwright.config.ts). The third app instance reaches PostgreSQL through
 * a relay this file cuts (support/db-relay.ts); requests pinned to it with
 * `X-E2E-Instance: 2` are the only ones it serves, so nothing else is affected.
 * To catch a request in the middle, the test holds a row lock the request
 * needs, waits until the request is waiting for it, then cuts the relay.
 */
import type { Page } from "@playwright/test";
import pg from "pg";
import { faultInstance, INSTANCE_HEADER, postgresUrl } from "./support/env";
import { db, expect, factories, serverLogLines, serverLogMark, signInAs, test, unique } from "./support/fixtures";

test.use({ allowedServerErrors: /\/zh\/setup\/customers$/ });

async function relay(action: "cut" | "restore") {
  const res = await fetch(`${faultInstance.relayControl}/${action}`, { method: "POST" });
  expect(await res.text()).toBe(action === "cut" ? "cut" : "open");
}

/**
 * Waits until a statement matching `like` is waiting for a lock in PostgreSQL
 * (asked outside the lock holder's transaction, which sees one snapshot of pg_stat_activity).
 */
async function waitForLockWait(like: string) {
  const watcher = new pg.Client({ connectionString: postgresUrl });
  await watcher.connect();
  try {
    await expect
      .poll(
        async () =>
          (
            await watcher.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
              [like],
            )
          ).rows[0].n,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
  } finally {
    await watcher.end();
  }
}

async function onFaultInstance(page: Page) {
  await page.setExtraHTTPHeaders({ [INSTANCE_HEADER]: String(faultInstance.index) });
}

test.afterEach(async () => {
  await relay("restore");
});

test("zh: the database lost in the middle of a page shows the localised error page with a reference, and the next page works", async ({ page, context }) => {
  const f = await factories();
  const client = await db();
  const s = await f.makeSupplier({ email: `lost-${unique()}@lost-${unique()}.test`, locale: "zh" });
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));
  await onFaultInstance(page);
  const ok = await page.goto("/zh/setup/customers");
  expect(ok?.status()).toBe(200);
  expect(ok?.headers()[INSTANCE_HEADER]).toBe("2");

  // The page's "last seen" update of the session waits on a lock this test holds ...
  await client.session.updateMany({ where: { userId: s.userId }, data: { lastSeenAt: new Date(Date.now() - 3_600_000) } });
  const locker = new pg.Client({ connectionString: postgresUrl });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query(`SELECT 1 FROM "Session" WHERE "userId" = $1 FOR UPDATE`, [s.userId]);
    const mark = serverLogMark();
    const navigation = page.goto("/zh/setup/customers");
    await waitForLockWait(`UPDATE%"Session"%`);
    // ... and the database goes away while it waits.
    await relay("cut");
    await locker.query("ROLLBACK");
    const res = await navigation;
    expect(res?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1, name: "出错了" })).toBeVisible();
    const reference = (await page.getByTestId("error-reference").textContent())?.match(/([0-9a-z]{6,})\s*$/)?.[1];
    expect(reference, "a reference id on the page").toBeTruthy();
    await expect.poll(() => serverLogLines(mark, reference!).length).toBe(1);
  } finally {
    await locker.end();
  }

  // The database is back: the same instance serves the page again.
  await relay("restore");
  const again = await page.goto("/zh/setup/customers");
  expect(again?.status()).toBe(200);
  expect(again?.headers()[INSTANCE_HEADER]).toBe("2");
});

test("the database lost in the middle of sending a request: a localised message, no half-written rows, and the same CAPTCHA still works", async ({
  page,
  context,
}) => {
  const f = await factories();
  const client = await db();
  const u = unique();
  const s = await f.makeSupplier({ companyName: `Relay Works ${u}`, email: `relay-${u}@relay-${u}.test` });
  const customer = await f.makeCustomer({ name: `Northgate Spindles ${u}` });
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));
  await onFaultInstance(page);
  await page.goto("/en/setup/requests");
  await page.getByRole("button", { name: "Don't see the customer you're looking for?" }).click();
  const dialog = page.getByRole("dialog", { name: "Search for a customer" });
  const combo = dialog.getByRole("combobox", { name: "Customer Name" });
  await combo.fill(customer.name);
  await combo.press("Enter");
  await expect(dialog.getByRole("listbox").getByRole("option")).toHaveCount(1);
  await combo.press("ArrowDown");
  await combo.press("Enter");
  const email = dialog.getByRole("textbox", { name: "Customer Contact" });
  await email.fill(`buyer@northgate-${u}.test`);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), email.blur()]);
  await expect(dialog.locator('input[name="captcha"]')).toHaveValue(/.{20,}/, { timeout: 30_000 });
  const payload = await dialog.locator('input[name="captcha"]').inputValue();
  const nonce = JSON.parse(Buffer.from(payload, "base64").toString("utf8")).challenge.parameters.nonce as string;
  await dialog.getByRole("checkbox", { name: /I confirm by sending this request/ }).check();

  // The request's transaction writes the CAPTCHA marker, the request, its event and the audit row,
  // then prunes old CAPTCHA markers: it waits there on an old marker this test holds locked ...
  const stale = `captcha:stale-${u}`;
  await client.rateLimit.create({ data: { key: stale, count: 1, windowStart: new Date(Date.now() - 86_400_000) } });
  const locker = new pg.Client({ connectionString: postgresUrl });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query(`SELECT 1 FROM "RateLimit" WHERE "key" = $1 FOR UPDATE`, [stale]);
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await dialog.getByRole("button", { name: "Request", exact: true }).click();
    await waitForLockWait(`DELETE%"RateLimit"%`);
    // ... and the database goes away: the open transaction is lost with its connection.
    await relay("cut");
    await locker.query("ROLLBACK");
    expect((await answered).headers()[INSTANCE_HEADER]).toBe("2");
  } finally {
    await locker.end();
  }
  await expect(dialog.getByTestId("form-error")).toHaveText("Something went wrong. Nothing was changed; please try again.");

  // Nothing of it was kept: no request, no event, no audit row, no CAPTCHA marker.
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(0);
  expect(await client.auditEvent.count({ where: { actorId: s.userId, action: "connection_request.created" } })).toBe(0);
  expect(await client.rateLimit.count({ where: { key: `captcha:${nonce}` } })).toBe(0);
  await client.rateLimit.delete({ where: { key: stale } });

  // The database is back: the same submit goes through with the same solved CAPTCHA (it was never spent).
  await relay("restore");
  await expect(dialog.locator('input[name="captcha"]')).toHaveValue(payload);
  await dialog.getByRole("button", { name: "Request", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("notice")).toContainText("Your request was sent");
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId } })).toBe(1);
  expect(await client.rateLimit.count({ where: { key: `captcha:${nonce}` } })).toBe(1);
});
