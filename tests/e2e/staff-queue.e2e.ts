import type { Locator, Page } from "@playwright/test";
import { db, expect, factories, signInAs, submit, test, unique, waitForMail } from "./support/fixtures";

/** Clicks a button whose form goes away once the change is made (the page re-renders without it). */
async function act(page: Page, button: Locator) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), button.click()]);
}

async function staffUser(email: string) {
  return (await db()).user.findUniqueOrThrow({ where: { email } });
}

async function pendingRequest(s: { supplierId: string; userId: string }, customerId: string, contactEmail: string, flags = "") {
  return (await db()).connectionRequest.create({
    data: {
      supplierId: s.supplierId,
      customerId,
      requestedById: s.userId,
      contactEmail,
      contactFlags: flags,
      pendingKey: `${s.supplierId}:${customerId}`,
      expiresAt: new Date(Date.now() + 20 * 86_400_000),
    },
  });
}

test("support decides a pending request with a comment, bulk-approves others, resets attempts; the supplier sees the decision", async ({ page, context }) => {
  test.setTimeout(120_000);
  const { makeSupplier, makeCustomer } = await factories();
  const client = await db();
  const u = unique();
  const supplierName = `Kingfisher Valves ${u}`;
  const s = await makeSupplier({ companyName: supplierName });
  const customer = await makeCustomer({ name: `Meridian Foods ${u}`, domains: [`meridian-${u}.test`] });
  const others = [await makeCustomer({ name: `Bulk Buyer A ${u}` }), await makeCustomer({ name: `Bulk Buyer B ${u}` })];
  const contact = `buyer.${u}@gmail.com`;
  const request = await pendingRequest(s, customer.id, contact, "FREE_MAIL,DOMAIN_MISMATCH");
  for (const c of others) await pendingRequest(s, c.id, `ap-${u}@${c.id}.test`);
  await client.searchAllowance.create({ data: { supplierId: s.supplierId, used: 4 } });

  await signInAs(context, await staffUser("support@supplier-connect.test"));
  await page.goto("/en/admin");
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Connection requests" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connection requests");

  // Search by the contact email, then filter by the flag.
  await page.getByRole("searchbox", { name: "Search by supplier, customer or contact email" }).fill(contact);
  await page.getByLabel("Flagged contact").selectOption("FREE_MAIL");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
  await expect(page.getByTestId("queue-row")).toContainText("Free mail");
  await expect(page.getByTestId("queue-status")).toHaveText("Pending");
  await page.getByRole("link", { name: supplierName }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${supplierName} → ${customer.name}`);
  await expect(page.getByTestId("contact-email")).toHaveText(contact);
  await expect(page.getByTestId("contact-flags")).toContainText("The contact uses a free-mail address.");
  await expect(page.getByTestId("contact-flags")).toContainText(`meridian-${u}.test`);
  await expect(page.getByTestId("attempts")).toHaveText(/^4 of \d+ used$/);

  // Reset the supplier's search attempts.
  await submit(page, page.getByRole("button", { name: "Reset search attempts" }));
  await expect(page.getByRole("status").filter({ hasText: "Search attempts reset: 0 of" })).toBeVisible();
  expect((await client.searchAllowance.findUniqueOrThrow({ where: { supplierId: s.supplierId } })).used).toBe(0);

  // A rejection needs a reason.
  await page.getByRole("radio", { name: "Reject" }).check();
  await submit(page, page.getByRole("button", { name: "Save decision" }));
  await expect(page.getByTestId("error-comment")).toHaveText("Write the reason for the rejection: the supplier reads it.");
  expect((await client.connectionRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("PENDING");

  const comment = "Please ask your contact for a company email address.";
  await page.getByRole("radio", { name: "Reject" }).check();
  await page.getByRole("textbox", { name: "Comment" }).fill(comment);
  await act(page, page.getByRole("button", { name: "Save decision" }));
  // The page shows the new state at once; the decision form is gone.
  await expect(page.getByTestId("request-status")).toHaveText("Rejected");
  await expect(page.getByRole("button", { name: "Save decision" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("request-comment")).toHaveText(comment);
  await expect(page.getByTestId("request-history")).toContainText(`Rejected · by support staff (Sam Support`);
  await expect(page.getByTestId("request-history")).toContainText(comment);
  await expect(page.getByTestId("request-audit")).toContainText("connection_request.rejected");

  // Bulk: approve the supplier's two other pending requests at once.
  await page.goto(`/en/admin/requests?q=${encodeURIComponent(supplierName)}&status=PENDING`);
  await expect(page.getByTestId("queue-row")).toHaveCount(2);
  for (const c of others) await page.getByRole("checkbox", { name: `Select the request from ${supplierName} to ${c.name}` }).check();
  await page.getByRole("form", { name: "Decide the selected requests" }).getByRole("textbox", { name: "Comment" }).fill("Welcome aboard");
  await act(page, page.getByRole("button", { name: "Save decision" }));
  await expect(page.getByRole("status").filter({ hasText: "2 request(s) changed; 0 left as they were" })).toBeVisible();
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  expect(await client.connectionRequest.count({ where: { supplierId: s.supplierId, status: "APPROVED" } })).toBe(2);

  // The supplier sees the decision and the comment in its Connection Requests table, and by email.
  await waitForMail(s.email, new RegExp(customer.name));
  await context.clearCookies();
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: s.userId } }));
  await page.goto("/en/setup/requests");
  const row = page.getByRole("row").filter({ hasText: customer.name });
  await expect(row.getByTestId("row-status")).toHaveText("Rejected");
  await expect(row.getByTestId("row-comment")).toHaveText(comment);
  await expect(page.getByRole("row").filter({ hasText: others[0].name }).getByTestId("row-status")).toHaveText("Approved");
});

test("zh: support answers a ticket; the reply arrives by email in Chinese and the supplier reads it in the portal", async ({ page, context }) => {
  test.setTimeout(120_000);
  const { makeSupplier } = await factories();
  const client = await db();
  const u = unique();
  const s = await makeSupplier({ companyName: `杭州精工 ${u}`, locale: "zh" });
  const author = await client.user.update({ where: { id: s.userId }, data: { locale: "zh" } });
  const ticket = await client.supportTicket.create({
    data: { supplierId: s.supplierId, authorId: s.userId, topic: "SEARCH_ATTEMPTS", message: `我们的搜索次数用完了，请帮忙。${u}` },
  });

  await signInAs(context, await staffUser("support@supplier-connect.test"));
  await page.goto("/zh/admin/tickets?status=OPEN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("支持工单");
  await page.goto(`/zh/admin/tickets/${ticket.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我需要更多搜索次数");
  await expect(page.getByText(`我们的搜索次数用完了，请帮忙。${u}`)).toBeVisible();

  await act(page, page.getByRole("button", { name: "分配给我" }));
  await expect(page.getByTestId("ticket-assignee")).toHaveText("Sam Support");
  await expect(page.getByRole("button", { name: "分配给我" })).toHaveCount(0);

  // An empty reply is refused with a Chinese message.
  await submit(page, page.getByRole("button", { name: "发送回复" }));
  await expect(page.getByTestId("error-body")).toHaveText("请填写回复。");

  const reply = `您好，我们已为贵公司重置搜索次数。${u}`;
  await page.getByRole("textbox", { name: "回复" }).fill(reply);
  await submit(page, page.getByRole("button", { name: "发送回复" }));
  await expect(page.getByRole("status").filter({ hasText: "您的回复已发送。" })).toBeVisible();

  const mail = await waitForMail(author.email, /支持人员已回复您的工单/);
  expect(mail.subject).toBe("支持人员已回复您的工单：我需要更多搜索次数");
  expect(mail.text).toContain(reply);
  expect(mail.text).toContain(`/zh/support/${ticket.id}`);

  await page.reload();
  await expect(page.getByTestId("ticket-message")).toContainText(reply);
  await act(page, page.getByRole("button", { name: "关闭工单" }));
  await expect(page.getByTestId("ticket-status")).toHaveText("已关闭");
  await expect(page.getByRole("button", { name: "发送回复" })).toHaveCount(0);

  // The supplier sees the reply.
  await context.clearCookies();
  await signInAs(context, author);
  await page.goto("/zh/setup/requests");
  await expect(page.getByTestId("tickets-table")).toContainText("我需要更多搜索次数");
  await page.getByRole("link", { name: "我需要更多搜索次数" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/zh/support/${ticket.id}$`));
  await expect(page.getByTestId("ticket-reply")).toContainText(reply);
  await expect(page.getByTestId("ticket-reply")).toContainText("Supplier Connect 支持团队");

  // Another company's user gets a 404, never the ticket.
  const other = await makeSupplier();
  await context.clearCookies();
  await signInAs(context, await client.user.findUniqueOrThrow({ where: { id: other.userId } }));
  const res = await page.goto(`/zh/support/${ticket.id}`);
  expect(res?.status()).toBe(404);
  expect(await page.content()).not.toContain(reply);
});

test("support reviews a submitted onboarding and sends it back with a comment", async ({ page, context }) => {
  const { makeSupplier, makeCustomer } = await factories();
  const client = await db();
  const u = unique();
  const s = await makeSupplier({ companyName: `Heron Tools ${u}` });
  const customer = await makeCustomer({
    name: `Lakeside Clinic ${u}`,
    requirements: [
      {
        key: "business",
        kind: "business",
        title: { en: "Business details", zh: "企业信息" },
        fields: [{ key: "taxId", type: "text", label: { en: "Tax ID", zh: "税号" } }],
      },
    ],
  });
  const rel = await client.customerRelationship.create({
    data: { supplierId: s.supplierId, customerId: customer.id, origin: "STAFF", onboardingState: "SUBMITTED" },
  });
  await client.onboardingSubmission.create({
    data: { relationshipId: rel.id, stepKey: "business", status: "SUBMITTED", submittedAt: new Date(), data: JSON.stringify({ taxId: `TAX-${u}` }) },
  });

  await signInAs(context, await staffUser("support@supplier-connect.test"));
  await page.goto(`/en/admin/onboarding/${rel.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Heron Tools ${u} for ${customer.name}`);
  await expect(page.getByTestId("onboarding-step")).toContainText(`Tax ID`);
  await expect(page.getByTestId("onboarding-step")).toContainText(`TAX-${u}`);
  await submit(page, page.getByRole("button", { name: "Send back" }));
  await expect(page.getByTestId("error-comment")).toHaveText("This field is required.");
  await page.getByRole("textbox", { name: "Comment for the supplier" }).fill("The tax ID does not match your registration.");
  await act(page, page.getByRole("button", { name: "Send back" }));
  await expect(page.getByTestId("onboarding-state")).toHaveText("Changes requested");
  await expect(page.getByText("This onboarding is not waiting for review.")).toBeVisible();
  expect((await client.customerRelationship.findUniqueOrThrow({ where: { id: rel.id } })).onboardingNote).toBe("The tax ID does not match your registration.");
});
