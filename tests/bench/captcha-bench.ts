/**
 * CAPTCHA benchmark (issue 13, item 7): how long the self-hosted ALTCHA proof
 * of work takes in Chromium with the app's challenge settings, and what the
 * server pays to issue and verify one.
 *
 *   npm run bench:captcha                              # production defaults (src/server/env.ts)
 *   npm run bench:captcha -- --runs=30 --cost=500 --counter=5000
 *   npm run bench:captcha -- --throttle=4,6            # also with the CPU slowed down 4x and 6x (phone-class)
 *
 * A small HTTP server serves the widget's own bundle (node_modules/altcha) and
 * challenges made by the app's `newChallenge`; Debian's Chromium opens the
 * page, and each run mounts a fresh `<altcha-widget auto="onload">` (as the
 * request dialog does) and times it from mounting to the `verified` event
 * (challenge fetch included). CPU throttling uses the DevTools protocol
 * (Emulation.setCPUThrottlingRate), the usual stand-in for a mid-range phone.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"] as const;
  }),
);
const RUNS = Number(args.get("runs") ?? 25);
const THROTTLES = [1, ...(args.get("throttle") ?? "").split(",").filter(Boolean).map(Number)];
if (args.has("cost")) process.env.CAPTCHA_COST = args.get("cost");
if (args.has("counter")) process.env.CAPTCHA_MAX_COUNTER = args.get("counter");
process.env.APP_ENV = "demo";
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
process.env.DATA_DIR ??= path.join(os.tmpdir(), "captcha-bench");

const root = path.resolve(import.meta.dirname, "../..");
const bundle = fs.readFileSync(path.join(root, "node_modules/altcha/dist/main/altcha.js"));
const { newChallenge, checkCaptcha } = await import("@/features/connection-requests/captcha");
const { env } = await import("@/server/env");
const { CAPTCHA_WIDGET_CONFIGURATION } = await import("@/features/connection-requests/components/captcha-config");

const page = `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/altcha.js"></script></head>
<body><form id="f"></form><script>
window.solveOnce = () => new Promise((resolve, reject) => {
  const form = document.getElementById("f");
  form.innerHTML = "";
  const w = document.createElement("altcha-widget");
  w.setAttribute("challenge", "/challenge");
  w.setAttribute("name", "captcha");
  w.setAttribute("auto", "onload");
  w.setAttribute("configuration", ${JSON.stringify(JSON.stringify(CAPTCHA_WIDGET_CONFIGURATION))});
  const t0 = performance.now();
  w.addEventListener("verified", (e) => resolve({ ms: performance.now() - t0, payload: e.detail.payload }));
  w.addEventListener("statechange", (e) => { if (e.detail.state === "error") reject(new Error("widget error")); });
  form.appendChild(w);
});
</script></body></html>`;

const server = http.createServer(async (req, res) => {
  if (req.url === "/altcha.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
  if (req.url === "/challenge") return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(await newChallenge()));
  res.writeHead(200, { "content-type": "text/html" }).end(page);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (x: number) => x.toFixed(0).padStart(7);

console.log(
  `CAPTCHA: PBKDF2/SHA-256, cost ${env.CAPTCHA_COST} iterations per try, secret counter drawn from ${Math.max(1, Math.floor(env.CAPTCHA_MAX_COUNTER / 2))}..${env.CAPTCHA_MAX_COUNTER}; ${RUNS} runs per row, Chromium ${browser.version()}`,
);
console.log(
  `load average before: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (the machine is shared: figures on a busy machine are upper bounds)`,
);
console.log(
  `${"CPU".padEnd(22)} ${"p10".padStart(7)} ${"median".padStart(7)} ${"p90".padStart(7)} ${"max".padStart(7)}  ms from mounting the widget to solved`,
);
let lastPayload = "";
for (const rate of THROTTLES) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => customElements.get("altcha-widget"));
  if (rate > 1) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  }
  await tab.evaluate(() => (window as unknown as { solveOnce: () => Promise<unknown> }).solveOnce()); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await tab.evaluate(() => (window as unknown as { solveOnce: () => Promise<{ ms: number; payload: string }> }).solveOnce());
    times.push(r.ms);
    lastPayload = r.payload;
  }
  console.log(
    `${(rate === 1 ? "this machine" : `${rate}x slower (phone)`).padEnd(22)} ${f(pct(times, 10))} ${f(pct(times, 50))} ${f(pct(times, 90))} ${f(Math.max(...times))}`,
  );
  await context.close();
}
await browser.close();
server.close();

// Server side: issuing and verifying (the key signature makes verifying one HMAC, not a re-derivation).
const N = 200;
let t0 = performance.now();
for (let i = 0; i < N; i++) await newChallenge();
const issue = (performance.now() - t0) / N;
t0 = performance.now();
for (let i = 0; i < N; i++) if (!(await checkCaptcha(lastPayload)).ok) throw new Error("a solved payload did not verify");
const verify = (performance.now() - t0) / N;
console.log(`server: issuing a challenge ${issue.toFixed(2)} ms, verifying a solution ${verify.toFixed(2)} ms (mean of ${N})`);
