import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { ActionResult, FormAction } from "@/lib/action-result";
import type { Permission, StaffRole } from "@/lib/permissions";
import type { SessionUser } from "@/server/session";

/**
 * The action wrappers themselves (src/server/action.ts): who gets through each
 * variant, what a refused or invalid call answers, what is echoed back, how
 * `lng` and odd field names are read, and how a failure is logged. The wrapper
 * and the logger are real; only the caller is stubbed (there is no request
 * here): the session user, and the client address that Next's headers() would
 * give.
 */
let current: SessionUser | null = null;
let sessionFailure: Error | null = null;
vi.mock("@/server/session", () => ({
  getSessionUser: async () => {
    if (sessionFailure) throw sessionFailure;
    return current;
  },
}));
vi.mock("@/server/request", () => ({ clientIp: async () => "10.7.0.1" }));

const { publicAction, userAction, supplierAction, staffAction, formToObject } = await import("@/server/action");
const { log } = await import("@/server/log");
const { redirect, notFound } = await import("next/navigation");

// ------------------------------------------------------------------ callers

const supplierUser = (permissions: Permission[], supplierId: string | null = "supplier-1"): SessionUser => ({
  id: "user-supplier",
  email: "mei@harbour.test",
  name: "Mei",
  locale: "en",
  kind: "SUPPLIER",
  staffRole: null,
  supplierId,
  permissions,
  allCustomers: true,
});
const staffUser = (staffRole: StaffRole): SessionUser => ({
  id: `user-${staffRole.toLowerCase()}`,
  email: "ops@sc.test",
  name: "Ops",
  locale: "en",
  kind: "STAFF",
  staffRole,
  supplierId: null,
  permissions: [],
  allCustomers: false,
});

// ------------------------------------------------------------------ helpers

function formOf(fields: Record<string, string | string[] | Blob>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  return form;
}

/** A handler that records each call and answers with what it received. */
function recorder<C>() {
  const calls: { input: unknown; ctx: C }[] = [];
  const handler = async (input: unknown, ctx: unknown): Promise<ActionResult<{ input: unknown }>> => {
    calls.push({ input, ctx: ctx as C });
    return { ok: true, data: { input } };
  };
  return { calls, handler };
}

/**
 * The real server log, raised from "silent" (its level under vitest) to info
 * for each test, with the JSON lines it writes captured instead of printed.
 */
