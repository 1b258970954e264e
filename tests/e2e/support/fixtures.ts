import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test as base, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { e2eEnv, ports, serverLogFile } from "./env";

export { expect };

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Waits for a message to `to` (optionally whose subject matches) at the test SMTP server. */
export async function waitForMail(to: string, subject?: RegExp, timeoutMs = 15_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${ports.smtpHttp}/messages?to=${encodeURIComponent(to)}`);
    const list = (await res.json()) as Mail[];
    const hit = list.reverse().find((m) => !subject || subject.test(m.subject));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The first portal link in a message, as a path (so it works with baseURL). */
export function linkIn(mail: Mail, pattern = /https?:\/\/[^\s]+/): string {
  const m = mail.text.match(pattern);
  if (!m) throw new Error(`no link in mail "${mail.subject}"`);
  return new URL(m[0]).pathname;
}

export const unique = () => crypto.randomBytes(4).toString("hex");

type CookieUser = { id: string; email: string; name: string; sessionVersion?: number };
export const SESSION_COOKIE = "authjs.session-token";

/** A live session for the user and its cookie value: the same JWT next-auth sets at sign-in. */
export async function sessionCookieValue(user: CookieUser): Promise<string> {
  // The server-side session the cookie points at, as a sign-in creates it.
  const { createSession } = await import("@/features/sessions/service");
  const sid = await createSession(user.id, { userAgent: "Playwright (signInAs)", ip: "127.0.0.1" });
  return encode({
    salt: SESSION_COOKIE,
    secret: e2eEnv.AUTH_SECRET,
    token: { sub: user.id, uid: user.id, sv: user.sessionVersion ?? 0, sid, email: user.email, name: user.name },
    maxAge: 60 * 60,
  });
}

/**
 * Signs a user in without the UI. Use it wherever the test is not about signing in.
 * Staff must have a second factor to use the admin pages: a staff user without
 * one is enrolled first with the known test key (TEST_TOTP_SECRET), unless
 * `enrol: false` (a test of the enrolment itself).
 */
export async function signInAs(context: BrowserContext, user: CookieUser, options: { enrol?: boolean } = {}) {
  if (options.enrol !== false) {
    const row = await (await db()).user.findUnique({ where: { id: user.id }, select: { kind: true, secondFactorSince: true } });
    if (row?.kind === "STAFF" && !row.secondFactorSince) await (await factories()).enrolTotp(user.id);
  }
  const value = await sessionCookieValue(user);
  await context.addCookies([{ name: SESSION_COOKIE, value, url: `http://localhost:${ports.app}`, httpOnly: true, sameSite: "Lax" }]);
}

/** Factories that write straight to the test database (same file the app uses). */
export async function factories() {
  return import("../../support/factories");
}

export async function db() {
  return (await import("@/server/db")).db;
}

/**
 * Clicks a submit button and waits until its server action has answered and
 * the form is idle again (React resets uncontrolled fields after an action).
 */
export async function submit(page: Page, button: Locator) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), button.click()]);
  await expect(button).toBeEnabled();
}

/**
 * Fails the test on any uncaught page error, a server error response, or a
 * Content-Security-Policy violation (the `securitypolicyviolation` event in
 * any frame, or Chromium's "Refused to …" console message).
 */
export const test = base.extend<{ page: Page; allowedServerErrors: RegExp | null }>({
  /** URLs that answer 5xx on purpose in this file (the error-page test); nothing else may */
  allowedServerErrors: [null, { option: true }],
  page: async ({ page, allowedServerErrors }, use) => {
    const problems: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      const text = m.text();
      if (text.startsWith("[csp-violation]") || /Refused to (execute|load|apply|create|connect|frame|evaluate)|Content Security Policy/.test(text)) {
        problems.push(`CSP: ${text}`);
      }
    });
    page.on("response", (r) => {
      if (r.status() >= 500 && !allowedServerErrors?.test(r.url())) problems.push(`${r.status()} ${r.url()}`);
    });
    await use(page);
    expect(problems, "no page errors, server errors or CSP violations").toEqual([]);
  },
});

/** Lines the app server wrote (stdout and stderr) since `from` bytes; see playwright.config.ts. */
export function serverLog(from = 0): string {
  try {
    return fs.readFileSync(serverLogFile).subarray(from).toString("utf8");
  } catch {
    return "";
  }
}

/** The server log's lines since `from` bytes that contain `text` (a reference, a request id). */
export function serverLogLines(from: number, text: string): string[] {
  return serverLog(from)
    .split("\n")
    .filter((l) => l.includes(text));
}

/** Where the server log ends now: pass it to serverLog() later to read only what came after. */
export function serverLogMark(): number {
  try {
    return fs.statSync(serverLogFile).size;
  } catch {
    return 0;
  }
}
