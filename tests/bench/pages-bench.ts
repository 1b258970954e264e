/**
 * Page benchmark (issue 13): first-load JavaScript per route and server
 * throughput of the main portal pages, side by side with a bare dynamic
 * Next.js page built with the same Next.js, plus concurrent sign-ins.
 *
 *   npm run bench:pages                       # reuse .next and the bare build when present
 *   npm run bench:pages -- --build            # rebuild both first
 *   npm run bench:pages -- --duration=20 --sign-in-rounds=20
 *   npm run bench:sign-in                     # the sign-in part only
 *   npm run bench:pages -- --profile=sign-in  # CPU profile of the app server during the sign-in rounds
 *
 * Ports: BENCH_PORT (default 3133) for the app, BENCH_PORT+1 for the bare page.
 * Everything runs on this machine in one run; the machine's load is printed
 * before and after, and figures taken on a busy machine are labelled so.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Cookie } from "@playwright/test";
import { createMigratedDatabase } from "../support/migrate";
import { totpCode } from "@/features/second-factor/totp";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-totp";
import { hashPassword, PASSWORD_THREADS, verifyPassword } from "@/server/passwords";

const require = createRequire(import.meta.url);

type CannonResult = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
const autocannon = require("autocannon") as (opts: Record<string, unknown>) => Promise<CannonResult>;

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"] as const;
  }),
);
const ONLY_SIGN_IN = args.has("sign-in-only");
/** --profile=/en/setup/requests: CPU-profile the app server under load on that route and print where the time went. */
const PROFILE = args.get("profile");
const DURATION = Number(args.get("duration") ?? 10);
const SIGN_IN_ROUNDS = Number(args.get("sign-in-rounds") ?? 10);
const CONNECTIONS = 10;
const PORT = Number(process.env.BENCH_PORT ?? 3133);
const BARE_PORT = PORT + 1;
const root = path.resolve(import.meta.dirname, "../..");
const bareDir = path.join(root, "tests/bench/bare-app");
const dataDir = path.join(root, "data", "bench-pages");
const base = `http://localhost:${PORT}`;
const bareUrl = `http://localhost:${BARE_PORT}/`;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const cores = os.availableParallelism();

const users = { supplier: "admin@northwind-parts.test", staff: "support@supplier-connect.test" } as const;
const PASSWORD = "Demo-pass-2026";
type Who = keyof typeof users | null;

/** Routes whose server throughput is measured against the bare page. */
const served: { path: string; as: Who }[] = [
  { path: "/en/sign-in", as: null },
  { path: "/en/setup/customers", as: "supplier" },
  { path: "/en/setup/requests", as: "supplier" },
  { path: "/en/admin/requests", as: "staff" },
];

/** Routes whose first-load JS is measured, in both languages. */
const jsRoutes: { path: string; as: Who }[] = [
  { path: "/sign-in", as: null },
  { path: "/sign-up", as: null },
  { path: "/forgot-password", as: null },
  { path: "/home", as: "supplier" },
  { path: "/setup/customers", as: "supplier" },
  { path: "/setup/requests", as: "supplier" },
  { path: "/setup/admin", as: "supplier" },
  { path: "/profile", as: "supplier" },
  { path: "/notifications", as: "supplier" },
  { path: "/admin", as: "staff" },
  { path: "/admin/requests", as: "staff" },
  { path: "/admin/customers", as: "staff" },
  { path: "/admin/invitations", as: "staff" },
  { path: "/admin/tickets", as: "staff" },
];

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// ------------------------------------------------------------------ builds

