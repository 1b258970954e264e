/**
 * A load balancer for the browser tests on two app instances: every request
 * goes to the next instance in turn, so one user's consecutive requests
 * (sign-in, the request dialog, the CAPTCHA and its use) land on different
 * instances.   npx tsx tests/e2e/support/round-robin.ts <port> <upstream port>...
 */
import http from "node:http";

const [port, ...upstreams] = process.argv.slice(2).map(Number);
let next = 0;

const server = http.createServer((req, res) => {
  const target = upstreams[next++ % upstreams.length];
  const forward = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  forward.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(forward);
});
server.keepAliveTimeout = 5000;
server.listen(port, "127.0.0.1", () => console.log(`round robin on ${port} -> ${upstreams.join(", ")}`));
