/**
 * A load balancer for the browser tests on two app instances: every request
 * goes to the next instance in turn, so one user's consecutive requests
 * (sign-in, the request dialog, the CAPTCHA and its use) land on different
 * instances.   npx tsx tests/e2e/support/round-robin.ts <port> <upstream port>...
 *
 * Every answer names the instance that served it (`X-E2E-Instance: <index>`),
 * and a request carrying `X-E2E-Instance: <index>` goes to that instance
 * instead of the next one, so a test can choose where each step runs
 * (tests/e2e/two-instances.e2e.ts).
 */
import http from "node:http";
import { INSTANCE_HEADER } from "./env";

const argv = process.argv.slice(2);
const pinnedAt = argv.includes("--pinned") ? argv.indexOf("--pinned") : argv.length;
/** The balancer's port, the instances it alternates between, then those reached only when pinned. */
const [port, ...rotating] = argv.slice(0, pinnedAt).map(Number);
const upstreams = [...rotating, ...argv.slice(pinnedAt + 1).map(Number)];
let next = 0;

const server = http.createServer((req, res) => {
  const pinned = Number(req.headers[INSTANCE_HEADER]);
  const index = Number.isInteger(pinned) && pinned >= 0 && pinned < upstreams.length ? pinned : next++ % rotating.length;
  const headers = { ...req.headers };
  delete headers[INSTANCE_HEADER];
  const forward = http.request({ host: "127.0.0.1", port: upstreams[index], method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [INSTANCE_HEADER]: String(index) });
    answer.pipe(res);
  });
  forward.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { [INSTANCE_HEADER]: String(index) });
    res.end();
  });
  req.pipe(forward);
});
server.keepAliveTimeout = 5000;
server.listen(port, "127.0.0.1", () => console.log(`round robin on ${port} -> ${upstreams.join(", ")}`));