function buildIfNeeded(dir: string, label: string) {
  if (!args.has("build") && fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    console.log(`reusing the ${label} build (${path.relative(root, path.join(dir, ".next")) || ".next"}; --build to rebuild)`);
    return;
  }
  console.log(`building the ${label}…`);
  execFileSync(process.execPath, [nextBin, "build"], { cwd: dir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

// ----------------------------------------------------------------- servers

const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.pid && !c.killed && c.kill()));
process.on("SIGINT", () => process.exit(130));

const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  APP_ENV: "demo",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, "bench.db")}`,
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
  PUBLIC_URL: base,
  SIGN_IN_IP_LIMIT: "1000000",
  LOG_LEVEL: "warn",
};

function prepareDatabase() {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = appEnv.DATABASE_URL!.replace(/^file:/, "");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  createMigratedDatabase(file);
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { cwd: root, stdio: "ignore", env: appEnv });
}

async function start(command: string[], cwd: string, env: NodeJS.ProcessEnv, url: string, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...command], { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

// ----------------------------------------------------------------- browser

const launchArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

type SignIn = { cookies: Cookie[]; replay: { url: string; headers: Record<string, string>; body: Buffer }; shown: number };

/** Signs in through the real form; keeps the cookies and the server-action request (to replay it). */
async function signIn(browser: Browser, email: string): Promise<SignIn> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let replay: SignIn["replay"] | undefined;
  page.on("request", (request) => {
    const headers = request.headers();
    // The password step (a second step, for staff, comes after it).
    if (request.method() === "POST" && headers["next-action"] && request.postData()?.includes(PASSWORD))
      replay = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
  });
  await page.goto(`${base}/en/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  const clicked = performance.now();
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith("/sign-in"), { timeout: 60_000 }), page.locator('form button[type="submit"]').click()]);
  await page.locator("h1").first().waitFor();
  const shown = performance.now() - clicked;
  if (new URL(page.url()).pathname.endsWith("/sign-in/verify")) {
    // Staff confirm with their authenticator: the demo staff's code (prisma/demo-totp.ts).
    await page.locator('input[name="code"]').fill(totpCode(DEMO_TOTP_SECRET));
    await Promise.all([
      page.waitForURL((u) => !u.pathname.endsWith("/verify"), { timeout: 60_000 }),
      page.locator('form button[type="submit"]').last().click(),
    ]);
  }
  const cookies = await context.cookies();
  await context.close();
  if (!replay) throw new Error("the sign-in request was not seen");
  return { cookies, replay: { ...replay, headers: await withAllHeaders(replay.headers) }, shown };
}

async function withAllHeaders(headers: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!k.startsWith(":") && k !== "cookie" && k !== "content-length") out[k] = v;
  return out;
}

/**
 * First-load JS of one page: every script the page loads and runs, gzip-compressed
 * as a server would send it. `noModule` scripts (Next's legacy polyfills, which a
 * modern browser does not run) are counted apart.
 */
async function firstLoadJs(browser: Browser, url: string, cookies: Cookie[]): Promise<{ gzip: number; raw: number; files: number; nomodule: number }> {
  const context: BrowserContext = await browser.newContext();
  if (cookies.length) await context.addCookies(cookies);
  const page = await context.newPage();
  const bodies: Promise<[string, Buffer | null]>[] = [];
  const origin = new URL(url).origin;
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.url().startsWith(origin))
      bodies.push(
        response.body().then(
          (b) => [response.url(), b],
          () => [response.url(), null],
        ),
      );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const finalPath = new URL(page.url()).pathname;
  const nomoduleSrcs = new Set(await page.evaluate(() => [...document.querySelectorAll("script[nomodule]")].map((s) => (s as HTMLScriptElement).src)));
  const scripts = (await Promise.all(bodies)).filter((e): e is [string, Buffer] => e[1] !== null);
  await context.close();
  if (finalPath !== new URL(url).pathname) throw new Error(`${url} ended at ${finalPath}`);
  const run = scripts.filter(([src]) => !nomoduleSrcs.has(src));
  return {
    gzip: run.reduce((n, [, b]) => n + gzipSync(b).length, 0),
    raw: run.reduce((n, [, b]) => n + b.length, 0),
    files: run.length,
    nomodule: scripts.filter(([src]) => nomoduleSrcs.has(src)).reduce((n, [, b]) => n + gzipSync(b).length, 0),
  };
}

