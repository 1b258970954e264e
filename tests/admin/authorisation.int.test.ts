import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";
import { sessionOf } from "../support/session-user";

/**
 * Every admin action, called as anonymous, a supplier admin, support and an
 * administrator: each caller gets exactly what its role allows, and a refused
 * call changes nothing. The session is the only thing stubbed (there is no
 * request here); the actions, their wrapper and the database are real.
 * Add new admin actions to `cases` below.
 */
let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));
vi.mock("@/server/request", () => ({ clientIp: async () => "10.9.0.1" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db");
const { createStaffUser } = await import("@/features/accounts/service");
const { enrolTotp, makeCustomer, makeSupplier, PASSWORD } = await import("../support/factories");
const {
  adminActionModules: {
    admin,
    adminCustomers: customers,
    adminStaff: staff,
    adminRequests: queue,
    adminTickets: tickets,
    adminOnboarding: onboarding,
    adminRecovery: recovery,
  },
} = await import("../support/action-modules");
const { createTicket } = await import("@/features/support/service");

type Role = "anonymous" | "supplier" | "SUPPORT" | "ADMINISTRATOR";
type FormAction = (prev: unknown, form: FormData) => Promise<{ ok: boolean; formError?: string }>;
interface Case {
  name: string;
  action: FormAction;
  allowed: Role[];
  /** Creates what the call needs; returns its form fields and a check of whether it took effect */
  setup: () => Promise<{ form: Record<string, string | string[]>; tookEffect: () => Promise<boolean> }>;
}

const uid = () => crypto.randomBytes(4).toString("hex");
const staffUser = (role: "SUPPORT" | "ADMINISTRATOR", status = "ACTIVE") =>
  createStaffUser({ email: `target-${uid()}@authz.test`, name: "Target", password: PASSWORD, role }).then((u) =>
    status === "ACTIVE" ? u : db.user.update({ where: { id: u.id }, data: { status } }),
  );

async function pendingRequest() {
  const s = await makeSupplier();
  const c = await makeCustomer();
  return db.connectionRequest.create({
    data: {
      supplierId: s.supplierId,
      customerId: c.id,
      requestedById: s.userId,
      contactEmail: `c-${uid()}@authz.test`,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

async function openTicket() {
  const s = await makeSupplier();
  return createTicket({ topic: "OTHER", message: "Please help with my account." }, { userId: s.userId, supplierId: s.supplierId });
}

async function submittedOnboarding() {
  const s = await makeSupplier();
  const c = await makeCustomer();
  return db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: c.id, origin: "STAFF", onboardingState: "SUBMITTED" } });
}
const stateOf = async (id: string) => (await db.customerRelationship.findUniqueOrThrow({ where: { id } })).onboardingState;

/** A request for admin rights from the only active user of a company whose admin was deactivated. */
async function recoveryRequest() {
  const s = await makeSupplier();
  await db.user.update({ where: { id: s.userId }, data: { status: "DEACTIVATED" } });
  const member = await db.user.create({
    data: { email: `m-${uid()}@authz.test`, name: "Member", passwordHash: "x", supplierId: s.supplierId, permissions: "requests" },
  });
  return db.adminRightsRequest.create({ data: { supplierId: s.supplierId, userId: member.id, reason: "Admin left", pendingKey: member.id } });
}

const cases: Case[] = [
  {
    name: "grant a request for company admin rights",
    action: recovery.decideAdminRightsAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const r = await recoveryRequest();
      return {
        form: { id: r.id, decision: "GRANTED", comment: "Checked" },
        tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: r.userId } })).permissions.includes("admin"),
      };
    },
  },
  {
    name: "approve an onboarding",
    action: onboarding.approveOnboardingAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const r = await submittedOnboarding();
      return { form: { id: r.id }, tookEffect: async () => (await stateOf(r.id)) === "APPROVED" };
    },
  },
  {
    name: "send an onboarding back",
    action: onboarding.sendBackOnboardingAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const r = await submittedOnboarding();
      return { form: { id: r.id, comment: "Please fix the address." }, tookEffect: async () => (await stateOf(r.id)) === "CHANGES_REQUESTED" };
    },
  },
  {
    name: "assign a ticket to self",
    action: tickets.assignTicketAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const t = await openTicket();
      return { form: { id: t.id }, tookEffect: async () => (await db.supportTicket.findUniqueOrThrow({ where: { id: t.id } })).assigneeId !== null };
    },
  },
  {
    name: "reply to a ticket",
    action: tickets.replyTicketAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const t = await openTicket();
      return { form: { id: t.id, body: "Here is the answer." }, tookEffect: async () => (await db.ticketMessage.count({ where: { ticketId: t.id } })) === 1 };
    },
  },
  {
    name: "close a ticket",
    action: tickets.closeTicketAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const t = await openTicket();
      return { form: { id: t.id }, tookEffect: async () => (await db.supportTicket.findUniqueOrThrow({ where: { id: t.id } })).status === "CLOSED" };
    },
  },
  {
    name: "decide a connection request",
    action: queue.decideRequestAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const r = await pendingRequest();
      return {
        form: { id: r.id, decision: "APPROVED", comment: "ok" },
        tookEffect: async () => (await db.connectionRequest.findUniqueOrThrow({ where: { id: r.id } })).status === "APPROVED",
      };
    },
  },
  {
    name: "bulk decide connection requests",
    action: queue.bulkDecideAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const r = await pendingRequest();
      return {
        form: { "ids[]": [r.id], decision: "REJECTED", comment: "no" },
        tookEffect: async () => (await db.connectionRequest.findUniqueOrThrow({ where: { id: r.id } })).status === "REJECTED",
      };
    },
  },
  {
    name: "reset a supplier's search attempts",
    action: queue.resetAttemptsAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const s = await makeSupplier();
      await db.searchAllowance.create({ data: { supplierId: s.supplierId, used: 5 } });
      return {
        form: { supplierId: s.supplierId },
        tookEffect: async () => (await db.searchAllowance.findUniqueOrThrow({ where: { supplierId: s.supplierId } })).used === 0,
      };
    },
  },
  {
    name: "resend a failed mail",
    action: admin.resendMailAction,
    allowed: ["SUPPORT", "ADMINISTRATOR"],
    setup: async () => {
      const m = await db.outgoingMail.create({
        data: { to: "x@authz.test", locale: "en", template: "a:b", subject: "s", text: "t", html: "h", status: "FAILED" },
      });
      return { form: { id: m.id }, tookEffect: async () => (await db.outgoingMail.findUniqueOrThrow({ where: { id: m.id } })).status !== "FAILED" };
    },
  },
  {
    name: "create a customer",
    action: customers.createCustomerAction,
    allowed: ["ADMINISTRATOR"],
    setup: async () => {
      const name = `Authz Customer ${uid()}`;
      return {
        form: { name, acceptsRequests: "yes", autoApproveRule: "NONE", "aliasName[]": ["Authz Alias"], "aliasKind[]": ["TRADING"] },
        tookEffect: async () => (await db.customer.count({ where: { name } })) === 1,
      };
    },
  },
  {
    name: "edit a customer",
    action: customers.updateCustomerAction,
    allowed: ["ADMINISTRATOR"],
    setup: async () => {
      const c = await makeCustomer();
      return {
        form: { id: c.id, name: c.name, nameZh: "改名", acceptsRequests: "no", autoApproveRule: "NONE" },
        tookEffect: async () => (await db.customer.findUniqueOrThrow({ where: { id: c.id } })).nameZh === "改名",
      };
    },
  },
  {
    name: "create a staff account",
    action: staff.createStaffAction,
    allowed: ["ADMINISTRATOR"],
    setup: async () => {
      const email = `new-${uid()}@authz.test`;
      return { form: { email, name: "New", role: "ADMINISTRATOR", setup: "link" }, tookEffect: async () => (await db.user.count({ where: { email } })) === 1 };
    },
  },
  {
    name: "deactivate a staff account",
    action: staff.deactivateStaffAction,
    allowed: ["ADMINISTRATOR"],
    setup: async () => {
      const u = await staffUser("SUPPORT");
      return { form: { id: u.id }, tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).status === "DEACTIVATED" };
    },
  },
  {
    name: "reactivate a staff account",
    action: staff.reactivateStaffAction,
    allowed: ["ADMINISTRATOR"],
    setup: async () => {
      const u = await staffUser("SUPPORT", "DEACTIVATED");
      return { form: { id: u.id }, tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).status === "ACTIVE" };
    },
  },
  {
    name: "change a staff role",
    action: staff.changeStaffRoleAction,
    allowed: ["ADMINISTRATOR"],
    setup: async () => {
      const u = await staffUser("SUPPORT");
      return {
        form: { id: u.id, role: "ADMINISTRATOR" },
        tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).staffRole === "ADMINISTRATOR",
      };
    },
  },
  {
    name: "reset a user's second factor",
    action: staff.resetSecondFactorAction,
    allowed: ["ADMINISTRATOR"],
    setup: async () => {
      const s = await makeSupplier();
      await enrolTotp(s.userId);
      return {
        form: { email: s.email },
        tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: s.userId } })).secondFactorSince === null,
      };
    },
  },
];

