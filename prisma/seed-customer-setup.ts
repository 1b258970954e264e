// Demo data for Customer Setup, onboarding, profile sharing and notifications.
// Idempotent: it does nothing when the demo supplier already has relationships.
import { notify } from "@/features/notifications/service";
import { db } from "@/server/db";
import { newToken } from "@/server/tokens";

const DAY = 86_400_000;

async function customer(name: string) {
  return db.customer.findFirstOrThrow({ where: { name } });
}

export async function seedCustomerSetup(supplierId: string, adminId: string) {
  if (await db.customerRelationship.count({ where: { supplierId } })) return;
  const now = Date.now();
  const admin = await db.user.findUniqueOrThrow({ where: { id: adminId } });

  // 1. Connected by invitation; business step submitted, bank step still a draft:
  //    "<Customer> needs additional information to do business with you".
  const ws = await customer("Williams-Sonoma Demo Retail Inc.");
  const wsRel = await db.customerRelationship.create({
    data: {
      supplierId,
      customerId: ws.id,
      origin: "INVITATION",
      onboardingState: "IN_PROGRESS",
      sharedSections: "TAX,CONTACTS",
      createdAt: new Date(now - 20 * DAY),
    },
  });
  await db.onboardingSubmission.create({
    data: {
      relationshipId: wsRel.id,
      stepKey: "business",
      status: "SUBMITTED",
      submittedAt: new Date(now - 18 * DAY),
      data: JSON.stringify({
        legalName: "Northwind Parts Co., Ltd.",
        taxId: "91330200MA2H000001",
        address: "12 Harbour Road\nBeilun District, Ningbo 315800",
        country: "CN",
        contactEmail: "ar@northwind-parts.test",
        phone: "+86 574 5555 0100",
        size: "medium",
      }),
    },
  });
  await db.onboardingSubmission.create({
    data: { relationshipId: wsRel.id, stepKey: "payment", status: "DRAFT", data: JSON.stringify({ accountHolder: "Northwind Parts Co., Ltd." }) },
  });
  await db.auditEvent.createMany({
    data: [
      {
        actorType: "USER",
        actorId: adminId,
        action: "relationship.created",
        entityType: "CustomerRelationship",
        entityId: wsRel.id,
        createdAt: new Date(now - 20 * DAY),
      },
      {
        actorType: "USER",
        actorId: adminId,
        action: "onboarding.step_submitted",
        entityType: "CustomerRelationship",
        entityId: wsRel.id,
        createdAt: new Date(now - 18 * DAY),
      },
      {
        actorType: "USER",
        actorId: adminId,
        action: "onboarding.draft_saved",
        entityType: "CustomerRelationship",
        entityId: wsRel.id,
        createdAt: new Date(now - 17 * DAY),
      },
    ],
  });

  // 2. Connected through an approved connection request, onboarding not started:
  //    both banners, as in the guide.
  const org = await customer("Organon Testing Purpose Ltd.");
  const req = await db.connectionRequest.create({
    data: {
      supplierId,
      customerId: org.id,
      requestedById: adminId,
      contactEmail: "buyer@organon-test.test",
      status: "APPROVED",
      comment: "Welcome aboard.",
      expiresAt: new Date(now + 20 * DAY),
      decidedAt: new Date(now - 5 * DAY),
      createdAt: new Date(now - 10 * DAY),
    },
  });
  await db.connectionRequestEvent.createMany({
    data: [
      { requestId: req.id, toStatus: "PENDING", actorType: "SUPPLIER", actorId: adminId, createdAt: new Date(now - 10 * DAY) },
      { requestId: req.id, fromStatus: "PENDING", toStatus: "APPROVED", actorType: "CONTACT", comment: "Welcome aboard.", createdAt: new Date(now - 5 * DAY) },
    ],
  });
  await db.customerRelationship.create({ data: { supplierId, customerId: org.id, origin: "REQUEST", createdAt: new Date(now - 5 * DAY) } });

  // 3. A current customer that asks for nothing.
  const redwood = await customer("Redwood University Procurement");
  await db.customerRelationship.create({
    data: { supplierId, customerId: redwood.id, origin: "INVITATION", onboardingState: "APPROVED", sharedSections: "TAX", createdAt: new Date(now - 60 * DAY) },
  });

  // 4. An open invitation ("customers that invited you").
  const coupa = await customer("Coupa Demo Software Incorporated");
  await db.invitation.create({
    data: {
      customerId: coupa.id,
      email: admin.email,
      tokenHash: newToken().hash,
      message: "Please join us on Supplier Connect.",
      expiresAt: new Date(now + 25 * DAY),
    },
  });

  // 5. A connection request awaiting an answer.
  const lakeside = await customer("Lakeside Hospital Network");
  await db.connectionRequest.create({
    data: {
      supplierId,
      customerId: lakeside.id,
      requestedById: adminId,
      contactEmail: "purchasing@lakesidehealth.test",
      expiresAt: new Date(now + 27 * DAY),
      createdAt: new Date(now - 3 * DAY),
    },
  });

  // Private profile sections.
  await db.supplierPrivateSection.createMany({
    data: [
      { supplierId, section: "TAX", data: JSON.stringify({ taxId: "91330200MA2H000001", vatNumber: "CN-VAT-330200", taxCountry: "CN" }) },
      {
        supplierId,
        section: "BANK",
        data: JSON.stringify({
          bankName: "Harbour Commercial Bank",
          accountHolder: "Northwind Parts Co., Ltd.",
          swift: "HCBKCNSH",
          accountNumber: "6222020200112233",
        }),
      },
      { supplierId, section: "CONTACTS", data: JSON.stringify({ primaryName: "Alex Admin", primaryEmail: admin.email, primaryPhone: "+86 574 5555 0100" }) },
    ],
  });

  await notify(db, [adminId], "onboarding:events.approved", { customer: redwood.name }, `/setup/customers?c=${redwood.id}`);
}
