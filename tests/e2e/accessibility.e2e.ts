import crypto from "node:crypto";
import { adminPages, type Fixture } from "./support/admin-pages";
import { expectColumnHeadersOnOneLine, expectNoHorizontalOverflow, expectNoSeriousViolations, saveScreenshot } from "./support/a11y";
import { db, expect, factories, signInAs, test, unique } from "./support/fixtures";

// The walk: every page a supplier, a customer contact, an invitee and staff see, in both languages,
// checked by axe-core (WCAG 2.2 AA, no serious or critical violation) and for sideways scrolling.

test.use({ allowedServerErrors: /\/(en|zh)\/test-error$/ });

const languages = ["en", "zh"] as const;

async function walkFixture() {
  const f = await factories();
  const client = await db();
  const { newToken } = await import("@/server/tokens");
  const { businessStep, paymentStep } = await import("../customer-setup/fixtures");
  const u = unique();
  const s = await f.makeSupplier({ companyName: `Walk Supplier ${u}`, email: `walk-${u}@walk-${u}.test` });
  const supplier = await client.user.findUniqueOrThrow({ where: { id: s.userId } });
  const customer = await f.makeCustomer({ name: `Walk Customer With A Rather Long Name ${u}`, requirements: [businessStep, paymentStep] });
  await client.customer.update({ where: { id: customer.id }, data: { nameZh: `漫步测试客户${u}` } });
  const rel = await client.customerRelationship.create({
    data: { supplierId: s.supplierId, customerId: customer.id, origin: "INVITATION", onboardingState: "SUBMITTED" },
  });
  const other = await f.makeCustomer({ name: `Walk Pending Customer ${u}` });
  const respond = newToken();
  const request = await client.connectionRequest.create({
    data: {
      supplierId: s.supplierId,
      customerId: other.id,
      requestedById: s.userId,
      contactEmail: `a-very-long-contact-address-${u}@walk-pending-customer.test`,
      contactFlags: "DOMAIN_MISMATCH",
      respondHash: respond.hash,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const ticketText = `Walk question ${u}`;
  const ticket = await client.supportTicket.create({ data: { supplierId: s.supplierId, authorId: s.userId, topic: "OTHER", message: ticketText } });
  await client.notification.create({
    data: {
      userId: s.userId,
      kind: "requests:events.approved",
      params: JSON.stringify({ customer: customer.name, customerId: customer.id, comment: "" }),
      link: "/setup/requests",
    },
  });
  const { createInvitation } = await import("@/features/customer-invitations/staff");
  const invitation = await createInvitation(
    { customerId: customer.id, email: `invitee-${u}@walk-invitee.test`, locale: "en", message: "" },
    { type: "SYSTEM" },
  );
  if (!invitation.ok || !invitation.link) throw new Error("invitation not created");
  const fixture: Fixture = {
    customerId: customer.id,
    customerName: customer.name,
    requestId: request.id,
    ticketId: ticket.id,
    ticketText,
    relationshipId: rel.id,
  };
  return { supplier, customer, fixture, respondPath: (lng: string) => `/${lng}/respond/${respond.token}`, invitePath: new URL(invitation.link).pathname };
}

const deadToken = () => crypto.randomBytes(32).toString("base64url");

function publicPages(w: Awaited<ReturnType<typeof walkFixture>>, lng: string): string[] {
  return [
    `/${lng}/sign-in`,
    `/${lng}/sign-up`,
    `/${lng}/forgot-password`,
    `/${lng}/reset-password/${deadToken()}`,
    w.invitePath.replace(/^\/(en|zh)\//, `/${lng}/`),
    `/${lng}/invite/${deadToken()}`,
    w.respondPath(lng),
    `/${lng}/respond/${deadToken()}`,
    `/${lng}/join/${deadToken()}`,
    `/${lng}/sign-up/confirm/${deadToken()}`,
  ];
}

function portalPages(w: Awaited<ReturnType<typeof walkFixture>>, lng: string): string[] {
  return [
    `/${lng}/home`,
    `/${lng}/profile`,
    `/${lng}/profile/security`,
    `/${lng}/profile/preview/${w.customer.id}`,
    `/${lng}/notifications`,
    `/${lng}/setup/admin`,
    `/${lng}/setup/customers`,
    `/${lng}/setup/customers?c=${w.customer.id}`,
    `/${lng}/setup/customers/${w.customer.id}/onboarding`,
    `/${lng}/setup/requests`,
    `/${lng}/setup/learning`,
    `/${lng}/support/${w.fixture.ticketId}`,
    `/${lng}/no-such-area`,
    `/${lng}/test-error`,
  ];
}

for (const lng of languages) {
  test(`${lng}: public pages, dead links and the respond page pass axe`, async ({ page }) => {
    test.setTimeout(180_000);
    const w = await walkFixture();
    for (const path of publicPages(w, lng)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      await expectNoSeriousViolations(page, path);
    }
  });

  test(`${lng}: every portal page passes axe`, async ({ page, context }) => {
    test.setTimeout(480_000);
    const w = await walkFixture();
    await signInAs(context, w.supplier);
    for (const path of portalPages(w, lng)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      await expectNoSeriousViolations(page, path);
    }
  });

  test(`${lng}: the onboarding's second step and the open request dialog pass axe`, async ({ page, context }) => {
    test.setTimeout(240_000);
    const w = await walkFixture();
    await signInAs(context, w.supplier);
    // The onboarding's second step.
    await page.goto(`/${lng}/setup/customers/${w.customer.id}/onboarding?step=payment`);
    await expectNoSeriousViolations(page, "onboarding step 2");
    // The request dialog, open, with a search answered.
    await page.goto(`/${lng}/setup/requests`);
    await page.getByTestId("open-request-dialog").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    const search = dialog.locator("input[role=combobox]");
    await search.fill(w.customer.name.slice(0, 20));
    await search.press("Enter");
    await expect(dialog.getByTestId("search-status")).not.toBeEmpty();
    await expectNoSeriousViolations(page, "request dialog");
  });

  test(`${lng}: every admin page passes axe`, async ({ page, context }) => {
    test.setTimeout(480_000);
    const w = await walkFixture();
    await signInAs(context, await (await db()).user.findUniqueOrThrow({ where: { email: "administrator@supplier-connect.test" } }));
    for (const p of adminPages) {
      const path = p
        .path(w.fixture)
        .replace(/^\/en\//, `/${lng}/`)
        .replace(/^\/en$/, `/${lng}`);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      await expectNoSeriousViolations(page, path);
    }
  });
}

// The main pages at a phone's width and on a desktop, in both languages: no sideways scrolling,
// and a screenshot of each for review (test-results/screenshots).
test("main pages at 360 px and 1280 px: no horizontal scrolling; screenshots saved", async ({ page, context }) => {
  test.setTimeout(480_000);
  const w = await walkFixture();
  const main = (lng: string) => [
    { name: "sign-in", path: `/${lng}/sign-in`, signedIn: false },
    { name: "respond", path: w.respondPath(lng), signedIn: false },
    { name: "home", path: `/${lng}/home`, signedIn: true },
    { name: "profile", path: `/${lng}/profile`, signedIn: true },
    { name: "customers", path: `/${lng}/setup/customers?c=${w.customer.id}`, signedIn: true },
    { name: "onboarding", path: `/${lng}/setup/customers/${w.customer.id}/onboarding`, signedIn: true },
    { name: "requests", path: `/${lng}/setup/requests`, signedIn: true },
    { name: "admin-team", path: `/${lng}/setup/admin`, signedIn: true },
    { name: "notifications", path: `/${lng}/notifications`, signedIn: true },
  ];
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    for (const lng of languages) {
      await context.clearCookies();
      let signedIn = false;
      for (const p of main(lng)) {
        if (p.signedIn !== signedIn) {
          await context.clearCookies();
          if (p.signedIn) await signInAs(context, w.supplier);
          signedIn = p.signedIn;
        }
        await page.goto(p.path);
        if (p.signedIn) await expect(page).not.toHaveURL(/\/sign-in/);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expectNoHorizontalOverflow(page, `${p.path} at ${width}px`);
        await expectColumnHeadersOnOneLine(page, `${p.path} at ${width}px`);
        await saveScreenshot(page, `${lng}-${p.name}-${width}`);
      }
    }
  }
  // 200 % zoom on a 1280 px screen is a 640 px viewport at twice the scale.
  const zoomed = await context.browser()!.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  await signInAs(zoomed, w.supplier);
  const zpage = await zoomed.newPage();
  for (const lng of languages) {
    for (const p of main(lng).filter((x) => x.signedIn)) {
      await zpage.goto(p.path);
      await expect(zpage).not.toHaveURL(/\/sign-in/);
      await expectNoHorizontalOverflow(zpage, `${p.path} at 200 % zoom`);
      await expectColumnHeadersOnOneLine(zpage, `${p.path} at 200 % zoom`);
    }
  }
  await zoomed.close();
});
