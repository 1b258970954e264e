import crypto from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/session";
import { sessionOf } from "../support/session-user";

/**
 * Property-based fuzz of every server action (public, signed-in user, supplier
 * and staff): each is fed generated FormData (unicode, NUL bytes, very long
 * strings, HTML/script payloads, numbers, repeated fields, files where text is
 * expected, missing and extra fields) as an authorised caller, so the schema
 * and the handler really run. Every call must answer { ok: true } or a result
 * whose fieldErrors / formError are message keys (never exception text), must
 * not throw (Next's redirect / not-found signals are answers), and a result
 * with field errors must not have written a row anywhere.
 *
 * Actions are collected from the "use server" modules' exports; a new export is
 * fuzzed with the shared field pool, and `seeds` can give it a valid example.
 * Reproduce a failure with FUZZ_SEED=<seed printed by fast-check>; FUZZ_SCALE=5 runs five times as many calls.
 */
let current: SessionUser | null = null;
vi.mock("@/server/session", () => ({ getSessionUser: async () => current }));
vi.mock("@/server/request", async (importOriginal) => ({ ...(await importOriginal<object>()), clientIp: async () => "10.9.0.3" }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// next-auth's sign-in/out need a real request (cookies); the rest of each action runs for real.
vi.mock("@/server/auth", async (importOriginal) => {
  const { redirect } = await import("next/navigation");
  return {
    ...(await importOriginal<object>()),
    startSession: async () => "accounts:signIn.invalid",
    startSessionWithSecondFactor: async () => ({ ok: false, error: "invalid" }),
    signOut: async (options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/en/sign-in"),
  };
});

// The second sign-in step keeps its ticket in a cookie (a real request): no ticket here.
vi.mock("@/server/second-step", () => ({
  secondStepTicket: async () => undefined,
  holdSecondStep: async () => undefined,
  dropSecondStep: async () => undefined,
}));

const { db } = await import("@/server/db");
const { formToObject } = await import("@/server/action");
const { Prisma } = await import("@/generated/prisma/client");
const { createStaffUser } = await import("@/features/accounts/service");
const { createTicket } = await import("@/features/support/service");
const { newToken } = await import("@/server/tokens");
const { makeCustomer, makeSupplier, makeUser, PASSWORD } = await import("../support/factories");
const { businessStep, connect, validBusiness } = await import("../customer-setup/fixtures");
const { solvedCaptcha } = await import("../connection-requests/captcha-helper");

const { portalActionModules, adminActionModules, actionModuleFiles } = await import("../support/action-modules");
const modules: Record<string, Record<string, unknown>> = { ...portalActionModules, ...adminActionModules };

type Field = string | string[] | File;
type Form = Record<string, Field>;
type Result = { ok: boolean; fieldErrors?: Record<string, unknown>; formError?: unknown } | void;
type AnyAction = (...args: unknown[]) => Promise<Result>;
type Kind = "public" | "supplier" | "staff" | "plain";
interface Target {
  name: string;
  action: AnyAction;
  kind: Kind;
}

const uid = () => crypto.randomBytes(4).toString("hex");
const ids = {} as Record<string, string>;
const callers = {} as { supplier: SessionUser; staff: SessionUser };

const session = sessionOf;

/** A valid example per action (by "module.export"); the fuzz starts from it and breaks it. */
function seeds(): Record<string, Form> {
  const email = () => `fuzz-${uid()}@fuzz-${uid()}.test`;
  const pdf = new File([new Uint8Array(Buffer.from("%PDF-1.4 fuzz"))], "fuzz.pdf", { type: "application/pdf" });
  return {
    "public.signInAction": { email: ids.supplierEmail, password: PASSWORD, next: "/en/home" },
    "public.signUpAction": { companyName: "Fuzz Co", name: "Fuzz", email: email(), password: PASSWORD, locale: "en", separateCompany: "on" },
    "public.forgotPasswordAction": { email: ids.supplierEmail },
    "public.confirmSignUpAction": { token: newToken().token, choice: "create" },
    "preferences.savePreferencesAction": { connections: "BOTH", invitations: "EMAIL", tickets: "IN_APP", onboarding: "BOTH", joinRequests: "EMAIL" },
    "recovery.requestAdminRightsAction": { reason: "Our admin left the company" },
    "adminRecovery.decideAdminRightsAction": { id: ids.recoveryRequest, decision: "REFUSED", comment: "Not enough evidence" },
    "email.changeEmailAction": { newEmail: email(), password: PASSWORD },
    "emailChange.confirmEmailChangeAction": { token: newToken().token },
    "emailChange.cancelEmailChangeAction": { token: newToken().token },
    "portal.revokeSessionAction": { sessionId: `cl${uid()}${uid()}` },
    "public.resetPasswordAction": { token: newToken().token, password: PASSWORD, confirm: PASSWORD },
    "invite.registerAction": { token: ids.inviteToken, companyName: "Fuzz Co", name: "Fuzz", password: PASSWORD, locale: "en" },
    "invite.signInAcceptAction": { token: ids.inviteToken, password: PASSWORD },
    "invite.acceptAction": { token: ids.inviteToken },
    "invite.joinRequestAction": { token: ids.inviteToken, name: "Fuzz" },
    "invite.forwardAction": { token: ids.inviteToken, email: email(), locale: "en" },
    "invite.switchAccountAction": { token: ids.inviteToken },
    "join.colleagueJoinAction": { token: newToken().token, name: "Fuzz", password: PASSWORD, confirm: PASSWORD, locale: "en" },
    "respond.respondAction": { token: newToken().token, decision: "APPROVED", comment: "ok" },
    "notifications.markReadAction": { id: ids.notification },
    "notifications.openNotificationAction": { id: ids.notification },
    "profile.updatePublicProfileAction": {
      name: "Fuzz Supplies",
      description: "We sell",
      website: "https://fuzz.test",
      addressLine: "1 Road",
      city: "Town",
      country: "GB",
      categories: "a,b",
    },
    "profile.updateSectionAction": { section: "BANK", f_bankName: "Bank", f_accountHolder: "Holder", f_iban: "DE89370400440532013000", f_swift: "DEUTDEFF" },
    "profile.uploadDocumentAction": { file: pdf },
    "profile.updateSharingAction": { customerId: ids.customerA, "sections[]": ["TAX", "BANK"] },
    "users.inviteAction": { email: email(), locale: "en", "permissions[]": ["requests"], access: "selected", "customerIds[]": [ids.customerA] },
    "users.resendColleagueInvitationAction": { email: ids.colleagueInvite },
    "users.revokeColleagueInvitationAction": { email: ids.colleagueInvite },
    "users.updateAccessAction": { userId: ids.member, "permissions[]": ["requests", "onboarding"], access: "all" },
    "users.deactivateAction": { userId: ids.member },
    "users.reactivateAction": { userId: ids.member },
    "users.approveJoinAction": { requestId: ids.joinRequest, "permissions[]": ["requests"], access: "all" },
    "users.declineJoinAction": { requestId: ids.joinRequest },
    "onboarding.saveStepAction": { customerId: ids.customerA, stepKey: "business", intent: "draft", ...validBusiness },
    "onboarding.copyAnswersAction": { customerId: ids.customerA, stepKey: "business", fromCustomerId: ids.customerB },
    "requests.searchCustomersAction": { query: "acme" },
    "requests.checkContactAction": { customerId: ids.customerC, contactEmail: "buyer@example.test" },
    "requests.requestConnectionAction": {
      customerId: ids.customerC,
      contactEmail: "buyer@example.test",
      contactLocale: "en",
      consent: "on",
      captcha: ids.captcha,
      idempotencyKey: crypto.randomUUID(),
    },
    "requests.cancelRequestAction": { requestId: ids.request },
    "requests.createTicketAction": { topic: "OTHER", message: "Please help me with this." },
    "admin.resendMailAction": { id: ids.mail },
    "adminStaff.resetSecondFactorAction": { email: ids.supplierEmail },
    "twoFactor.verifySignInAction": { code: "123456", next: "/en/home" },
    "twoFactor.passkeySignInAction": { passkey: '{"id":"x","rawId":"x","type":"public-key","response":{}}' },
    "twoFactor.passkeySignInOptionsAction": { purpose: "signIn" },
    "twoFactor.passkeyOptionsAction": { purpose: "register" },
    "twoFactor.startTotpAction": {},
    "twoFactor.confirmTotpAction": { code: "123456" },
    "twoFactor.addPasskeyAction": { name: "Laptop", passkey: '{"id":"x","response":{}}' },
    "twoFactor.disableTotpAction": {},
    "twoFactor.removePasskeyAction": { passkeyId: "pk-none" },
    "twoFactor.regenerateCodesAction": {},
    "twoFactor.stepUpAction": { password: PASSWORD, next: "/en/home" },
    "twoFactor.companyPolicyAction": { required: "on" },
    "twoFactor.resetColleagueFactorAction": { userId: ids.member },
    "adminCustomers.createCustomerAction": {
      name: `Fuzz Customer ${uid()}`,
      acceptsRequests: "yes",
      autoApproveRule: "NONE",
      "aliasName[]": ["Alias"],
      "aliasKind[]": ["TRADING"],
    },
    "adminCustomers.updateCustomerAction": { id: ids.customerC, name: `Fuzz Renamed ${uid()}`, acceptsRequests: "yes", autoApproveRule: "NONE" },
    "adminInvitations.createInvitationAction": { customerId: ids.customerC, email: email(), locale: "en", message: "Join us" },
    "adminInvitations.resendInvitationAction": { id: ids.invitation },
    "adminInvitations.revokeInvitationAction": { id: ids.invitation },
    "adminOnboarding.approveOnboardingAction": { id: ids.submitted },
    "adminOnboarding.sendBackOnboardingAction": { id: ids.submitted, comment: "Fix it", "steps[]": ["business"] },
    "adminRequests.decideRequestAction": { id: ids.request, decision: "REJECTED", comment: "No" },
    "adminRequests.bulkDecideAction": { "ids[]": [ids.request], decision: "APPROVED", comment: "" },
    "adminRequests.resetAttemptsAction": { supplierId: ids.supplier },
    "adminStaff.createStaffAction": { email: email(), name: "New Staff", role: "SUPPORT", setup: "link", locale: "en" },
    "adminStaff.deactivateStaffAction": { id: ids.staffTarget },
    "adminStaff.reactivateStaffAction": { id: ids.staffTarget },
    "adminStaff.changeStaffRoleAction": { id: ids.staffTarget, role: "ADMINISTRATOR" },
    "adminTickets.assignTicketAction": { id: ids.ticket },
    "adminTickets.replyTicketAction": { id: ids.ticket, body: "Here is the answer." },
    "adminTickets.closeTicketAction": { id: ids.ticket },
  };
}

// ------------------------------------------------------------- generators

const nasty = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0000".repeat(64),
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "' OR 1=1 --",
  '"; DROP TABLE User; --',
  "../../../etc/passwd",
  "%00",
  "%s%s%n",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "9".repeat(400),
  "true",
  "[]",
  "{}",
  '{"__proto__":{"x":1}}',
  "__proto__",
  "constructor",
  "\u202eevil",
  "\ud800",
  "𝕏𝕐ℤ",
  "中文名称有限公司",
  "ا ب ت",
  "a@b",
  "x@y.z",
  "ADMIN@EXAMPLE.TEST",
  "admin",
  "APPROVED",
  "REJECTED",
  "SUBMITTED",
  "on",
  "yes",
  "all",
  "selected",
  "draft",
  "submit",
  "en",
  "zh",
  "fr",
  "https://evil.test/x",
  "//evil.test",
  "/en/../../x",
  "\r\nSet-Cookie: x=1",
  "x".repeat(5_000),
  "long ".repeat(30_000),
];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nasty) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 200, maxLength: 3_000 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  { weight: 1, arbitrary: fc.uuid() },
);
const file = fc
  .tuple(
    fc.oneof(
      fc.constantFrom("a.pdf", "x.png", "bad\u0000name.pdf", `${"n".repeat(300)}.pdf`, "../../etc/passwd", "", "évil <b>.jpg"),
      fc.string({ maxLength: 30 }),
    ),
    fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.constant(new Uint8Array(Buffer.from("%PDF-1.4 x"))),
      fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ),
  )
  .map(([name, bytes]) => new File([bytes as Uint8Array<ArrayBuffer>], name, { type: "application/octet-stream" }));