const cookieHeader = (cookies: Cookie[]) => cookies.map((c) => `${c.name}=${c.value}`).join("; ");

// -------------------------------------------------------------- throughput

async function cannon(url: string, cookie: string, duration: number): Promise<CannonResult> {
  return autocannon({ url, connections: CONNECTIONS, duration, headers: cookie ? { cookie } : {} });
}

/** CPU time (ms) each thread of a process has used so far, by thread id (Linux /proc; empty elsewhere). */
function threadCpu(pid: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const dir = `/proc/${pid}/task`;
  if (!pid || !fs.existsSync(dir)) return out;
  const tick = 1000 / 100; // USER_HZ
  for (const tid of fs.readdirSync(dir)) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = fs.readFileSync(`${dir}/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * tick);
    } catch {
      // the thread ended
    }
  }
  return out;
}

/** CPU used between two `threadCpu` readings: the main thread's and all other threads' (bcrypt workers, libuv, GC). */
function cpuBetween(pid: number | undefined, before: Map<number, number>, after: Map<number, number>) {
  let main = 0;
  let others = 0;
  for (const [tid, ms] of after) {
    const used = ms - (before.get(tid) ?? 0);
    if (tid === pid) main += used;
    else others += used;
  }
  return { main, others };
}

async function signInBench(
  replay: SignIn["replay"],
  origin = base,
  serverPid?: number,
): Promise<{
  p50: number;
  p95: number;
  max: number;
  ok: number;
  total: number;
  pageP95: number;
  pageIdleP95: number;
  pages: number;
  duringPages: number;
  alone: number;
  cpu: { main: number; others: number } | null;
  aloneCpu: { main: number; others: number } | null;
}> {
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(replay.url, { method: "POST", headers: replay.headers, body: new Uint8Array(replay.body), redirect: "manual" });
    await res.arrayBuffer();
    const ms = performance.now() - t0;
    return { ms, ok: (res.headers.get("set-cookie") ?? "").includes("session-token") };
  };
  // Another request of the same instance, timed while the sign-ins run and while idle.
  const pageLatency = async (until: () => boolean, min = 20) => {
    const out: number[] = [];
    while (!until() || out.length < min) {
      const t0 = performance.now();
      await (await fetch(`${origin}/en/sign-in`)).arrayBuffer();
      out.push(performance.now() - t0);
      if (out.length > 2000) break;
    }
    return out;
  };
  const idle = await pageLatency(() => true);
  await Promise.all(Array.from({ length: 5 }, once)); // warm-up
  const alone: number[] = [];
  const aloneBefore = threadCpu(serverPid);
  for (let i = 0; i < 7; i++) alone.push((await once()).ms);
  const aloneCpu = serverPid ? cpuBetween(serverPid, aloneBefore, threadCpu(serverPid)) : null;
  const times: number[] = [];
  let ok = 0;
  let finished = false;
  const cpuBefore = threadCpu(serverPid);
  const during = pageLatency(() => finished, 1);
  for (let round = 0; round < SIGN_IN_ROUNDS; round++) {
    for (const r of await Promise.all(Array.from({ length: 5 }, once))) {
      times.push(r.ms);
      if (r.ok) ok++;
    }
  }
  finished = true;
  const pageTimes = await during;
  const cpu = serverPid ? cpuBetween(serverPid, cpuBefore, threadCpu(serverPid)) : null;
  return {
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: Math.max(...times),
    ok,
    total: times.length,
    pageP95: pct(pageTimes, 95),
    pageIdleP95: pct(idle, 95),
    pages: idle.length + pageTimes.length,
    duringPages: pageTimes.length,
    alone: pct(alone, 50),
    cpu,
    aloneCpu,
  };
}

/**
 * What this machine can do for sign-ins at all: one bcrypt check alone, and
 * how many checks per second the app's pool of PASSWORD_THREADS threads gets
 * through (two vCPUs rarely give twice the work of one).
 */
async function passwordCapacity(): Promise<{ alone: number; perSecond: number; scaling: number }> {
  const hash = await hashPassword(PASSWORD);
  for (let i = 0; i < 3; i++) await verifyPassword(PASSWORD, hash);
  let t0 = performance.now();
  for (let i = 0; i < 10; i++) await verifyPassword(PASSWORD, hash);
  const alone = (performance.now() - t0) / 10;
  t0 = performance.now();
  await Promise.all(Array.from({ length: 10 * PASSWORD_THREADS }, () => verifyPassword(PASSWORD, hash)));
  const perSecond = (10 * PASSWORD_THREADS) / ((performance.now() - t0) / 1000);
  return { alone, perSecond, scaling: perSecond / (1000 / alone) };
}

// ----------------------------------------------------------------- profile

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** What a stack frame belongs to: a package, Node itself, or the app's own code. */
function owner(url: string, fn: string): string {
  if (!url) return fn === "(garbage collector)" ? "(garbage collector)" : fn.startsWith("(") ? fn : "(native/V8)";
  if (url.startsWith("node:")) return "node core";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next" && url.includes("/compiled/")) return `next (bundled ${rest[3] ?? "?"})`;
    return pkg;
  }
  if (url.includes("/.next/server/")) {
    const m = /node_modules_([a-z@][\w.-]*?)(?:_[0-9a-f]{6,}|_dist|_esm|_lib|_build|\.js)/i.exec(url);
    return m ? `bundled ${m[1]}` : "app code (bundled)";
  }
  if (url.includes("/src/generated/")) return "prisma client (generated)";
  return path.relative(root, url.replace(/^file:\/\//, "")) || url;
}

/** Self time per profile node, over the measured run only (the last `seconds` before shutdown; start-up and warm-up left out). */
function summariseProfile(file: string, requests: number, seconds: number) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const at: number[] = [];
  profile.timeDeltas.reduce((t, d, i) => (at[i] = t + d), 0);
  const end = at[at.length - 1] ?? 0;
  const from = end - (seconds + 0.3) * 1e6;
  const to = end - 0.3 * 1e6;
  profile.samples.forEach((id, i) => {
    if (at[i] >= from && at[i] <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byOwner = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    total += us;
    const o = owner(n.callFrame.url, n.callFrame.functionName);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
    const f = `${n.callFrame.functionName || "(anonymous)"} [${o}]`;
    byFn.set(f, (byFn.get(f) ?? 0) + us);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(
    `\nCPU profile of the app server: ${(total / 1000).toFixed(0)} ms busy, ${(idle / 1000).toFixed(0)} ms idle, ${requests} requests -> ${(total / 1000 / Math.max(1, requests)).toFixed(2)} ms CPU per request (main thread)`,
  );
  console.log("| self time by owner | ms/request | share |");
  console.log("|---|---|---|");
  for (const [o, us] of top(byOwner, 18)) console.log(`| ${o} | ${(us / 1000 / requests).toFixed(3)} | ${((us / total) * 100).toFixed(1)} % |`);
  console.log("\ntop functions (self time):");
  for (const [f, us] of top(byFn, 25)) console.log(`  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${f}`);
}

/** Runs `work` against an app server started under the CPU profiler (port PORT+2), then prints where its time went. */
async function profiled(what: string, work: (origin: string) => Promise<{ requests: number; seconds: number; say: string }>) {
  const dir = path.join(dataDir, "profile");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const origin = `http://localhost:${PORT + 2}`;
  const child = await start(
    [path.join(root, "src/scripts/start.mjs"), "-p", String(PORT + 2)],
    root,
    { ...appEnv, PUBLIC_URL: origin },
    `${origin}/en/sign-in`,
    ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=200"],
  );
  const { requests, seconds, say } = await work(origin);
  // Stop right away: the profile's last `seconds` are the measured run.
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error("no CPU profile was written");
  console.log(`\nprofile of ${what}: ${say} (the profiler slows it)`);
  summariseProfile(path.join(dir, file), requests, seconds);
}

const profileRoute = (route: string, cookie: string) =>
  profiled(route, async (origin) => {
    await cannon(`${origin}${route}`, cookie, 3);
    const result = await cannon(`${origin}${route}`, cookie, DURATION);
    return { requests: Math.round(result.requests.average * DURATION), seconds: DURATION, say: `${result.requests.average.toFixed(0)} req/s while profiled` };
  });

/** The sign-in rounds against a profiled server; "requests" are the sign-ins (the GETs timed meanwhile are counted in). */
const profileSignIn = (replay: SignIn["replay"]) =>
  profiled("5 concurrent sign-ins", async (origin) => {
    const retargeted = {
      url: replay.url.replace(base, origin),
      headers: Object.fromEntries(
        Object.entries(replay.headers).map(([k, v]) => [k, v.replace(base, origin).replace(`localhost:${PORT}`, `localhost:${PORT + 2}`)]),
      ),
      body: replay.body,
    };
    const t0 = performance.now();
    const s = await signInBench(retargeted, origin);
    const seconds = (performance.now() - t0) / 1000;
    return {
      requests: s.total,
      seconds,
      say: `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, ${s.ok}/${s.total} signed in, ${s.pages} GETs of /en/sign-in alongside`,
    };
  });

// -------------------------------------------------------------------- main

async function main() {
  const loadBefore = os.loadavg()[0];
  console.log(`Page benchmark, ${new Date().toISOString()}, ${cores} cores, load before: ${load()}`);
  buildIfNeeded(root, "app");
  if (!ONLY_SIGN_IN && !PROFILE) buildIfNeeded(bareDir, "bare page");
  prepareDatabase();
  const app = await start([path.join(root, "src/scripts/start.mjs"), "-p", String(PORT)], root, appEnv, `${base}/en/sign-in`);
  if (!ONLY_SIGN_IN && !PROFILE) {
    await start([nextBin, "start", "-p", String(BARE_PORT)], bareDir, { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, bareUrl);
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
  const sessions = { supplier: await signIn(browser, users.supplier), staff: await signIn(browser, users.staff) };

  if (PROFILE) {
    await browser.close();
    if (PROFILE === "sign-in") return profileSignIn(sessions.supplier.replay);
    const who: Who = PROFILE.includes("/admin") ? "staff" : PROFILE.includes("/sign-in") ? null : "supplier";
    await profileRoute(PROFILE, who ? cookieHeader(sessions[who].cookies) : "");
    return;
  }
  if (!ONLY_SIGN_IN) {
    const bare = await firstLoadJs(browser, bareUrl, []);
    console.log(`\nFirst-load JS: scripts each page loads and runs, gzip (the bare Next.js page: ${kb(bare.gzip)} KB = the framework)`);
    console.log("| route | en KB gzip | zh KB gzip | beyond the bare page (en / zh) | en KB raw | scripts |");
    console.log("|---|---|---|---|---|---|");
    let worst = 0;
    let nomodule = 0;
    for (const route of jsRoutes) {
      const cookies = route.as ? sessions[route.as].cookies : [];
      const en = await firstLoadJs(browser, `${base}/en${route.path}`, cookies);
      const zh = await firstLoadJs(browser, `${base}/zh${route.path}`, cookies);
      worst = Math.max(worst, en.gzip, zh.gzip);
      nomodule = Math.max(nomodule, en.nomodule);
      console.log(
        `| ${route.path} | ${kb(en.gzip)} | ${kb(zh.gzip)} | ${kb(en.gzip - bare.gzip)} / ${kb(zh.gzip - bare.gzip)} | ${kb(en.raw)} | ${en.files} |`,
      );
    }
    console.log(
      `largest: ${kb(worst)} KB gzip, ${kb(worst - bare.gzip)} KB beyond the bare page (target ≤ 120); not counted: ${kb(nomodule)} KB of noModule polyfills (not run by modern browsers)`,
    );
  }
  // What a person waits for, one sign-in at a time: from the click to the start page's heading.
  const shown: number[] = [];
  for (let i = 0; i < 7; i++) shown.push((await signIn(browser, users.supplier)).shown);
  await browser.close();

  if (!ONLY_SIGN_IN) {
    console.log(`\nThroughput: autocannon, ${CONNECTIONS} connections, ${DURATION} s per run; each page right after its own bare-page run`);
    console.log("| page | req/s | bare req/s | share of bare | p99 ms | bare p99 ms | p99 ratio | non-2xx | app CPU per request (main thread) |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const route of served) {
      const cookie = route.as ? cookieHeader(sessions[route.as].cookies) : "";
      const check = await fetch(`${base}${route.path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${route.path} answered ${check.status}`);
      await cannon(bareUrl, "", 2); // warm-up
      const bare = await cannon(bareUrl, "", DURATION);
      await cannon(`${base}${route.path}`, cookie, 2);
      const cpuBefore = threadCpu(app.pid);
      const page = await cannon(`${base}${route.path}`, cookie, DURATION);
      const cpu = cpuBetween(app.pid, cpuBefore, threadCpu(app.pid));
      const share = page.requests.average / bare.requests.average;
      const p99 = page.latency.p99 / bare.latency.p99;
      console.log(
        `| ${route.path} | ${page.requests.average.toFixed(0)} | ${bare.requests.average.toFixed(0)} | ${(share * 100).toFixed(0)} % ${share >= 0.5 ? "✓" : "✗"} | ${page.latency.p99} | ${bare.latency.p99} | ${p99.toFixed(1)}× ${p99 <= 4 ? "✓" : "✗"} | ${page.non2xx + page.errors} | ${(cpu.main / Math.max(1, page.requests.total)).toFixed(1)} ms |`,
      );
    }
  }

  const capacity = await passwordCapacity();
  console.log(`\nSign-in: ${SIGN_IN_ROUNDS} rounds of 5 concurrent sign-ins (the real server action, replayed), bcrypt cost 10`);
  const s = await signInBench(sessions.supplier.replay, base, app.pid);
  console.log(`p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms (target ≤ 400), max ${s.max.toFixed(0)} ms, ${s.ok}/${s.total} signed in`);
  console.log(`GET /en/sign-in meanwhile: p95 ${s.pageP95.toFixed(0)} ms (idle: p95 ${s.pageIdleP95.toFixed(0)} ms)`);
  if (s.cpu && s.aloneCpu) {
    const main = s.aloneCpu.main / 7;
    console.log(
      `This machine: one bcrypt check ${capacity.alone.toFixed(0)} ms alone; ${PASSWORD_THREADS} threads check ${capacity.perSecond.toFixed(1)}/s, ${capacity.scaling.toFixed(2)}× one thread. ` +
        `Least time for 5 at once, with the CPU of both parts shared perfectly: (5 × ${capacity.alone.toFixed(0)} + 5 × ${main.toFixed(0)} ms main thread) / ${capacity.scaling.toFixed(2)} = ${((5 * (capacity.alone + main)) / capacity.scaling).toFixed(0)} ms`,
    );
    console.log(
      `Server CPU during the rounds, per sign-in: main thread ${(s.cpu.main / s.total).toFixed(0)} ms (with ${s.duringPages} GETs of /en/sign-in in all), other threads ${(s.cpu.others / s.total).toFixed(0)} ms (bcrypt workers, libuv, GC); one at a time: main ${main.toFixed(0)} ms, others ${(s.aloneCpu.others / 7).toFixed(0)} ms`,
    );
  }
  console.log(
    `One sign-in at a time: the server action ${s.alone.toFixed(0)} ms; in Chromium, from the click to the start page shown ${pct(shown, 50).toFixed(0)} ms (medians of 7)`,
  );

  const loadAfter = os.loadavg()[0];
  const busy = loadBefore > cores * 0.5 || loadAfter > cores * 1.5;
  console.log(
    `\nload (1/5/15 min) after: ${load()}; before: ${loadBefore.toFixed(2)} on ${cores} cores${busy ? " — BUSY MACHINE: figures taken while other work ran" : ""}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
