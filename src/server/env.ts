import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./client-address";

/**
 * The environment, read and validated once. APP_ENV=demo (the default) fills in
 * safe defaults for the embedded demo; APP_ENV=production refuses to start
 * without the settings that must not be guessed.
 */
const schema = z.object({
  APP_ENV: z.enum(["demo", "production", "test"]).default("demo"),
  DATA_DIR: z.string().default(path.join(process.cwd(), "data")),
  /** file:… = SQLite, postgres://… or postgresql://… = PostgreSQL */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)")
    .optional(),
  /** PostgreSQL connections per app instance */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  AUTH_SECRET: z.string().min(32).optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Supplier Connect <no-reply@supplier-connect.local>"),
  /** Shown to visitors without an account (e.g. on dead invitation links) */
  SUPPORT_EMAIL: z.email().default("support@supplier-connect.local"),
  SEARCH_ATTEMPT_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
  /** ALTCHA proof-of-work: PBKDF2 iterations per try, and the highest counter the solver may need */
  CAPTCHA_COST: z.coerce.number().int().min(1).optional(),
  CAPTCHA_MAX_COUNTER: z.coerce.number().int().min(2).optional(),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_IP_LIMIT: z.coerce.number().int().min(1).default(50),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Proxies in front of the app whose X-Forwarded-For entries are believed: a hop count, or addresses/CIDR ranges, comma separated */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, ctx) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** Encrypts second-factor secrets at rest (AES-256-GCM); 32+ characters, e.g. `openssl rand -base64 32` */
  MFA_ENCRYPTION_KEY: z.string().min(32).optional(),
  /** Background duties (src/server/jobs) in this process: on, or off (tests that do not want them; an instance that should not run them) */
  JOBS: z.enum(["on", "off"]).default("on"),
  /** pino level of the JSON server log; default info (silent under Vitest) */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  if (e.APP_ENV === "production") {
    const missing = (["DATABASE_URL", "AUTH_SECRET", "PUBLIC_URL", "MFA_ENCRYPTION_KEY"] as const).filter((k) => !e[k]);
    if (missing.length) throw new Error(`APP_ENV=production requires ${missing.join(", ")}`);
  }
  fs.mkdirSync(e.DATA_DIR, { recursive: true });
  const authSecret = e.AUTH_SECRET ?? demoSecret(e.DATA_DIR);
  return {
    ...e,
    DATABASE_URL: e.DATABASE_URL ?? `file:${path.join(e.DATA_DIR, "supplier-connect.db")}`,
    AUTH_SECRET: authSecret,
    // Outside production a key derived from the auth secret (a different purpose label, so neither reveals the other).
    MFA_ENCRYPTION_KEY: e.MFA_ENCRYPTION_KEY ?? `derived:${crypto.createHmac("sha256", authSecret).update("second-factor-encryption").digest("base64url")}`,
    PUBLIC_URL: (e.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, ""),
    SMTP_URL: e.SMTP_URL || undefined,
    // Low in tests so a browser solves it at once; about a second of work in a desktop browser elsewhere
    // (npm run bench:captcha; docs/decisions/0016 says what this costs a scripted attacker).
    CAPTCHA_COST: e.CAPTCHA_COST ?? (e.APP_ENV === "test" ? 1 : 500),
    CAPTCHA_MAX_COUNTER: e.CAPTCHA_MAX_COUNTER ?? (e.APP_ENV === "test" ? 50 : 10_000),
  };
}

/** A secret generated on first start and kept in the data folder (demo only). */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export const env = load();
export type Env = typeof env;