const callers = {} as Record<Role, SessionUser | null>;
const session = sessionOf;

beforeAll(async () => {
  const s = await makeSupplier();
  callers.anonymous = null;
  callers.supplier = session(await db.user.findUniqueOrThrow({ where: { id: s.userId } }));
  callers.SUPPORT = session(await staffUser("SUPPORT"));
  callers.ADMINISTRATOR = session(await staffUser("ADMINISTRATOR"));
});

function formData(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  fd.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) fd.append(k, value);
  return fd;
}

describe("admin actions: each role gets exactly what it is allowed", () => {
  for (const c of cases) {
    for (const role of ["anonymous", "supplier", "SUPPORT", "ADMINISTRATOR"] as Role[]) {
      const allowed = c.allowed.includes(role);
      it(`${c.name} as ${role}: ${allowed ? "done" : "refused, nothing changed"}`, async () => {
        const { form, tookEffect } = await c.setup();
        const audits = await db.auditEvent.count();
        current = callers[role];
        const result = await c.action(undefined, formData(form));
        current = null;
        if (allowed) {
          expect(result.ok, JSON.stringify(result)).toBe(true);
          expect(await tookEffect()).toBe(true);
          expect(await db.auditEvent.count()).toBeGreaterThan(audits);
        } else {
          expect(result).toMatchObject({ ok: false, formError: "errors.notAllowed" });
          expect(await tookEffect()).toBe(false);
          expect(await db.auditEvent.count()).toBe(audits);
        }
      });
    }
  }
});