const value: fc.Arbitrary<Field> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.array(text, { minLength: 0, maxLength: 4 }) },
  { weight: 1, arbitrary: file },
);
const MISSING = Symbol("missing");

/** Field names seen across the app's forms, plus hostile ones: extra fields land on real names too. */
function keyPool(all: Record<string, Form>): string[] {
  const known = new Set(Object.values(all).flatMap((f) => Object.keys(f)));
  return [...known, "lng", "$ACTION_ID_x", "$ACTION_REF_1", "__proto__", "constructor", "id[]", "f_unknown", "x".repeat(300), "é\u0000"];
}

function formArb(seed: Form, pool: string[]): fc.Arbitrary<Form> {
  const keys = Object.keys(seed);
  const perKey = Object.fromEntries(
    keys.map((k) => [
      k,
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(seed[k] as Field | typeof MISSING) },
        { weight: 1, arbitrary: fc.constant(MISSING) },
        { weight: 3, arbitrary: value },
      ),
    ]),
  );
  const extras = fc.dictionary(fc.oneof(fc.constantFrom(...pool), fc.string({ maxLength: 12 })), value, { maxKeys: 3 });
  const clean = (o: Record<string, Field | typeof MISSING>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== MISSING)) as Form;
  return fc.oneof(
    // The valid example with extra fields: the handler runs.
    { weight: 1, arbitrary: extras.map((x) => ({ ...x, ...seed })) },
    // Fields kept, dropped or replaced, plus extra fields.
    { weight: 4, arbitrary: fc.tuple(fc.record(perKey), extras).map(([r, x]) => ({ ...x, ...clean(r) })) },
  );
}

