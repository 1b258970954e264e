import fs from "node:fs";
import path from "node:path";
import type { RequirementStep } from "@/features/requirements/requirements";
import { db, expect, factories, signInAs, submit, test, unique } from "./support/fixtures";
import { e2eEnv } from "./support/env";

const label = (en: string, zh: string) => ({ en, zh });
const steps: RequirementStep[] = [
  {
    key: "business",
    kind: "business",
    title: label("Tell us about your business", "介绍您的企业"),
    fields: [
      { key: "legalName", type: "text", label: label("Legal name", "法定名称"), required: true },
      { key: "country", type: "country", label: label("Country", "国家/地区"), required: true },
      { key: "contactEmail", type: "email", label: label("Accounts receivable email", "应收账款联系邮箱"), required: true },
      { key: "certificate", type: "document", label: label("Business licence", "营业执照"), required: false },
    ],
  },
  {
    key: "payment",
    kind: "payment",
    title: label("Provide your default bank information", "提供您的默认银行信息"),
    fields: [
      { key: "accountHolder", type: "text", label: label("Account holder", "账户持有人"), required: true },
      { key: "iban", type: "iban", label: label("IBAN", "IBAN"), required: false },
      { key: "swift", type: "swift", label: label("SWIFT / BIC", "SWIFT / BIC"), required: true },
      { key: "confirm", type: "confirm", label: label("I confirm these bank details are correct", "我确认以上银行信息准确无误"), required: true },
    ],
  },
];

async function connectedSupplier(locale: "en" | "zh" = "en") {
  const { makeSupplier, makeCustomer } = await factories();
  const s = await makeSupplier({ email: `cs-${unique()}@cs-${unique()}.test`, locale });
  const customer = await makeCustomer({ name: `Harbor Foods ${unique()}`, requirements: steps });
  const client = await db();
  await client.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: customer.id, origin: "INVITATION" } });
  const user = await client.user.findUniqueOrThrow({ where: { id: s.userId } });
  return { s, customer, user, client };
}