describe("admin actions: bad input is a field message and writes nothing", () => {
  it("customer form", async () => {
    current = callers.ADMINISTRATOR;
    const before = await db.customer.count();
    const audits = await db.auditEvent.count();
    const result = await customers.createCustomerAction(
      undefined,
      formData({ name: "Bad Domains Ltd", domains: "nope nope", acceptsRequests: "yes", autoApproveRule: "NONE", requirements: "[{]" }),
    );
    current = null;
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { domains: ["staff:customers.errors.domain"], requirements: ["staff:customers.errors.requirementsJson"] },
    });
    expect(await db.customer.count()).toBe(before);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("staff form, and the last administrator through the action", async () => {
    current = callers.ADMINISTRATOR;
    const bad = await staff.createStaffAction(undefined, formData({ email: "not-an-email", name: "", role: "ROOT", setup: "link" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { email: ["validation.email"], name: ["validation.required"], role: ["validation.invalid"] } });
    // Leave one other active administrator, then try to demote them.
    await db.user.updateMany({ where: { kind: "STAFF", staffRole: "ADMINISTRATOR", id: { not: callers.ADMINISTRATOR!.id } }, data: { status: "DEACTIVATED" } });
    const other = await staffUser("ADMINISTRATOR");
    await db.user.update({ where: { id: callers.ADMINISTRATOR!.id }, data: { status: "DEACTIVATED" } });
    const refused = await staff.changeStaffRoleAction(undefined, formData({ id: other.id, role: "SUPPORT" }));
    current = null;
    expect(refused).toMatchObject({ ok: false, formError: "staff:staff.errors.lastAdministrator" });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).staffRole).toBe("ADMINISTRATOR");
  });
});