let lines: Record<string, unknown>[] = [];
beforeEach(() => {
  lines = [];
  log.level = "info";
  const stream = (log as unknown as Record<symbol, { write: (line: string) => void }>)[pino.symbols.streamSym];
  vi.spyOn(stream, "write").mockImplementation((line: string) => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
});
afterEach(() => {
  log.level = "silent";
  current = null;
  sessionFailure = null;
});

const schema = z.object({ name: z.string().trim().min(1).max(20) });

// ------------------------------------------------------------------ who gets through

describe("who each wrapper lets through", () => {
  const anonymous = null;
  const supplierAdmin = supplierUser(["admin"]);
  const supplierRequests = supplierUser(["requests"]);
  const supplierProfile = supplierUser(["profile"]);
  const supplierWithoutCompany = supplierUser(["admin"], null);
  const support = staffUser("SUPPORT");
  const administrator = staffUser("ADMINISTRATOR");

  type Recorded = ReturnType<typeof recorder>["handler"];
  interface Case {
    name: string;
    make: (handler: Recorded) => FormAction<{ input: unknown }>;
    allowed: (SessionUser | null)[];
    refused: (SessionUser | null)[];
  }
  const cases: Case[] = [
    {
      name: "publicAction",
      make: (h) => publicAction(schema, h),
      allowed: [anonymous, supplierProfile, support],
      refused: [],
    },
    {
      name: "userAction",
      make: (h) => userAction(schema, h),
      allowed: [supplierProfile, supplierWithoutCompany, support, administrator],
      refused: [anonymous],
    },
    {
      name: "supplierAction(null)",
      make: (h) => supplierAction(null, schema, h),
      allowed: [supplierProfile, supplierRequests, supplierAdmin],
      refused: [anonymous, supplierWithoutCompany, support, administrator],
    },
    {
      name: "supplierAction(requests)",
      make: (h) => supplierAction("requests", schema, h),
      allowed: [supplierRequests, supplierAdmin],
      refused: [anonymous, supplierProfile, supplierWithoutCompany, support, administrator],
    },
    {
      name: "staffAction(SUPPORT)",
      make: (h) => staffAction("SUPPORT", schema, h),
      allowed: [support, administrator],
      refused: [anonymous, supplierAdmin],
    },
    {
      name: "staffAction(ADMINISTRATOR)",
      make: (h) => staffAction("ADMINISTRATOR", schema, h),
      allowed: [administrator],
      refused: [anonymous, supplierAdmin, support],
    },
  ];
  const label = (u: SessionUser | null) =>
    !u ? "anonymous" : u.kind === "STAFF" ? u.staffRole : `supplier [${u.permissions}]${u.supplierId ? "" : " without company"}`;

  for (const c of cases) {
    for (const caller of c.refused) {
      it(`${c.name} refuses ${label(caller)} with errors.notAllowed before reading the input`, async () => {
        const { calls, handler } = recorder<never>();
        current = caller;
        // The input is invalid too: a refused caller learns nothing about the schema, and gets nothing echoed.
        const result = await c.make(handler)(null, formOf({ name: "", note: "kept?" }));
        expect(result).toEqual({ ok: false, formError: "errors.notAllowed" });
        expect(calls).toHaveLength(0);
        expect(lines).toMatchObject([{ level: "info", msg: "action", ok: false, refused: true }]);
      });
    }
    for (const caller of c.allowed) {
      it(`${c.name} lets ${label(caller)} through with the checked caller in its context`, async () => {
        const { calls, handler } = recorder<Record<string, unknown>>();
        current = caller;
        const result = await c.make(handler)(null, formOf({ name: " Harbour " }));
        expect(result).toEqual({ ok: true, data: { input: { name: "Harbour" } } });
        expect(calls).toHaveLength(1);
        const ctx = calls[0].ctx;
        expect(ctx).toMatchObject({ ip: "10.7.0.1", lng: "en" });
        if (c.name === "publicAction") expect(ctx).not.toHaveProperty("user");
        else expect(ctx.user).toEqual(caller);
        if (c.name.startsWith("supplierAction")) expect(ctx.supplierId).toBe(caller?.supplierId);
        expect(lines).toMatchObject([{ level: "info", msg: "action", ok: true }]);
        expect(lines[0].userId).toBe(c.name === "publicAction" ? undefined : caller?.id);
      });
    }
  }
});

// ------------------------------------------------------------------ input

describe("reading the form", () => {
  it("answers a schema failure with one message key per field and echoes the values, never a secret field", async () => {
    const { calls, handler } = recorder<never>();
    const action = publicAction(
      z.object({
        name: z.string().trim().min(1),
        email: z.email(),
        bio: z.string().max(5),
        code: z.string().regex(/^\d+$/),
        age: z.coerce.number().int(),
        company: z.string().min(3, "profile:validation.companyName").max(1, "validation.other"),
        password: z.string().min(8),
        newPassword: z.string().min(8),
        token: z.string().length(43),
        captcha: z.string().min(20),
      }),
      handler,
    );
    const result = await action(
      null,
      formOf({
        name: " ",
        email: "not-an-email",
        bio: "far too long",
        code: "12a",
        age: "1.5",
        company: "ab",
        password: "short",
        newPassword: "hunter2",
        token: "tok-secret",
        captcha: "captcha-answer",
        upload: new Blob(["file body"]),
      }),
    );
    expect(calls).toHaveLength(0);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        name: ["validation.required"],
        email: ["validation.email"],
        bio: ["validation.tooLong"],
        code: ["validation.invalid"],
        age: ["validation.invalid"],
        // A schema's own message is a key and is kept; only the first broken rule is reported.
        company: ["profile:validation.companyName"],
        password: ["validation.required"],
        newPassword: ["validation.required"],
        token: ["validation.required"],
        captcha: ["validation.required"],
      },
      // Strings only, and no password, token or captcha (in any case) back to the page.
      values: { name: " ", email: "not-an-email", bio: "far too long", code: "12a", age: "1.5", company: "ab" },
    });
    const text = JSON.stringify(result);
    for (const secret of ["short", "hunter2", "tok-secret", "captcha-answer", "file body"]) expect(text).not.toContain(secret);
    expect(lines).toMatchObject([{ level: "info", msg: "action", ok: false }]);
  });

  it("echoes the values when the handler refuses, unless it gave its own, and never a secret field", async () => {
    const loose = z.object({ email: z.string(), currentPassword: z.string(), resetToken: z.string() });
    const refusing = publicAction(loose, async () => ({ ok: false, formError: "errors.invalidCredentials" }));
    expect(await refusing(null, formOf({ email: "a@b.test", currentPassword: "Secret-1", resetToken: "t0k" }))).toEqual({
      ok: false,
      formError: "errors.invalidCredentials",
      values: { email: "a@b.test" },
    });
    const ownValues = publicAction(loose, async () => ({ ok: false, formError: "errors.x", values: { email: "other@b.test" } }));
    expect(await ownValues(null, formOf({ email: "a@b.test", currentPassword: "p", resetToken: "t" }))).toEqual({
      ok: false,
      formError: "errors.x",
      values: { email: "other@b.test" },
    });
  });

  it("takes the language from the hidden lng field, falling back to English, and never hands it to the schema", async () => {
    const { calls, handler } = recorder<{ lng: string }>();
    // A strict schema: any field besides `name` (lng, Next's $ACTION_ fields) would fail it.
    const action = publicAction(z.strictObject({ name: z.string() }), handler);
    for (const [lng, expected] of [
      ["zh", "zh"],
      ["en", "en"],
      ["xx", "en"],
      ["", "en"],
      ["../zh", "en"],
    ]) {
      const result = await action(null, formOf({ name: "n", lng, $ACTION_ID_abc: "", $ACTION_REF_1: "" }));
      expect(result).toEqual({ ok: true, data: { input: { name: "n" } } });
      expect(calls.at(-1)?.ctx.lng).toBe(expected);
    }
    await action(null, formOf({ name: "n" }));
    expect(calls.at(-1)?.ctx.lng).toBe("en");
    expect(calls).toHaveLength(6);
  });

  it("ignores a __proto__ field, even a file, and keeps reading the fields after it", async () => {
    // (Not through formOf: in an object literal `__proto__` would set the literal's prototype, not a field.)
    const form = new FormData();
    form.append("__proto__", new Blob(["x"]));
    form.append("__proto__", "polluted");
    form.append("name", "after");
    form.append("tags[]", "a");
    form.append("tags[]", "b");
    expect([...form.keys()]).toContain("__proto__");
    const raw = formToObject(form);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(Object.keys(raw)).toEqual(["name", "tags[]"]);
    expect(raw).toEqual({ name: "after", "tags[]": ["a", "b"] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const { calls, handler } = recorder<never>();
    const action = publicAction(z.strictObject({ name: z.string(), "tags[]": z.array(z.string()) }), handler);
    expect(await action(null, form)).toEqual({ ok: true, data: { input: { name: "after", "tags[]": ["a", "b"] } } });
    expect(calls).toHaveLength(1);
  });

  it("answers a call without form data (only a forged request does that) with errors.unexpected and a warning", async () => {
    const { calls, handler } = recorder<never>();
    current = supplierUser(["admin"]);
    const result = await supplierAction(null, schema, handler)(null, { name: "x" } as unknown as FormData);
    expect(result).toEqual({ ok: false, formError: "errors.unexpected" });
    expect(calls).toHaveLength(0);
    expect(lines).toMatchObject([{ level: "warn", msg: "action called without form data" }]);
  });
});

