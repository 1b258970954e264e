/**
 * Lighthouse (12.2.3, pinned in package.json) on the production build, in Debian's Chromium:
 * sign-in, Customer Setup and Connection Requests, in English and Chinese. Prints the
 * accessibility and best-practices scores of each page; exits non-zero below the targets
 * (accessibility 100, best practices 95).
 *
 *   npx next build && npm run bench:lighthouse            # port 3190 unless --port=
 *   CHROME_PATH=/usr/bin/chromium npm run bench:lighthouse -- --port=3191
 *
 * It starts the app like the browser tests do (`src/scripts/start.mjs` on a fresh, migrated and
 * seeded SQLite file under data/lighthouse/), signs a supplier in by its session cookie (with a
 * connected customer and a pending request, so both tables have rows), and runs Lighthouse's
 * navigation audits with the desktop preset against each page (and checks it was not redirected).
 */
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
// Lighthouse's own browser driver (a dependency of lighthouse): sets the session cookie, which
// Chromium does not take from Lighthouse's extraHeaders.
import puppeteer from "puppeteer-core";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"] as const;
  }),
);
const port = Number(args.get("port") ?? 3190);
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, "data/lighthouse");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  APP_ENV: "test",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, "lighthouse.db")}`,
  AUTH_SECRET: "lighthouse-secret-lighthouse-secret-0123456789",
  AUTH_TRUST_HOST: "true",
  PUBLIC_URL: `http://localhost:${port}`,
};
Object.assign(process.env, env);

async function waitFor(url: string, ms = 120_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main() {
  const loadBefore = os.loadavg()[0].toFixed(1);
  fs.mkdirSync(dataDir, { recursive: true });
  execFileSync("npx", ["tsx", "tests/e2e/support/prepare-db.ts"], { cwd: root, env, stdio: "inherit" });
  const server = spawn("node", ["src/scripts/start.mjs", "-p", String(port)], { cwd: root, env, stdio: "ignore" });
  try {
    await waitFor(`http://localhost:${port}/en/sign-in`);
    // A supplier signed in by its session cookie (the JWT next-auth sets, pointing at a live session row).
    const { makeSupplier } = await import("../support/factories");
    const { createSession } = await import("@/features/sessions/service");
    const { encode } = await import("next-auth/jwt");
    const s = await makeSupplier({ companyName: "Lighthouse Supplies", email: `lighthouse-${Date.now()}@lighthouse-supplies.test` });
    const sid = await createSession(s.userId, { userAgent: "Lighthouse", ip: "127.0.0.1" });
    const salt = "authjs.session-token";
    const token = { sub: s.userId, uid: s.userId, sv: 0, sid, email: "lighthouse@lighthouse-supplies.test", name: "Lighthouse" };
    const cookieValue = await encode({ salt, secret: env.AUTH_SECRET!, token, maxAge: 60 * 60 });
    // Pages with content to audit: a connected customer (Customer Setup) and a pending request (Connection Requests).
    const { makeCustomer } = await import("../support/factories");
    const { db } = await import("@/server/db");
    const stamp = Date.now();
    const connected = await makeCustomer({ name: `Lighthouse Connected Foods ${stamp}` });
    await db.customer.update({ where: { id: connected.id }, data: { nameZh: `灯塔食品${stamp}` } });
    await db.customerRelationship.create({ data: { supplierId: s.supplierId, customerId: connected.id, origin: "INVITATION" } });
    const asked = await makeCustomer({ name: `Lighthouse Pending Trading ${stamp}` });
    await db.connectionRequest.create({
      data: {
        supplierId: s.supplierId,
        customerId: asked.id,
        requestedById: s.userId,
        contactEmail: `buyer-${stamp}@lighthouse-pending.test`,
        respondHash: `lighthouse-${stamp}`,
        expiresAt: new Date(stamp + 86_400_000),
      },
    });

    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      chromeFlags: [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const pages = [
      { name: "Sign-in", path: "sign-in", signedIn: false },
      { name: "Customer Setup", path: "setup/customers", signedIn: true },
      { name: "Connection Requests", path: "setup/requests", signedIn: true },
    ];
    const rows: string[] = [];
    let failed = false;
    try {
      for (const lng of ["en", "zh"]) {
        for (const p of pages) {
          const url = `http://localhost:${port}/${lng}/${p.path}`;
          const cookies = browser.defaultBrowserContext();
          if (p.signedIn) await cookies.setCookie({ name: salt, value: cookieValue, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" });
          else await cookies.deleteCookie(...(await cookies.cookies()));
          const result = await lighthouse(url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["accessibility", "best-practices"],
            formFactor: "desktop",
            screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
            throttlingMethod: "provided",
          });
          if (!result) throw new Error(`no result for ${url}`);
          const { categories, audits, finalDisplayedUrl } = result.lhr;
          // A signed-in page that redirected to the sign-in page would score the wrong page.
          if (new URL(finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${finalDisplayedUrl}`);
          const a11y = Math.round((categories.accessibility.score ?? 0) * 100);
          const bp = Math.round((categories["best-practices"].score ?? 0) * 100);
          if (a11y < 100 || bp < 95) failed = true;
          const misses = Object.values(audits)
            .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === "binary")
            .map((x) => x.id);
          rows.push(`| ${p.name} (${lng}) | /${lng}/${p.path} | ${a11y} | ${bp} | ${misses.join(", ") || "—"} |`);
        }
      }
    } finally {
      await browser.disconnect();
      await chrome.kill();
    }
    console.log(
      `Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, Chromium ${execFileSync(
        process.env.CHROME_PATH ?? "/usr/bin/chromium",
        ["--version"],
      )
        .toString()
        .trim()}`,
    );
    console.log(`${new Date().toISOString()}, ${os.cpus().length} cores, load average (1 min) ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after`);
    console.log("| page | path | accessibility | best practices | failed audits |");
    console.log("|---|---|---|---|---|");
    for (const r of rows) console.log(r);
    if (failed) {
      console.error("Below target: accessibility 100 and best practices 95 on every page.");
      process.exitCode = 1;
    }
  } finally {
    server.kill();
  }
}

await main();