function formData(fields: Form, lng: Field = "en") {
  const fd = new FormData();
  for (const v of Array.isArray(lng) ? lng : [lng]) fd.append("lng", v);
  for (const [k, v] of Object.entries(fields)) {
    if (k === "lng") continue;
    if (v instanceof File) fd.append(k, v);
    else for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  }
  return fd;
}

// ------------------------------------------------------------- assertions

const KEY = /^([a-z-]+:)?[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;
const isNextSignal = (e: unknown) => /^NEXT_(REDIRECT|NOT_FOUND|HTTP_ERROR_FALLBACK)/.test(String((e as { digest?: unknown })?.digest ?? ""));

async function invoke(t: Target, form: FormData): Promise<Result | "signal"> {
  try {
    return t.action.length >= 2 ? await t.action(undefined, form) : await t.action(form);
  } catch (error) {
    if (isNextSignal(error)) return "signal";
    throw error;
  }
}

/** Row counts of every table the app writes (the rate-limit table counts attempts by design). */
let countAll: () => Promise<Record<string, number>>;

function checkAnswer(t: Target, result: Result | "signal", form: Form) {
  const where = `${t.name} with ${JSON.stringify(form, (_k, v) => (v instanceof File ? `File(${v.name}, ${v.size})` : typeof v === "string" && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v))}`;
  if (result === "signal") return;
  if (t.kind === "plain") {
    expect(result, where).toBeUndefined();
    return;
  }
  expect(result, where).toBeTypeOf("object");
  const r = result as Exclude<Result, void>;
  if (r.ok === true) return;
  expect(r.ok, where).toBe(false);
  expect(r.fieldErrors !== undefined || r.formError !== undefined, `${where}: a refusal says why`).toBe(true);
  if (r.formError !== undefined) expect(r.formError, where).toMatch(KEY);
  // The wrapper turns an exception into "errors.unexpected" with a reference id: that is a bug found.
  expect(r.formError, `${where}: an exception inside the action`).not.toBe("errors.unexpected");
  for (const [field, messages] of Object.entries(r.fieldErrors ?? {})) {
    expect(Array.isArray(messages), `${where}: ${field}`).toBe(true);
    for (const m of messages as unknown[]) expect(m, `${where}: ${field}`).toMatch(KEY);
  }
}

// ------------------------------------------------------------------ setup

const targets: Target[] = [];
let examples: Record<string, Form> = {};

beforeAll(async () => {
  const tables = Object.values(Prisma.ModelName).filter((m) => m !== "RateLimit");
  const sql = `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(", ")}`;
  countAll = async () => {
    const [row] = await db.$queryRawUnsafe<Record<string, bigint | number>[]>(sql);
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  };

  const s = await makeSupplier();
  const [a, b, c] = await Promise.all([makeCustomer({ requirements: [businessStep] }), makeCustomer({ requirements: [businessStep] }), makeCustomer()]);
  await connect(s.supplierId, a.id);
  const relB = await connect(s.supplierId, b.id);
  await db.onboardingSubmission.create({ data: { relationshipId: relB.id, stepKey: "business", data: JSON.stringify({ legalName: "Copied Ltd" }) } });
  const other = await makeSupplier();
  const submitted = await db.customerRelationship.create({
    data: { supplierId: other.supplierId, customerId: c.id, origin: "STAFF", onboardingState: "SUBMITTED" },
  });
  const member = await makeUser(s.supplierId, { permissions: "requests" });
  const admin = await createStaffUser({ email: `fuzz-admin-${uid()}@fuzz.test`, name: "Fuzz Admin", password: PASSWORD, role: "ADMINISTRATOR" });
  const target = await createStaffUser({ email: `fuzz-target-${uid()}@fuzz.test`, name: "Target", password: PASSWORD, role: "SUPPORT" });
  const invite = newToken();
  const invitation = await db.invitation.create({
    data: { customerId: c.id, email: s.email, tokenHash: invite.hash, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const colleague = `colleague-${uid()}@fuzz.test`;
  await db.oneTimeToken.create({
    data: {
      tokenHash: newToken().hash,
      purpose: "USER_INVITE",
      supplierId: s.supplierId,
      email: colleague,
      expiresAt: new Date(Date.now() + 86_400_000),
      data: JSON.stringify({ supplierId: s.supplierId, permissions: ["requests"], allCustomers: true, customerIds: [], invitedById: s.userId, locale: "en" }),
    },
  });
  const request = await db.connectionRequest.create({
    data: {
      supplierId: s.supplierId,
      customerId: c.id,
      requestedById: s.userId,
      contactEmail: "buyer@fuzz.test",
      expiresAt: new Date(Date.now() + 86_400_000),
      pendingKey: `${s.supplierId}:${c.id}`,
    },
  });
  const ticket = await createTicket({ topic: "OTHER", message: "Please help with my account." }, { userId: s.userId, supplierId: s.supplierId });
  const mail = await db.outgoingMail.create({
    data: { to: "x@fuzz.test", locale: "en", template: "a:b", subject: "s", text: "t", html: "h", status: "FAILED" },
  });
  const joinRequest = await db.joinRequest.create({ data: { supplierId: s.supplierId, email: `joiner-${uid()}@fuzz.test`, name: "Joiner" } });
  const notification = await db.notification.create({ data: { userId: s.userId, kind: "requests:events.approved", params: "{}", link: "/setup/requests" } });
  Object.assign(ids, {
    supplier: s.supplierId,
    supplierEmail: s.email,
    customerA: a.id,
    customerB: b.id,
    customerC: c.id,
    submitted: submitted.id,
    member: member.id,
    staffTarget: target.id,
    inviteToken: invite.token,
    invitation: invitation.id,
    colleagueInvite: colleague,
    request: request.id,
    ticket: ticket.id,
    mail: mail.id,
    joinRequest: joinRequest.id,
    notification: notification.id,
    captcha: await solvedCaptcha(),
  });
  callers.supplier = session(await db.user.findUniqueOrThrow({ where: { id: s.userId } }));
  callers.staff = session(admin);
  {
    // A company left without an active admin, and one of its users asking for admin rights.
    const orphan = await makeSupplier();
    await db.user.update({ where: { id: orphan.userId }, data: { status: "DEACTIVATED" } });
    const asking = await makeUser(orphan.supplierId, { permissions: "requests" });
    ids.recoveryRequest = (
      await db.adminRightsRequest.create({ data: { supplierId: orphan.supplierId, userId: asking.id, reason: "Admin left", pendingKey: asking.id } })
    ).id;
  }
  examples = seeds();

  // Which caller each action needs: public if it answers anonymous, else a supplier admin, else a staff administrator.
  for (const [module, exports] of Object.entries(modules)) {
    for (const [name, action] of Object.entries(exports)) {
      if (typeof action !== "function") continue;
      const t: Target = { name: `${module}.${name}`, action: action as AnyAction, kind: "plain" };
      if (t.action.length >= 2) {
        const refused = async (who: SessionUser | null) => {
          current = who;
          const r = await invoke(t, formData({})).finally(() => (current = null));
          return r !== "signal" && (r as Exclude<Result, void>)?.formError === "errors.notAllowed";
        };
        t.kind = !(await refused(null)) ? "public" : !(await refused(callers.supplier)) ? "supplier" : "staff";
      }
      targets.push(t);
    }
  }
}, 120_000);

// -------------------------------------------------------------------- run

/** Calls per action and run; FUZZ_SCALE=5 for a longer hunt. */
const scale = Number(process.env.FUZZ_SCALE ?? 1) || 1;
const RUNS = { public: 40 * scale, supplier: 22 * scale, staff: 22 * scale, plain: 22 * scale } as const;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

describe("every action answers generated input with success or message keys, never an exception or a stray row", () => {
  it("covers every action of every module (public, user, supplier and staff)", () => {
    const names = targets.map((t) => t.name);
    expect(names.length).toBeGreaterThanOrEqual(50);
    for (const kind of ["public", "supplier", "staff", "plain"] as const)
      expect(
        targets.some((t) => t.kind === kind),
        kind,
      ).toBe(true);
    // Each action without a valid example is still fuzzed, from the shared field pool only.
    expect(names.filter((n) => !examples[n] && !/signOut/i.test(n) && n !== "notifications.markAllReadAction")).toEqual([]);
  });

  it("fuzzes every actions.ts under src/app (the shared module list misses none)", async () => {
    const { readdirSync } = await import("node:fs");
    const files = readdirSync("src/app", { recursive: true, encoding: "utf8" })
      .map((f) => f.split("\\").join("/"))
      .filter((f) => f === "actions.ts" || f.endsWith("/actions.ts"));
    expect([...files].sort()).toEqual([...actionModuleFiles].sort());
  });

  it("a field named __proto__ (found by this fuzz) neither replaces the form's prototype nor breaks other fields", () => {
    const form = new FormData();
    form.append("__proto__", new File(["x"], "x.pdf"));
    form.append("name", "Fuzz");
    form.append("token", "t");
    const out = formToObject(form);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out).toEqual({ name: "Fuzz", token: "t" });
  });

  it(
    "fuzzes 1,000+ calls in total",
    async () => {
      const pool = keyPool(examples);
      let calls = 0;
      const started = Date.now();
      const answers: Record<string, number> = {};
      const count = (k: string) => (answers[k] = (answers[k] ?? 0) + 1);
      for (const t of targets) {
        const who = t.kind === "public" ? null : t.kind === "staff" ? callers.staff : callers.supplier;
        const lng = fc.oneof({ weight: 5, arbitrary: fc.constantFrom<Field>("en", "zh") }, { weight: 1, arbitrary: value });
        await fc.assert(
          fc.asyncProperty(formArb(examples[t.name] ?? {}, pool), lng, async (form, language) => {
            calls++;
            const before = await countAll();
            current = who;
            const result = await invoke(t, formData(form, language)).finally(() => (current = null));
            checkAnswer(t, result, form);
            count(
              result === "signal"
                ? "redirect"
                : !result
                  ? "void"
                  : result.ok
                    ? "ok"
                    : result.fieldErrors
                      ? "fieldErrors"
                      : result.formError === "errors.notAllowed"
                        ? "notAllowed"
                        : "formError",
            );
            if (result && result !== "signal" && result.fieldErrors && Object.keys(result.fieldErrors).length) {
              expect(await countAll(), `${t.name}: field errors but rows written`).toEqual(before);
            }
          }),
          { numRuns: RUNS[t.kind], seed, endOnFailure: true },
        );
      }
      console.info(`action fuzz: ${calls} calls over ${targets.length} actions in ${Date.now() - started} ms`, answers);
      expect(calls).toBeGreaterThanOrEqual(1_000);
      // The callers are authorised: the handlers really ran (successes, redirects, handler refusals), not just the wrapper.
      expect(answers.notAllowed ?? 0).toBe(0);
      expect((answers.ok ?? 0) + (answers.redirect ?? 0)).toBeGreaterThan(100);
    },
    300_000 * scale,
  );
});
