// Demo data: fictional companies only. Safe to run twice (it stops when the demo exists).
import { createStaffUser, createSupplierAccount } from "@/features/accounts/service";
import { enrolKnownTotp } from "@/features/second-factor/service";
import { hashPassword } from "@/server/passwords";
import type { RequirementStep } from "@/features/requirements/requirements";
import { db } from "@/server/db";
import { DEMO_TOTP_SECRET } from "./demo-totp";
import { seedCustomerSetup } from "./seed-customer-setup";

export const DEMO_PASSWORD = "Demo-pass-2026";

export const demoUsers = {
  admin: "admin@northwind-parts.test",
  member: "member@northwind-parts.test",
  support: "support@supplier-connect.test",
  administrator: "administrator@supplier-connect.test",
};

const businessStep: RequirementStep = {
  key: "business",
  kind: "business",
  title: { en: "Tell us about your business", zh: "介绍您的企业" },
  fields: [
    { key: "legalName", type: "text", label: { en: "Legal name", zh: "法定名称" }, required: true },
    { key: "taxId", type: "text", label: { en: "Tax ID", zh: "税号" }, required: true },
    { key: "address", type: "address", label: { en: "Registered address", zh: "注册地址" }, required: true },
    { key: "country", type: "country", label: { en: "Country", zh: "国家/地区" }, required: true },
    { key: "contactEmail", type: "email", label: { en: "Accounts receivable email", zh: "应收账款联系邮箱" }, required: true },
    { key: "phone", type: "phone", label: { en: "Phone", zh: "电话" }, required: false },
    { key: "founded", type: "date", label: { en: "Date founded", zh: "成立日期" }, required: false },
    { key: "employees", type: "number", label: { en: "Number of employees", zh: "员工人数" }, required: false },
    {
      key: "size",
      type: "select",
      label: { en: "Company size", zh: "企业规模" },
      required: true,
      options: [
        { value: "small", label: { en: "Small", zh: "小型" } },
        { value: "medium", label: { en: "Medium", zh: "中型" } },
        { value: "large", label: { en: "Large", zh: "大型" } },
      ],
    },
    { key: "certificate", type: "document", label: { en: "Business licence", zh: "营业执照" }, required: false },
  ],
};

const paymentStep: RequirementStep = {
  key: "payment",
  kind: "payment",
  title: { en: "Provide your default bank information", zh: "提供您的默认银行信息" },
  fields: [
    { key: "accountHolder", type: "text", label: { en: "Account holder", zh: "账户持有人" }, required: true },
    { key: "iban", type: "iban", label: { en: "IBAN", zh: "IBAN" }, required: false },
    { key: "swift", type: "swift", label: { en: "SWIFT / BIC", zh: "SWIFT / BIC" }, required: true },
    { key: "accountNumber", type: "bankAccount", label: { en: "Account number", zh: "银行账号" }, required: false },
    { key: "remitTo", type: "address", label: { en: "Remit-to address", zh: "汇款地址" }, required: true },
    { key: "confirm", type: "confirm", label: { en: "I confirm these bank details are correct", zh: "我确认以上银行信息准确无误" }, required: true },
  ],
};

interface DemoCustomer {
  name: string;
  zh?: string;
  aliases?: [string, "TRADING" | "CHINESE" | "FORMER" | "OTHER"][];
  domains: string[];
  taxId?: string;
  reg?: string;
  inbound?: boolean;
  steps?: RequirementStep[];
}

