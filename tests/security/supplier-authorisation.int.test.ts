import crypto from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";
import { sessionOf } from "../support/session-user";

/**
 * Every supplier and signed-in user action (the "use server" modules of the
 * portal and public areas that authorise through supplierAction / userAction),
 * called by each kind of caller: anonymous, the company's admin, a member
 * without the permission the action needs, a member limited to one customer
 * acting on another customer's objects, another company's admin acting on this
 * company's ids, and staff (support, administrator). Each caller gets exactly
 * what it is allowed; a refused call changes nothing (a `tookEffect` probe per
 * case, and no audit row). The session is the only thing stubbed (there is no
 * request here); the actions, their wrapper and the database are real.
 *
 * A new action in one of `modules` fails the last test until it has a case here.
 */
let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));
vi.mock("@/server/request", async (importOriginal) => ({ ...(await importOriginal<object>()), clientIp: async () => "10.9.0.2" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/server/db");
const { createStaffUser } = await import("@/features/accounts/service");
const { inviteColleague } = await import("@/features/supplier-users/colleague-invitations");
const { newToken } = await import("@/server/tokens");
const { permissions: allPermissions } = await import("@/lib/permissions");
const { makeCustomer, makeSupplier, makeUser, PASSWORD } = await import("../support/factories");
const { businessStep, connect, limitTo, validBusiness } = await import("../customer-setup/fixtures");
const { solvedCaptcha } = await import("../connection-requests/captcha-helper");

const { portalActionModules: modules } = await import("../support/action-modules");
const {
  recovery: recoveryActions,
  profile,
  email: emailActions,
  preferences: preferenceActions,
  users,
  onboarding,
  requests,
  notifications,
  invite,
  twoFactor,
} = modules;
const { enrolTotp } = await import("../support/factories");
const signedInRoles: Role[] = ["admin", "member", "limited", "otherAdmin", "SUPPORT", "ADMINISTRATOR"];

type Role = "anonymous" | "admin" | "member" | "limited" | "otherAdmin" | "SUPPORT" | "ADMINISTRATOR";
const roles: Role[] = ["anonymous", "admin", "member", "limited", "otherAdmin", "SUPPORT", "ADMINISTRATOR"];
type Result = { ok: boolean; formError?: string; fieldErrors?: Record<string, string[]> } | void;
type AnyAction = ((prev: unknown, form: FormData) => Promise<Result>) | ((form: FormData) => Promise<void>);
type Field = string | string[] | File;

interface Case {
  name: string;
  /** The module's export (the completeness test checks every export has a case) */
  action: AnyAction;
  /** Callers for which the call is done and takes effect */
  allowed: Role[];
  /** Callers for which the call succeeds on their own company only (nothing of this company changes) */
  ownScope?: Role[];
  /** A userAction: any signed-in user (staff too) reaches the handler, which refuses what is not theirs */
  signedIn?: boolean;
  /** A read-only action: the result says whether it was answered */
  readOnly?: boolean;
  /** Writes an audit row when done (default true) */
  audited?: boolean;
  setup: () => Promise<{ form: Record<string, Field>; tookEffect: () => Promise<boolean> }>;
}

const uid = () => crypto.randomBytes(4).toString("hex");
/** The company every case acts on, its two connected customers, and the callers. */
const home = {} as { supplierId: string; adminId: string; adminEmail: string; a: string; b: string };
const callers = {} as Record<Role, SessionUser | null>;
let memberPermissions: (needed: string | null) => string = () => "";
const neededOf = new Map<Case, string | null>();

const session = sessionOf;
const loadSession = async (id: string) => session(await db.user.findUniqueOrThrow({ where: { id } }));

/** A colleague in the home company who sees only customer A (what the limited caller may not manage). */
async function colleagueOfA(status = "ACTIVE") {
  const u = await makeUser(home.supplierId, { permissions: "requests" });
  await limitTo(u.id, [home.a]);
  if (status !== "ACTIVE") await db.user.update({ where: { id: u.id }, data: { status } });
  return u;
}

async function pendingInvitation() {
  const email = `invitee-${uid()}@authz.test`;
  const res = await inviteColleague(
    { id: home.adminId, supplierId: home.supplierId },
    { email, locale: "en", grant: { permissions: ["requests"], allCustomers: false, customerIds: [home.a] } },
  );
  expect(res.ok).toBe(true);
  const row = () => db.oneTimeToken.findFirst({ where: { purpose: "USER_INVITE", supplierId: home.supplierId, email } });
  return { email, hash: (await row())!.tokenHash, row };
}

const joinRequest = () => db.joinRequest.create({ data: { supplierId: home.supplierId, email: `joiner-${uid()}@authz.test`, name: "Joiner" } });
const joinStatus = async (id: string) => (await db.joinRequest.findUniqueOrThrow({ where: { id } })).status;

async function pendingRequestTo(customerId: string) {
  return db.connectionRequest.create({
    data: {
      supplierId: home.supplierId,
      customerId,
      requestedById: home.adminId,
      contactEmail: `c-${uid()}@authz.test`,
      expiresAt: new Date(Date.now() + 86_400_000),
      pendingKey: `${home.supplierId}:${customerId}`,
    },
  });
}

const notification = () => db.notification.create({ data: { userId: home.adminId, kind: "requests:events.approved", params: "{}", link: "/setup/requests" } });
const isRead = async (id: string) => (await db.notification.findUniqueOrThrow({ where: { id } })).readAt !== null;

const cases: (Case & { permission: string | null })[] = [
  // ------------------------------------------------------------- profile
  {
    name: "update the public profile",
    permission: "profile",
    action: profile.updatePublicProfileAction,
    allowed: ["admin", "limited"],
    ownScope: ["otherAdmin"],
    setup: async () => {
      const name = `Renamed ${uid()}`;
      return { form: { name }, tookEffect: async () => (await db.supplierCompany.findUniqueOrThrow({ where: { id: home.supplierId } })).name === name };
    },
  },
  {
    name: "update a private profile section",
    permission: "profile",
    action: profile.updateSectionAction,
    allowed: ["admin", "limited"],
    ownScope: ["otherAdmin"],
    setup: async () => {
      const bank = `Bank ${uid()}`;
      return {
        form: { section: "BANK", f_bankName: bank, f_accountHolder: "Holder" },
        tookEffect: async () =>
          (await db.supplierPrivateSection.findFirst({ where: { supplierId: home.supplierId, section: "BANK" } }))?.data.includes(bank) ?? false,
      };
    },
  },
  {
    name: "upload a profile document",
    permission: "profile",
    action: profile.uploadDocumentAction,
    allowed: ["admin", "limited"],
    ownScope: ["otherAdmin"],
    setup: async () => {
      const filename = `cert-${uid()}.pdf`;
      return {
        form: { file: new File([new Uint8Array(Buffer.from("%PDF-1.4 certificate"))], filename, { type: "application/pdf" }) },
        tookEffect: async () => (await db.supplierDocument.count({ where: { supplierId: home.supplierId, filename } })) === 1,
      };
    },
  },
  {
    name: "share profile sections with customer A",
    permission: "profile",
    action: profile.updateSharingAction,
    allowed: ["admin"],
    setup: async () => {
      await db.customerRelationship.updateMany({ where: { supplierId: home.supplierId, customerId: home.a }, data: { sharedSections: "" } });
      return {
        form: { customerId: home.a, "sections[]": ["BANK"] },
        tookEffect: async () =>
          (await db.customerRelationship.findFirstOrThrow({ where: { supplierId: home.supplierId, customerId: home.a } })).sharedSections === "BANK",
      };
    },
  },
  // --------------------------------------------------------------- users
  {
    name: "invite a colleague for customer A",
    permission: "users",
    action: users.inviteAction,
    allowed: ["admin"],
    setup: async () => {
      const email = `new-${uid()}@authz.test`;
      return {
        form: { email, locale: "en", "permissions[]": ["requests"], access: "selected", "customerIds[]": [home.a] },
        tookEffect: async () => (await db.oneTimeToken.count({ where: { purpose: "USER_INVITE", email } })) > 0,
      };
    },
  },
  {
    name: "resend a colleague invitation for customer A",
    permission: "users",
    action: users.resendColleagueInvitationAction,
    allowed: ["admin"],
    setup: async () => {
      const inv = await pendingInvitation();
      return { form: { email: inv.email }, tookEffect: async () => (await inv.row())?.tokenHash !== inv.hash };
    },
  },
  {
    name: "revoke a colleague invitation for customer A",
    permission: "users",
    action: users.revokeColleagueInvitationAction,
    allowed: ["admin"],
    setup: async () => {
      const inv = await pendingInvitation();
      return { form: { email: inv.email }, tookEffect: async () => (await inv.row()) === null };
    },
  },
  {
    name: "change the access of a colleague of customer A",
    permission: "users",
    action: users.updateAccessAction,
    allowed: ["admin"],
    setup: async () => {
      const u = await colleagueOfA();
      return {
        form: { userId: u.id, "permissions[]": ["requests", "onboarding"], access: "selected", "customerIds[]": [home.a] },
        tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).permissions.includes("onboarding"),
      };
    },
  },
  {
    name: "deactivate a colleague of customer A",
    permission: "users",
    action: users.deactivateAction,
    allowed: ["admin"],
    setup: async () => {
      const u = await colleagueOfA();
      return { form: { userId: u.id }, tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).status === "DEACTIVATED" };
    },
  },
  {
    name: "reactivate a colleague of customer A",
    permission: "users",
    action: users.reactivateAction,
    allowed: ["admin"],
    setup: async () => {
      const u = await colleagueOfA("DEACTIVATED");
      return { form: { userId: u.id }, tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).status === "ACTIVE" };
    },
  },
  {
    name: "approve a join request with access to customer A",
    permission: "users",
    action: users.approveJoinAction,
    allowed: ["admin"],
    setup: async () => {
      const r = await joinRequest();
      return {
        form: { requestId: r.id, "permissions[]": ["requests"], access: "selected", "customerIds[]": [home.a] },
        tookEffect: async () => (await joinStatus(r.id)) === "APPROVED",
      };
    },
  },
  {
    name: "decline a join request",
    permission: "users",
    action: users.declineJoinAction,
    allowed: ["admin", "limited"],
    setup: async () => {
      const r = await joinRequest();
      return { form: { requestId: r.id }, tookEffect: async () => (await joinStatus(r.id)) === "DECLINED" };
    },
  },
  // ---------------------------------------------------------- onboarding
  {
    name: "save an onboarding step for customer A",
    permission: "onboarding",
    action: onboarding.saveStepAction,
    allowed: ["admin"],
    setup: async () => {
      const rel = await db.customerRelationship.findFirstOrThrow({ where: { supplierId: home.supplierId, customerId: home.a } });
      await db.onboardingSubmission.deleteMany({ where: { relationshipId: rel.id } });
      return {
        form: { customerId: home.a, stepKey: "business", intent: "draft", ...validBusiness },
        tookEffect: async () => (await db.onboardingSubmission.count({ where: { relationshipId: rel.id } })) === 1,
      };
    },
  },
  {
    name: "copy onboarding answers from customer B into customer A",
    permission: "onboarding",
    action: onboarding.copyAnswersAction,
    allowed: ["admin"],
    setup: async () => {
      const [relA, relB] = await Promise.all(
        [home.a, home.b].map((customerId) => db.customerRelationship.findFirstOrThrow({ where: { supplierId: home.supplierId, customerId } })),
      );
      await db.onboardingSubmission.deleteMany({ where: { relationshipId: relA.id } });
      await db.onboardingSubmission.upsert({
        where: { relationshipId_stepKey: { relationshipId: relB.id, stepKey: "business" } },
        create: { relationshipId: relB.id, stepKey: "business", data: JSON.stringify({ legalName: "Copied Ltd" }) },
        update: {},
      });
      return {
        form: { customerId: home.a, stepKey: "business", fromCustomerId: home.b },
        tookEffect: async () => (await db.onboardingSubmission.count({ where: { relationshipId: relA.id } })) === 1,
      };
    },
  },
  // ------------------------------------------------------------ requests
  {
    name: "search the customer directory",
    permission: "requests",
    action: requests.searchCustomersAction,
    allowed: ["admin", "limited"],
    ownScope: ["otherAdmin"],
    audited: false,
    setup: async () => {
      const query = `acme ${uid()}`;
      return { form: { query }, tookEffect: async () => (await db.searchAttempt.count({ where: { supplierId: home.supplierId, query } })) === 1 };
    },
  },
  {
    name: "check a contact address",
    permission: "requests",
    action: requests.checkContactAction,
    allowed: ["admin", "limited"],
    ownScope: ["otherAdmin"],
    readOnly: true,
    audited: false,
    setup: async () => ({ form: { customerId: home.a, contactEmail: "buyer@gmail.com" }, tookEffect: async () => false }),
  },
  {
    name: "request a connection",
    permission: "requests",
    action: requests.requestConnectionAction,
    allowed: ["admin", "limited"],
    ownScope: ["otherAdmin"],
    setup: async () => {
      const c = await makeCustomer();
      return {
        form: {
          customerId: c.id,
          contactEmail: `buyer-${uid()}@authz.test`,
          contactLocale: "en",
          consent: "on",
          captcha: await solvedCaptcha(),
          idempotencyKey: crypto.randomUUID(),
        },
        tookEffect: async () => (await db.connectionRequest.count({ where: { supplierId: home.supplierId, customerId: c.id } })) === 1,
      };
    },
  },
  {
    name: "cancel a request to a customer outside the limited member's scope",
    permission: "requests",
    action: requests.cancelRequestAction,
    allowed: ["admin"],
    setup: async () => {
      const r = await pendingRequestTo((await makeCustomer()).id);
      return {
        form: { requestId: r.id },
        tookEffect: async () => (await db.connectionRequest.findUniqueOrThrow({ where: { id: r.id } })).status === "CANCELLED",
      };
    },
  },
  {
    name: "open a support ticket",
    permission: null,
    action: requests.createTicketAction,
    allowed: ["admin", "member", "limited"],
    ownScope: ["otherAdmin"],
    setup: async () => {
      const message = `Please help, ref ${uid()}.`;
      return {
        form: { topic: "OTHER", message },
        tookEffect: async () => (await db.supportTicket.count({ where: { supplierId: home.supplierId, message } })) === 1,
      };
    },
  },
  // ------------------------------------------------ signed-in user actions
  {
    name: "mark one of the admin's notifications read",
    permission: null,
    action: notifications.markReadAction,
    allowed: ["admin"],
    audited: false,
    setup: async () => {
      const n = await notification();
      return { form: { id: n.id }, tookEffect: () => isRead(n.id) };
    },
  },
  {
    name: "mark all the admin's notifications read",
    permission: null,
    action: notifications.markAllReadAction,
    allowed: ["admin"],
    audited: false,
    setup: async () => {
      const n = await notification();
      return { form: {}, tookEffect: () => isRead(n.id) };
    },
  },
  {
    name: "open one of the admin's notifications",
    permission: null,
    action: notifications.openNotificationAction,
    allowed: ["admin"],
    audited: false,
    setup: async () => {
      const n = await notification();
      return { form: { id: n.id }, tookEffect: () => isRead(n.id) };
    },
  },
  {
    name: "accept a customer's invitation sent to the admin",
    permission: null,
    action: invite.acceptAction,
    allowed: ["admin"],
    signedIn: true,
    setup: async () => {
      const c = await makeCustomer();
      const { token, hash } = newToken();
      const inv = await db.invitation.create({
        data: { customerId: c.id, email: home.adminEmail, tokenHash: hash, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      return { form: { token }, tookEffect: async () => (await db.invitation.findUniqueOrThrow({ where: { id: inv.id } })).status === "ACCEPTED" };
    },
  },
  // Two-factor sign-in: each signed-in user manages their own factors; the company's policy and resets are the company admin's.
  {
    name: "ask for passkey options (own account)",
    permission: null,
    action: twoFactor.passkeyOptionsAction,
    allowed: signedInRoles,
    signedIn: true,
    readOnly: true,
    audited: false,
    setup: async () => ({ form: { purpose: "register" }, tookEffect: async () => false }),
  },
  {
    name: "start an authenticator-app enrolment (own account)",
    permission: null,
    action: twoFactor.startTotpAction,
    allowed: signedInRoles,
    signedIn: true,
    setup: async () => {
      const since = new Date(Date.now() - 1);
      return { form: {}, tookEffect: async () => (await db.totpFactor.count({ where: { pendingAt: { gt: since } } })) > 0 };
    },
  },
  ...[
    ["confirm an enrolment that was not started", twoFactor.confirmTotpAction, { code: "123456" }],
    ["add a passkey with a forged answer", twoFactor.addPasskeyAction, { name: "Key", passkey: '{"id":"x","response":{}}' }],
    ["remove an authenticator app one does not have", twoFactor.disableTotpAction, {}],
    ["make recovery codes without a second factor", twoFactor.regenerateCodesAction, {}],
    ["pass a step-up check without a live session", twoFactor.stepUpAction, { password: PASSWORD, next: "/en/home" }],
  ].map(([name, action, form]): Case & { permission: string | null } => ({
    name: name as string,
    permission: null,
    action: action as AnyAction,
    allowed: [],
    signedIn: true,
    setup: async () => {
      const since = new Date(Date.now() - 1);
      return {
        form: form as Record<string, Field>,
        tookEffect: async () => (await db.auditEvent.count({ where: { action: { startsWith: "second_factor." }, createdAt: { gt: since } } })) > 0,
      };
    },
  })),
  {
    name: "remove the admin's own passkey",
    permission: null,
    action: twoFactor.removePasskeyAction,
    allowed: ["admin"],
    signedIn: true,
    setup: async () => {
      const id = `pk-${uid()}`;
      await db.passkey.create({ data: { id, userId: home.adminId, name: "Laptop", publicKey: Buffer.from([1, 2, 3]) } });
      return { form: { passkeyId: id }, tookEffect: async () => (await db.passkey.count({ where: { id } })) === 0 };
    },
  },
  {
    name: "require a second factor for the whole company",
    permission: "admin",
    action: twoFactor.companyPolicyAction,
    allowed: ["admin"],
    ownScope: ["otherAdmin"],
    setup: async () => {
      await db.supplierCompany.update({ where: { id: home.supplierId }, data: { requireSecondFactor: false } });
      return {
        form: { required: "on" },
        tookEffect: async () => (await db.supplierCompany.findUniqueOrThrow({ where: { id: home.supplierId } })).requireSecondFactor,
      };
    },
  },
  {
    name: "reset a colleague's second factor",
    permission: "admin",
    action: twoFactor.resetColleagueFactorAction,
    allowed: ["admin"],
    setup: async () => {
      const colleague = await makeUser(home.supplierId, { permissions: "requests" });
      await enrolTotp(colleague.id);
      return {
        form: { userId: colleague.id },
        tookEffect: async () => (await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).secondFactorSince === null,
      };
    },
  },
  // ------------------------------------------------------- own account
  {
    name: "ask to change the sign-in email (each caller only ever of their own account)",
    permission: null,
    action: emailActions.changeEmailAction,
    allowed: ["admin"],
    ownScope: ["member", "limited", "otherAdmin", "SUPPORT", "ADMINISTRATOR"],
    signedIn: true,
    setup: async () => {
      const to = `moved-${uid()}@gmail.com`;
      return {
        form: { newEmail: to, password: PASSWORD },
        tookEffect: async () => (await db.oneTimeToken.count({ where: { purpose: "EMAIL_CHANGE", userId: home.adminId, email: to } })) === 1,
      };
    },
  },
  {
    name: "save notification preferences (each caller only ever their own)",
    permission: null,
    action: preferenceActions.savePreferencesAction,
    allowed: ["admin"],
    ownScope: ["member", "limited", "otherAdmin", "SUPPORT", "ADMINISTRATOR"],
    signedIn: true,
    setup: async () => {
      // Alternate so every call is a change (and so audited).
      const current = await db.notificationPreference.findUnique({ where: { userId_kind: { userId: home.adminId, kind: "tickets" } } });
      const next = current?.channel === "EMAIL" ? "IN_APP" : "EMAIL";
      return {
        form: { connections: "BOTH", invitations: "BOTH", tickets: next, onboarding: "BOTH", joinRequests: "BOTH" },
        tookEffect: async () =>
          (await db.notificationPreference.findUnique({ where: { userId_kind: { userId: home.adminId, kind: "tickets" } } }))?.channel === next,
      };
    },
  },
  {
    // The home company has an active admin, so nobody of it may ask; each caller is refused and nothing is recorded.
    name: "ask support for admin rights while the company has an admin",
    permission: null,
    action: recoveryActions.requestAdminRightsAction,
    allowed: [],
    signedIn: true,
    setup: async () => ({
      form: { reason: "Our admin left" },
      tookEffect: async () => (await db.adminRightsRequest.count()) > 0,
    }),
  },
];
for (const c of cases) neededOf.set(c, c.permission);

beforeAll(async () => {
  const s = await makeSupplier();
  const a = await makeCustomer({ requirements: [businessStep] });
  const b = await makeCustomer({ requirements: [businessStep] });
  await connect(s.supplierId, a.id);
  await connect(s.supplierId, b.id);
  Object.assign(home, { supplierId: s.supplierId, adminId: s.userId, adminEmail: s.email, a: a.id, b: b.id });

  const everything = allPermissions.filter((p) => p !== "admin");
  // A member holding every permission but the one the action needs.
  memberPermissions = (needed) => everything.filter((p) => p !== needed).join(",");
  const limited = await makeUser(s.supplierId, { permissions: everything.join(",") });
  await limitTo(limited.id, [b.id]);
  const other = await makeSupplier();
  const staff = (role: "SUPPORT" | "ADMINISTRATOR") =>
    createStaffUser({ email: `${role.toLowerCase()}-${uid()}@authz.test`, name: role, password: PASSWORD, role });

  callers.anonymous = null;
  callers.admin = await loadSession(s.userId);
  callers.limited = await loadSession(limited.id);
  callers.otherAdmin = await loadSession(other.userId);
  callers.SUPPORT = session(await staff("SUPPORT"));
  callers.ADMINISTRATOR = session(await staff("ADMINISTRATOR"));
});

function formData(fields: Record<string, Field>) {
  const fd = new FormData();
  fd.set("lng", "en");
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof File) fd.append(k, v);
    else for (const value of Array.isArray(v) ? v : [v]) fd.append(k, value);
  }
  return fd;
}

/** Calls an action like the browser would: a (prev, form) action or a plain <form action>. A Next redirect is a success. */
async function call(action: AnyAction, form: FormData): Promise<Result | "redirect"> {
  try {
    return action.length >= 2
      ? await (action as (p: unknown, f: FormData) => Promise<Result>)(undefined, form)
      : await (action as (f: FormData) => Promise<void>)(form);
  } catch (error) {
    if (String((error as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT")) return "redirect";
    throw error;
  }
}

const members = new Map<string, SessionUser>();
async function callerFor(role: Role, c: Case): Promise<SessionUser | null> {
  if (role !== "member") return callers[role];
  const permissions = memberPermissions(neededOf.get(c) ?? null);
  if (!members.has(permissions)) members.set(permissions, await loadSession((await makeUser(home.supplierId, { permissions })).id));
  return members.get(permissions)!;
}

describe("supplier actions: each caller gets exactly what it is allowed", () => {
  for (const c of cases) {
    for (const role of roles) {
      const outcome = c.allowed.includes(role) ? "done" : c.ownScope?.includes(role) ? "own company only" : "refused, nothing changed";
      it(`${c.name} as ${role}: ${outcome}`, async () => {
        const { form, tookEffect } = await c.setup();
        const audits = await db.auditEvent.count();
        current = await callerFor(role, c);
        const result = await call(c.action, formData(form)).finally(() => {
          current = null;
        });
        const plain = c.action.length < 2;
        if (outcome === "done") {
          if (!plain) expect(result === "redirect" || (result as { ok: boolean }).ok, JSON.stringify(result)).toBe(true);
          if (!c.readOnly) expect(await tookEffect()).toBe(true);
          if (c.audited !== false) expect(await db.auditEvent.count()).toBeGreaterThan(audits);
          return;
        }
        expect(await tookEffect()).toBe(false);
        if (outcome === "own company only") {
          expect(result === "redirect" || (result as { ok: boolean }).ok, JSON.stringify(result)).toBe(true);
          return;
        }
        expect(await db.auditEvent.count()).toBe(audits);
        if (plain) return; // a plain form action answers nothing; the probe above is the proof
        if (role === "anonymous" || (!c.signedIn && (role === "SUPPORT" || role === "ADMINISTRATOR"))) {
          expect(result).toMatchObject({ ok: false, formError: "errors.notAllowed" });
        } else {
          expect(result).not.toBe("redirect");
          expect(result).toMatchObject({ ok: false });
          expect((result as { formError?: string }).formError).toMatch(/^([a-z-]+:)?[a-zA-Z.]+$/);
        }
      });
    }
  }
});

describe("every authorised action has a case", () => {
  // Sign-out needs a real request (next-auth's cookies); its own tests cover it.
  const sessionActions = new Set(["portal.signOutAction", "invite.switchAccountAction"]);

  it("any other export of the portal and public action modules either has a case above or is public", async () => {
    const covered = new Set<unknown>(cases.map((c) => c.action));
    const missing: string[] = [];
    for (const [module, exports] of Object.entries(modules)) {
      for (const [name, action] of Object.entries(exports as Record<string, unknown>)) {
        if (typeof action !== "function" || covered.has(action) || sessionActions.has(`${module}.${name}`)) continue;
        // Not in the matrix: it must be a public action (it answers anonymous callers itself).
        current = null;
        const result = await call(action as AnyAction, formData({}));
        if (result && result !== "redirect" && result.formError === "errors.notAllowed") missing.push(`${module}.${name}`);
      }
    }
    expect(missing, "authorised actions without a case in supplier-authorisation.int.test.ts").toEqual([]);
  });
});
