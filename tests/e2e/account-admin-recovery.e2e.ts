import type { Browser, Page } from "@playwright/test";
import { db, expect, factories, signInAs, submit, test, unique, waitForMail } from "./support/fixtures";
import { ports } from "./support/env";

test.describe.configure({ timeout: 120_000 });

async function staffSignedIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await signInAs(context, await (await db()).user.findUniqueOrThrow({ where: { email: "support@supplier-connect.test" } }));
  return context.newPage();
}

test("admin recovery end to end: a member of a company without an admin asks, support grants with a comment, both emailed", async ({ page, browser }) => {
  const { makeSupplier, makeUser } = await factories();
  const client = await db();
  const u = unique();
  const s = await makeSupplier({ email: `boss-${u}@orphan-${u}.test`, companyName: `Orphan Gears ${u}` });
  const member = await makeUser(s.supplierId, { email: `kim-${u}@orphan-${u}.test`, permissions: "requests" });
  await client.user.update({ where: { id: s.userId }, data: { status: "DEACTIVATED" } });

  await signInAs(page.context(), member);
  await page.goto("/en/profile/security");
  await page.getByRole("link", { name: "Ask for admin rights" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for company admin rights");
  // An empty reason is refused with a message.
  await submit(page, page.getByRole("button", { name: "Send request to support" }));
  await expect(page.getByTestId("error-reason")).toHaveText("This field is required.");
  await page.getByLabel(/Why should you become the admin/).fill(`Our admin left in May ${u}`);
  await page.getByRole("button", { name: "Send request to support" }).click();
  // The form's own confirmation, or the page's "waiting for support" state: on a slow machine the click can come
  // before the page has hydrated (the refused submit above may itself have been a plain POST that rendered the
  // page again), so the browser posts the form without JavaScript and the server renders the page after the
  // action, where the request is already pending. Either tells the member the request went out.
  await expect(page.getByTestId("recovery-sent").or(page.getByTestId("recovery-pending"))).toBeVisible();
  await waitForMail(member.email, /request for admin rights/);
  await page.reload();
  await expect(page.getByTestId("recovery-pending")).toBeVisible();

  const staff = await staffSignedIn(browser);
  await staff.goto("/en/admin");
  await staff.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Admin recovery" }).click();
  const card = staff.getByTestId("recovery-request").filter({ hasText: `Our admin left in May ${u}` });
  await expect(card.getByTestId("recovery-evidence")).toContainText("on a domain of the company");
  await expect(card.getByTestId("recovery-evidence")).toContainText(`${s.email}`);
  await expect(card.getByTestId("recovery-evidence")).toContainText("deactivated");
  await card.getByLabel("Comment to the user (required)").fill(`Confirmed with the managing director ${u}`);
  await card.getByRole("button", { name: "Grant admin rights" }).click();
  // The list is rendered again: the request now shows its decision and comment instead of the form.
  await expect(card.getByTestId("recovery-status")).toHaveText("granted");
  await expect(card).toContainText(`Confirmed with the managing director ${u}`);
  await staff.context().close();

  const mail = await waitForMail(member.email, /You are now the admin/);
  expect(mail.text).toContain(`Confirmed with the managing director ${u}`);
  // The member now manages the company's users.
  await page.goto("/en/setup/admin");
  await expect(page).toHaveURL(/\/en\/setup\/admin$/);
  expect(await client.auditEvent.count({ where: { action: "admin_recovery.granted" } })).toBeGreaterThan(0);
});

test("notification preferences are honoured: a support reply goes only where the user asked", async ({ page, browser }) => {
  const { makeSupplier } = await factories();
  const client = await db();
  const u = unique();
  const s = await makeSupplier({ email: `prefs-${u}@prefs-${u}.test` });
  const ticket = await client.supportTicket.create({ data: { supplierId: s.supplierId, authorId: s.userId, topic: "OTHER", message: `Help please ${u}` } });
  await signInAs(page.context(), await client.user.findUniqueOrThrow({ where: { id: s.userId } }));

  await page.goto("/en/profile/notifications");
  await expect(page.getByTestId("security-note")).toContainText("cannot be switched off");
  await page.getByTestId("preference-tickets").getByLabel("In the portal only").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your notification settings are saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("preference-tickets").getByLabel("In the portal only")).toBeChecked();

  const staff = await staffSignedIn(browser);
  await staff.goto(`/en/admin/tickets/${ticket.id}`);
  await staff.getByRole("textbox", { name: "Reply" }).fill(`First answer ${u}`);
  await submit(staff, staff.getByRole("button", { name: "Send reply" }));
  await expect(staff.getByRole("status").filter({ hasText: "Your reply was sent." })).toBeVisible();

  // In the portal, not by email.
  await expect.poll(async () => client.notification.count({ where: { userId: s.userId, kind: "support:events.reply" } })).toBe(1);
  await new Promise((r) => setTimeout(r, 1500));
  const inbox = (await (await fetch(`http://127.0.0.1:${ports.smtpHttp}/messages?to=${encodeURIComponent(s.email)}`)).json()) as unknown[];
  expect(inbox).toHaveLength(0);

  // Switched to email only: the next reply is emailed and adds no notification.
  await page.getByTestId("preference-tickets").getByLabel("Email only").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your notification settings are saved." })).toBeVisible();
  await staff.getByRole("textbox", { name: "Reply" }).fill(`Second answer ${u}`);
  await submit(staff, staff.getByRole("button", { name: "Send reply" }));
  const mail = await waitForMail(s.email, /replied/i);
  expect(mail.text).toContain(`Second answer ${u}`);
  expect(await client.notification.count({ where: { userId: s.userId, kind: "support:events.reply" } })).toBe(1);
  await staff.context().close();
});