// ------------------------------------------------------------------ failures and Next's signals

describe("when the handler throws", () => {
  it("answers errors.unexpected with a reference, never the error's text, and writes one error line with that reference", async () => {
    current = supplierUser(["admin"]);
    const action = supplierAction("profile", schema, async () => {
      throw new Error("database exploded while saving mei@harbour.test");
    });
    const result = await action(null, formOf({ name: "Harbour", password: "Secret-1" }));
    expect(result).toEqual({ ok: false, formError: "errors.unexpected", reference: expect.stringMatching(/^[0-9a-f]{10}$/) });
    expect(JSON.stringify(result)).not.toContain("exploded");

    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      level: "error",
      msg: "action failed",
      userId: "user-supplier",
      reference: result.ok ? "" : result.reference,
      err: { message: "database exploded while saving m***@harbour.test" },
    });
    expect((line.err as { stack: string }).stack).toMatch(/^Error: database exploded while saving m\*\*\*@harbour\.test\n\s+at /);
    expect(typeof line.durationMs).toBe("number");
    expect(JSON.stringify(line)).not.toContain("Secret-1");
  });

  it("gives each failure its own reference", async () => {
    const action = publicAction(schema, async () => {
      throw new TypeError("boom");
    });
    const a = await action(null, formOf({ name: "a" }));
    const b = await action(null, formOf({ name: "b" }));
    expect(a.ok || b.ok).toBe(false);
    if (a.ok || b.ok) return;
    expect(a.reference).not.toBe(b.reference);
    expect(lines.map((l) => l.reference)).toEqual([a.reference, b.reference]);
    expect(lines.map((l) => (l.err as { stack: string }).stack.split("\n")[0])).toEqual(["TypeError: boom", "TypeError: boom"]);
    expect(lines.map((l) => (l.err as { type: string }).type)).toEqual(["TypeError", "TypeError"]);
  });

  it("lets Next's redirect() and notFound() through as answers, not failures", async () => {
    current = staffUser("SUPPORT");
    const redirecting = staffAction("SUPPORT", schema, async (input) => redirect(`/en/admin/${input.name}`));
    const error = await redirecting(null, formOf({ name: "home" })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as { digest?: string }).digest).toMatch(/^NEXT_REDIRECT;\w+;\/en\/admin\/home;30[378];/);

    const missing = userAction(schema, async () => notFound());
    await expect(missing(null, formOf({ name: "x" }))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
  });

  it("treats a failing session lookup like a failing handler", async () => {
    sessionFailure = new Error("session store down");
    const { calls, handler } = recorder<never>();
    const result = await userAction(schema, handler)(null, formOf({ name: "x" }));
    expect(result).toEqual({ ok: false, formError: "errors.unexpected", reference: expect.any(String) });
    expect(calls).toHaveLength(0);
    expect(lines).toMatchObject([{ level: "error", msg: "action failed", err: { message: "session store down" } }]);
  });
});