test("banner -> Get started -> two steps with a corrected field -> submitted, progress complete, banner gone", async ({ page, context }) => {
  const { customer, user } = await connectedSupplier();
  await signInAs(context, user);

  await page.goto("/en/setup/customers");
  await expect(page.getByTestId("count-actionNeeded")).toHaveText("1");
  await page.getByTestId("group-actionNeeded").getByRole("link", { name: customer.name }).click();
  await expect(page.getByTestId("banner-payment")).toContainText(`${customer.name} needs additional information to do business with you`);
  await expect(page.getByTestId("banner-payment").getByRole("link", { name: "Start receiving payments" })).toBeVisible();
  await expect(page.getByTestId("banner-steps")).toContainText(`You are a few steps away from doing business with ${customer.name}`);
  await page.getByTestId("banner-steps").getByRole("link", { name: "Get started" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish Setup");
  await expect(page.getByRole("heading", { level: 2, name: "Tell us about your business" })).toBeVisible();
  await expect(page.getByTestId("onboarding-progress-text")).toHaveText("0 of 2 steps complete");
  await page.getByLabel("Legal name").fill("Harbor Parts Ltd");
  await page.getByLabel("Country").selectOption("CN");
  await page.getByLabel("Accounts receivable email").fill("not-an-email");
  await submit(page, page.getByRole("button", { name: "Submit step" }));
  await expect(page.getByTestId("error-f_contactEmail")).toHaveText("Enter a valid email address, such as name@company.com.");
  await expect(page.getByLabel("Legal name")).toHaveValue("Harbor Parts Ltd");
  await page.getByLabel("Accounts receivable email").fill("ar@harbor-parts.test");
  await page.getByRole("button", { name: "Submit step" }).click();

  await expect(page).toHaveURL(/step=payment&saved=submitted/);
  await expect(page.getByText("Step submitted.")).toBeVisible();
  await expect(page.getByTestId("onboarding-progress-text")).toHaveText("1 of 2 steps complete");
  await page.getByLabel("Account holder").fill("Harbor Parts Ltd");
  await page.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await page.getByLabel("SWIFT / BIC").fill("deutdeff");
  // A draft first: it keeps what was typed.
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page.getByTestId("step-status-payment")).toHaveText("Draft");
  await page.getByLabel("I confirm these bank details are correct").check();
  await page.getByRole("button", { name: "Submit step" }).click();

  await expect(page.getByTestId("onboarding-complete")).toContainText("All steps are submitted.");
  await expect(page.getByTestId("onboarding-progress")).toHaveAttribute("data-percent", "100");
  await expect(page.getByTestId("onboarding-progress-text")).toHaveText("2 of 2 steps complete");
  await expect(page.getByRole("button", { name: "Submit step" })).toHaveCount(0);

  await page.getByRole("link", { name: "Back to Customer Setup" }).click();
  await expect(page.getByTestId("onboarding-state")).toHaveText("Submitted");
  await expect(page.getByTestId("banner-payment")).toHaveCount(0);
  await expect(page.getByTestId("banner-steps")).toHaveCount(0);
  await expect(page.getByTestId("group-current").getByRole("link", { name: customer.name })).toBeVisible();
  await expect(page.getByTestId("history")).toContainText("Onboarding submitted for review");
});

test("uploads: oversized and wrong-type files are refused with a message and nothing is stored", async ({ page, context }) => {
  const { s, customer, user, client } = await connectedSupplier();
  await signInAs(context, user);
  const uploads = path.join(e2eEnv.DATA_DIR, "uploads", s.supplierId);
  await page.goto(`/en/setup/customers/${customer.id}/onboarding?step=business`);
  await page.getByLabel("Legal name").fill("Harbor Parts Ltd");
  const file = page.getByLabel("Business licence");

  await file.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just some text") });
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await expect(page.getByTestId("error-f_certificate")).toHaveText("Only PDF, PNG or JPG files can be uploaded.");
  // A PDF name on other bytes is refused too.
  await page.getByLabel("Business licence").setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await expect(page.getByTestId("error-f_certificate")).toHaveText("Only PDF, PNG or JPG files can be uploaded.");

  const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(5 * 1024 * 1024 + 10, 32)]);
  await page.getByLabel("Business licence").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: big });
  await expect(page.getByTestId("error-f_certificate")).toHaveText("The file is larger than 5 MB. Choose a smaller file.");
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await expect(page.getByText("Draft saved.")).toBeVisible();
  expect(await client.supplierDocument.count({ where: { supplierId: s.supplierId } })).toBe(0);
  expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);

  // A real PDF is kept and shown.
  const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(1000, 32)]);
  await page.getByLabel("Business licence").setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: pdf });
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await expect(page.getByTestId("document-certificate")).toContainText("Attached: licence.pdf");
  expect(await client.supplierDocument.count({ where: { supplierId: s.supplierId } })).toBe(1);
  expect(fs.readdirSync(uploads)).toHaveLength(1);
});

