// Shared data for the customer-setup, onboarding and profile tests. Import it
// dynamically (after process.env is set), like tests/support/factories.ts.
import type { RequirementStep } from "@/features/requirements/requirements";
import { parsePermissions } from "@/lib/permissions";
import { db } from "@/server/db";

const label = (en: string, zh = en) => ({ en, zh });

export const businessStep: RequirementStep = {
  key: "business",
  kind: "business",
  title: label("Tell us about your business", "介绍您的企业"),
  fields: [
    { key: "legalName", type: "text", label: label("Legal name"), required: true },
    { key: "country", type: "country", label: label("Country"), required: true },
    { key: "contactEmail", type: "email", label: label("Email"), required: true },
    { key: "phone", type: "phone", label: label("Phone"), required: false },
    { key: "certificate", type: "document", label: label("Licence"), required: false },
  ],
};

export const paymentStep: RequirementStep = {
  key: "payment",
  kind: "payment",
  title: label("Provide your default bank information", "提供您的默认银行信息"),
  fields: [
    { key: "accountHolder", type: "text", label: label("Holder"), required: true },
    { key: "iban", type: "iban", label: label("IBAN"), required: false },
    { key: "swift", type: "swift", label: label("SWIFT"), required: true },
    { key: "routing", type: "routingNumber", label: label("Routing"), required: false },
    { key: "confirm", type: "confirm", label: label("Confirm"), required: true },
  ],
};

export const validBusiness = {
  f_legalName: "Acme Widgets Ltd",
  f_country: "CN",
  f_contactEmail: "ar@acme.test",
  f_phone: "+86 21 5555 0100",
};
export const validPayment = {
  f_accountHolder: "Acme Widgets Ltd",
  f_iban: "DE89 3704 0044 0532 0130 00",
  f_swift: "DEUTDEFF",
  f_routing: "011000015",
  f_confirm: "on",
};

export async function connect(supplierId: string, customerId: string, data: { origin?: string; onboardingState?: string; sharedSections?: string } = {}) {
  return db.customerRelationship.create({ data: { supplierId, customerId, origin: data.origin ?? "INVITATION", ...data } });
}

/** The caller as the services receive it (the session user of a supplier). */
export async function asCaller(userId: string) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    kind: "SUPPLIER" as const,
    staffRole: null,
    supplierId: u.supplierId!,
    permissions: parsePermissions(u.permissions),
    allCustomers: u.allCustomers,
  };
}

export async function limitTo(userId: string, customerIds: string[]) {
  await db.user.update({ where: { id: userId }, data: { allCustomers: false } });
  await db.userCustomerAccess.createMany({ data: customerIds.map((customerId) => ({ userId, customerId })) });
}