const customers: DemoCustomer[] = [
  {
    name: "Williams-Sonoma Demo Retail Inc.",
    domains: ["wsdemo.test"],
    aliases: [["WSD Retail", "TRADING"]],
    taxId: "94-1111111",
    steps: [businessStep, paymentStep],
  },
  { name: "Coupa Demo Software Incorporated", domains: ["coupademo.test"], aliases: [["Coupa Demo Corp.", "TRADING"]], steps: [businessStep] },
  { name: "Organon Testing Purpose Ltd.", domains: ["organon-test.test"], steps: [businessStep, paymentStep] },
  {
    name: "Shanghai Oriental Pearl Trading Co., Ltd.",
    zh: "上海东方明珠贸易有限公司",
    domains: ["pearl-trading.test"],
    aliases: [
      ["东方明珠", "CHINESE"],
      ["Oriental Pearl", "TRADING"],
    ],
    taxId: "91310000MA1FL0001X",
    steps: [businessStep, paymentStep],
  },
  {
    name: "Beijing Great Wall Machinery Co., Ltd.",
    zh: "北京长城机械有限公司",
    domains: ["gwmachinery.test"],
    aliases: [["长城机械", "CHINESE"]],
    reg: "110000012345678",
  },
  {
    name: "Shenzhen Bright Star Electronics Co., Ltd.",
    zh: "深圳明星电子有限公司",
    domains: ["brightstar-elec.test"],
    aliases: [
      ["Bright Star", "TRADING"],
      ["明星电子", "CHINESE"],
    ],
    steps: [businessStep],
  },
  { name: "Guangzhou Pearl River Foods Co., Ltd.", zh: "广州珠江食品有限公司", domains: ["prfoods.test"], aliases: [["珠江食品", "CHINESE"]] },
  { name: "Hangzhou West Lake Tea Group", zh: "杭州西湖茶业集团", domains: ["westlaketea.test"], aliases: [["西湖茶业", "CHINESE"]], inbound: false },
  { name: "Chengdu Panda Logistics Co., Ltd.", zh: "成都熊猫物流有限公司", domains: ["pandalogistics.test"] },
  { name: "Suzhou Silk Road Textiles Co., Ltd.", zh: "苏州丝路纺织有限公司", domains: ["silkroadtex.test"], aliases: [["Silk Road Textiles", "TRADING"]] },
  { name: "Nanjing Purple Mountain Pharma", zh: "南京紫金山制药", domains: ["pmpharma.test"], steps: [businessStep, paymentStep] },
  { name: "Wuhan Yangtze Steel Works", zh: "武汉长江钢铁厂", domains: ["yangtzesteel.test"], aliases: [["Yangtze Iron & Steel", "FORMER"]] },
  { name: "Müller & Söhne Maschinenbau GmbH", domains: ["mueller-soehne.test"], aliases: [["Mueller und Soehne", "OTHER"]], taxId: "DE123456789" },
  { name: "Société Générale d'Équipement SA", domains: ["sge-equipement.test"] },
  { name: "Nordic Fjord Seafood AS", domains: ["fjordseafood.test"] },
  { name: "Andes Copper Mining S.A.", domains: ["andescopper.test"] },
  { name: "Sakura Precision Instruments K.K.", domains: ["sakura-precision.test"], aliases: [["さくら精機", "OTHER"]] },
  { name: "Maple Leaf Lumber Corp.", domains: ["mapleleaflumber.test"], steps: [businessStep] },
  { name: "Outback Solar Pty Ltd", domains: ["outbacksolar.test"] },
  { name: "Lakeside Hospital Network", domains: ["lakesidehealth.test"], steps: [businessStep, paymentStep] },
  { name: "Redwood University Procurement", domains: ["redwood-uni.test"] },
  { name: "Harbor City Transit Authority", domains: ["harbortransit.test"], inbound: false },
  { name: "Bluebird Airlines Holdings", domains: ["bluebird-air.test"], aliases: [["Bluebird Air", "TRADING"]] },
  { name: "Granite State Construction LLC", domains: ["granitebuild.test"] },
  { name: "Silver Spoon Restaurants Group", domains: ["silverspoon.test"] },
  { name: "Evergreen Paper Products Inc.", domains: ["evergreenpaper.test"], aliases: [["Evergreen Pulp", "FORMER"]] },
  { name: "Atlas Global Shipping Ltd.", domains: ["atlasship.test"] },
  { name: "Crescent Moon Cosmetics", domains: ["crescentmoon.test"] },
  { name: "Pioneer Agricultural Cooperative", domains: ["pioneer-agri.test"] },
  { name: "Tianjin Binhai Port Services Co., Ltd.", zh: "天津滨海港口服务有限公司", domains: ["binhaiport.test"], aliases: [["滨海港口", "CHINESE"]] },
  { name: "Northwind Parts Key Account Buyer", domains: ["northwind-parts.test"] },
];

async function main() {
  if (await db.user.findUnique({ where: { email: demoUsers.admin } })) {
    printSignIns("Demo data already present.");
    return;
  }
  for (const c of customers) {
    await db.customer.create({
      data: {
        name: c.name,
        nameZh: c.zh ?? "",
        taxId: c.taxId ?? "",
        registrationNumber: c.reg ?? "",
        acceptsRequests: c.inbound ?? true,
        requirements: JSON.stringify(c.steps ?? []),
        aliases: { create: (c.aliases ?? []).map(([name, kind]) => ({ name, kind })) },
        domains: { create: c.domains.map((domain) => ({ domain })) },
      },
    });
  }

  const created = await createSupplierAccount(
    { companyName: "Northwind Parts Co.", name: "Alex Admin", email: demoUsers.admin, password: DEMO_PASSWORD, locale: "en" },
    {},
  );
  if (!created.ok) throw new Error("demo supplier exists");
  await db.supplierCompany.update({
    where: { id: created.supplierId },
    data: {
      description: "Precision machined parts and assemblies for industrial customers.",
      website: "https://northwind-parts.test",
      addressLine: "12 Harbour Road",
      city: "Ningbo",
      country: "CN",
      categories: "Machined parts,Assemblies",
    },
  });
  await db.user.create({
    data: {
      email: demoUsers.member,
      name: "Mei Member",
      passwordHash: await hashPassword(DEMO_PASSWORD),
      locale: "zh",
      supplierId: created.supplierId,
      permissions: "onboarding,profile",
    },
  });
  await seedCustomerSetup(created.supplierId, created.userId);
  const support = await createStaffUser({ email: demoUsers.support, name: "Sam Support", password: DEMO_PASSWORD, role: "SUPPORT" });
  const administrator = await createStaffUser({ email: demoUsers.administrator, name: "Ada Administrator", password: DEMO_PASSWORD, role: "ADMINISTRATOR" });
  await enrolKnownTotp(support.id, DEMO_TOTP_SECRET);
  await enrolKnownTotp(administrator.id, DEMO_TOTP_SECRET);
  printSignIns("Demo data created.");
}

function printSignIns(heading: string) {
  console.log(`\n${heading} Sign in with password ${DEMO_PASSWORD}:`);
  console.log(`  supplier admin   ${demoUsers.admin}`);
  console.log(`  supplier member  ${demoUsers.member}`);
  console.log(`  support staff    ${demoUsers.support}`);
  console.log(`  administrator    ${demoUsers.administrator}`);
  console.log(`Staff also give a code from an authenticator app with the key ${DEMO_TOTP_SECRET}, or from \`npm run demo:code\`.\n`);
}

await main();
