import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { isRecentlyVerified } from "@/features/second-factor/service";
import { z } from "zod";
import { issueMessageKey, type ActionResult, type FieldErrors } from "@/lib/action-result";
import { fallbackLng, isLng, type Lng } from "@/lib/i18n/config";
import { can, type Permission, type StaffRole } from "@/lib/permissions";
import { actionName } from "./action-names";
import { log, newReference } from "./log";
import { clientIp } from "./request";
import { getSessionUser, type SessionUser } from "./session";

/**
 * One wrapper for every server action. Each exported "use server" function is a
 * public POST endpoint, so the variants below put the checked caller into the
 * handler's context: no action can forget to authorise.
 */
type Handler<S extends z.ZodType, C, R> = (input: z.output<S>, ctx: C) => Promise<ActionResult<R>>;
type FormAction<R> = (prev: unknown, form: FormData) => Promise<ActionResult<R>>;

export interface PublicCtx {
  ip: string;
  /** The page's language (hidden `lng` field of every form), for redirects and emails */
  lng: Lng;
}
export interface UserCtx extends PublicCtx {
  user: SessionUser;
}
export interface SupplierCtx extends UserCtx {
  supplierId: string;
}

const SECRET_FIELDS = /password|token|captcha/i;

export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    // "__proto__" would replace the object's prototype (a posted file there breaks every later field).
    if (key.startsWith("$ACTION") || key === "lng" || key === "__proto__") continue;
    // A NUL character is never meaningful in a text field, and PostgreSQL cannot store one: dropped on every engine alike.
    const all = form.getAll(key).map((v) => (typeof v === "string" ? v.replaceAll("\0", "") : v));
    out[key] = key.endsWith("[]") ? all : all[0];
  }
  return out;
}

/** Maps zod issues to message keys (custom messages are already keys): one per field, the first rule it breaks. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "_form")] ??= [issueMessageKey(issue)];
  return out;
}

function echo(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === "string" && !SECRET_FIELDS.test(k)) values[k] = v;
  }
  return values;
}

function build<S extends z.ZodType, C, R>(
  schema: S,
  context: (base: PublicCtx, raw: Record<string, unknown>) => Promise<C | null>,
  handler: Handler<S, C, R>,
): FormAction<R> {
  return async (_prev, form) => {
    const started = performance.now();
    const meta = await requestMeta();
    let userId: string | undefined;
    if (!(form instanceof FormData)) {
      // Only a forged request calls a form action without its form: the client's fault, not a server error.
      log.warn({ ...meta, durationMs: elapsed(started) }, "action called without form data");
      return { ok: false, formError: "errors.unexpected" };
    }
    try {
      const raw = formToObject(form);
      const lng = form.get("lng");
      const ctx = await context({ ip: await clientIp(), lng: isLng(lng) ? lng : fallbackLng }, raw);
      userId = (ctx as Partial<UserCtx> | null)?.user?.id;
      let result: ActionResult<R>;
      if (!ctx) {
        result = { ok: false, formError: "errors.notAllowed" };
      } else {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          result = { ok: false, fieldErrors: toFieldErrors(parsed.error), values: echo(raw) };
        } else {
          const r = await handler(parsed.data, ctx);
          result = r.ok ? r : { ...r, values: r.values ?? echo(raw) };
        }
      }
      log.info({ ...meta, userId, ok: result.ok, refused: !ctx || undefined, durationMs: elapsed(started) }, "action");
      return result;
    } catch (error) {
      // redirect(), notFound() and Next's own signals are answers, not failures.
      unstable_rethrow(error);
      const reference = newReference();
      log.error({ ...meta, userId, reference, durationMs: elapsed(started), err: error }, "action failed");
      return { ok: false, formError: "errors.unexpected", reference };
    }
  };
}

const elapsed = (since: number) => Math.round(performance.now() - since);

/** Request id (set by the proxy) and the action's exported name, when called through Next. */
async function requestMeta(): Promise<{ requestId?: string; action?: string }> {
  try {
    const h = await headers();
    const id = h.get("next-action");
    return { requestId: h.get("x-request-id") ?? undefined, action: id ? (actionName(id) ?? id) : undefined };
  } catch {
    return {}; // called outside a request (scripts, tests)
  }
}

export function publicAction<S extends z.ZodType, R = undefined>(schema: S, handler: Handler<S, PublicCtx, R>) {
  return build(schema, async (base) => base, handler);
}

/**
 * Options of the signed-in wrappers. `stepUp`: a sensitive change (bank
 * details, users and permissions, the sign-in email, turning a second factor
 * off) that asks for the password or a second factor again when the session's
 * last check is older than ten minutes: the caller is sent to the check page,
 * which brings them back to the page they came from.
 */
export interface ActionOptions {
  /** true, or a test on the posted fields (e.g. only the bank section of a form shared by several) */
  stepUp?: boolean | ((form: Record<string, unknown>) => boolean);
}

/** Before the handler of a step-up action: a redirect to the check when the session's last one is too old. */
async function requireRecentCheck(user: SessionUser, lng: Lng, raw: Record<string, unknown>, options?: ActionOptions): Promise<void> {
  const stepUp = typeof options?.stepUp === "function" ? options.stepUp(raw) : options?.stepUp;
  if (!stepUp || isRecentlyVerified(user.verifiedAt)) return;
  redirect(`/${lng}/verify-identity?next=${encodeURIComponent(await refererPath(lng))}`);
}

/** The same-site page the form was posted from (where the check returns to). */
async function refererPath(lng: Lng): Promise<string> {
  try {
    const url = new URL((await headers()).get("referer") ?? "");
    const path = url.pathname + url.search;
    return /^\/(en|zh)\/[^/]/.test(path) ? path : `/${lng}`;
  } catch {
    return `/${lng}`;
  }
}

export function userAction<S extends z.ZodType, R = undefined>(schema: S, handler: Handler<S, UserCtx, R>, options?: ActionOptions) {
  return build(
    schema,
    async (base, raw) => {
      const user = await getSessionUser();
      if (!user) return null;
      await requireRecentCheck(user, base.lng, raw, options);
      return { ...base, user };
    },
    handler,
  );
}

/** A supplier user holding `permission` (admins hold every permission), with a second factor when the company requires one. */
export function supplierAction<S extends z.ZodType, R = undefined>(
  permission: Permission | null,
  schema: S,
  handler: Handler<S, SupplierCtx, R>,
  options?: ActionOptions,
) {
  return build(
    schema,
    async (base, raw) => {
      const user = await getSessionUser();
      if (!user || user.kind !== "SUPPLIER" || !user.supplierId || user.mustEnrol) return null;
      if (permission && !can(user.permissions, permission)) return null;
      await requireRecentCheck(user, base.lng, raw, options);
      return { ...base, user, supplierId: user.supplierId };
    },
    handler,
  );
}

/** Staff (of `role`), who act only once they have enrolled a second factor. */
export function staffAction<S extends z.ZodType, R = undefined>(role: StaffRole, schema: S, handler: Handler<S, UserCtx, R>, options?: ActionOptions) {
  return build(
    schema,
    async (base, raw) => {
      const user = await getSessionUser();
      if (!user || user.kind !== "STAFF" || user.mustEnrol) return null;
      if (role === "ADMINISTRATOR" && user.staffRole !== "ADMINISTRATOR") return null;
      await requireRecentCheck(user, base.lng, raw, options);
      return { ...base, user };
    },
    handler,
  );
}