test("zh: share one section with a customer and check the preview shows only that", async ({ page, context }) => {
  const { s, customer, user, client } = await connectedSupplier("zh");
  await client.supplierPrivateSection.createMany({
    data: [
      { supplierId: s.supplierId, section: "TAX", data: JSON.stringify({ taxId: "91310000MA1FL0001X" }) },
      { supplierId: s.supplierId, section: "BANK", data: JSON.stringify({ bankName: "港湾银行", accountHolder: "Harbor", iban: "DE89370400440532013000" }) },
    ],
  });
  await signInAs(context, user);
  await page.goto("/zh/profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("公司资料");
  const row = page.getByTestId(`sharing-${customer.id}`);
  await row.getByLabel("税务识别号").check();
  await submit(page, row.getByRole("button", { name: "保存共享设置" }));
  await expect(row.getByText("共享设置已保存。")).toBeVisible();

  await row.getByRole("link", { name: `以 ${customer.name} 的身份查看` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${customer.name} 看到的您的资料`);
  const preview = page.getByTestId("profile-preview");
  await expect(preview.getByTestId("preview-section-TAX")).toContainText("91310000MA1FL0001X");
  await expect(preview.getByTestId("preview-section-BANK")).toHaveCount(0);
  await expect(preview).not.toContainText("DE89370400440532013000");
  await expect(preview).not.toContainText("港湾银行");
  await expect(page.getByTestId("preview-not-shared")).toContainText("银行信息");

  // Customer Setup shows the guide's Chinese banner wording.
  await page.goto(`/zh/setup/customers?c=${customer.id}`);
  await expect(page.getByTestId("banner-payment")).toContainText(`${customer.name}需要额外信息，以便与您开展业务`);
  await expect(page.getByTestId("banner-payment").getByRole("link", { name: "开始收款" })).toBeVisible();
  await expect(page.getByTestId("banner-steps")).toContainText(`您离与 ${customer.name} 开展业务只有几步之遥`);
  await expect(page.getByTestId("banner-steps").getByRole("link", { name: "开始", exact: true })).toBeVisible();
});

test("a member limited to one customer cannot open another's page; notifications open their link", async ({ page, context }) => {
  const { s, customer, client } = await connectedSupplier();
  const { makeUser, makeCustomer } = await factories();
  const other = await makeCustomer({ name: `Other Buyer ${unique()}`, requirements: steps });
  await client.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: other.id, origin: "REQUEST" } });
  const member = await makeUser(s.supplierId, { permissions: "onboarding", allCustomers: false });
  await client.userCustomerAccess.create({ data: { userId: member.id, customerId: customer.id } });
  await client.notification.create({
    data: {
      userId: member.id,
      kind: "onboarding:events.approved",
      params: JSON.stringify({ customer: customer.name }),
      link: `/setup/customers?c=${customer.id}`,
    },
  });
  await signInAs(context, member);

  await page.goto("/en/setup/customers");
  await expect(page.getByRole("link", { name: customer.name })).toBeVisible();
  await expect(page.getByRole("link", { name: other.name })).toHaveCount(0);
  expect((await page.goto(`/en/setup/customers?c=${other.id}`))?.status()).toBe(404);
  expect((await page.goto(`/en/setup/customers/${other.id}/onboarding`))?.status()).toBe(404);
  expect((await page.goto(`/en/profile/preview/${other.id}`))?.status()).toBe(404);

  await page.goto("/en/notifications");
  await expect(page.getByTestId("notifications-count")).toHaveText("1");
  await expect(page.getByTestId("inbox")).toContainText(`${customer.name} approved your onboarding information.`);
  await page.getByRole("button", { name: "Open" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/setup/customers\\?c=${customer.id}$`));
  await expect(page.getByTestId("notifications-count")).toHaveText("0");
});

test("a member without the profile permission sees contacts but not bank, tax or documents", async ({ page, context }) => {
  const { s, client } = await connectedSupplier();
  const { makeUser } = await factories();
  await client.supplierPrivateSection.createMany({
    data: [
      { supplierId: s.supplierId, section: "TAX", data: JSON.stringify({ taxId: "91310000MA1FL0001X" }) },
      {
        supplierId: s.supplierId,
        section: "BANK",
        data: JSON.stringify({ bankName: "Harbour Bank", accountHolder: "Harbor", iban: "DE89370400440532013000" }),
      },
      { supplierId: s.supplierId, section: "CONTACTS", data: JSON.stringify({ primaryName: "Li Wei", primaryEmail: "li.wei@harbor.test" }) },
    ],
  });
  await client.supplierDocument.create({
    data: { supplierId: s.supplierId, filename: "bank-letter.pdf", mimeType: "application/pdf", size: 10, storagePath: "x" },
  });
  const member = await makeUser(s.supplierId, { permissions: "requests" });
  await signInAs(context, member);
  await page.goto("/en/profile");
  await expect(page.getByTestId("withheld-BANK")).toHaveText("Only users with the Profile permission can see this section.");
  await expect(page.getByTestId("withheld-TAX")).toHaveCount(1);
  await expect(page.getByTestId("withheld-DOCUMENTS")).toBeVisible();
  const html = await page.content();
  for (const secret of ["DE89370400440532013000", "Harbour Bank", "91310000MA1FL0001X", "bank-letter.pdf"]) expect(html).not.toContain(secret);
  await page.getByTestId("section-CONTACTS").locator("summary").click();
  await expect(page.getByTestId("section-CONTACTS").getByLabel("Primary contact email")).toHaveValue("li.wei@harbor.test");
});
