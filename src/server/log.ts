import crypto from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "./env";

/**
 * The structured server log: one JSON line per event on stdout (pino), with
 * the request id, user id, action or route, duration and, for failures, the
 * reference id the user sees. Never a password, a token or a full email:
 * secret-looking keys are removed (pino's redact for the known paths, then a
 * deep pass for the rest), emails are masked (`a***@example.com`) and the
 * token part of link paths is cut, in messages and error stacks too.
 */
const SECRET_KEY = /pass(word)?|secret|token|captcha|cookie|authorization|^code$|^otp$|signature|api[-_]?key/i;
const EMAIL = /([\p{L}\p{N}._%+-])[\p{L}\p{N}._%+'-]*@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;
const LINK_TOKEN = /\/(reset-password|invite|respond|join|set-password|email-change(?:\/cancel)?)\/[A-Za-z0-9_-]{8,}/g;
const QUERY_TOKEN = /([?&](?:token|code|key)=)[^&\s"]+/gi;
const REDACTED = "[redacted]";

export function maskEmail(text: string): string {
  return text.replace(EMAIL, "$1***@$2");
}

/** Masks emails and link tokens in free text. */
export function scrub(text: string): string {
  return maskEmail(text).replace(LINK_TOKEN, `/$1/${REDACTED}`).replace(QUERY_TOKEN, `$1${REDACTED}`);
}

function sanitize(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrub(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 6 || seen.has(value)) return "[…]";
  seen.add(value);
  if (value instanceof Error) {
    const out: Record<string, unknown> = { type: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
    const digest = (value as { digest?: unknown }).digest;
    if (typeof digest === "string") out.digest = digest;
    if (value.cause !== undefined) out.cause = sanitize(value.cause, depth + 1, seen);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : sanitize(v, depth + 1, seen);
  return out;
}

const REDACT_PATHS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "secret",
  "captcha",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.token",
  "*.secret",
  "*.captcha",
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
];

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "supplier-connect" },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Our own error serializer: pino's would run after ours in `formatters.log` and name every error "Object".
      serializers: { err: (e: unknown) => sanitize(e) },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => sanitize(object) as Record<string, unknown>,
      },
      hooks: {
        // Messages and printf arguments are text too.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? scrub(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination ??
      // Errors and worse on stderr, the rest on stdout.
      pino.multistream(
        [
          { level: "trace", stream: pino.destination({ dest: 1, sync: true }) },
          { level: "error", stream: pino.destination({ dest: 2, sync: true }) },
        ],
        { dedupe: true },
      ),
  );
}

export const log = createLogger({ level: env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info") });

/** A short id shown to the user and written with the failure, to find one in the other. */
export function newReference(): string {
  return crypto.randomBytes(5).toString("hex");
}
