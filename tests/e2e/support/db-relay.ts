/**
 * A TCP relay between one app instance and PostgreSQL that a browser test can
 * cut, so the database goes away for that instance only (the other instances
 * and the tests' own connections keep working).
 *   npx tsx tests/e2e/support/db-relay.ts <listen port> <control port> <postgres host:port>
 * `POST /cut` closes every relayed connection (PostgreSQL sees its client gone
 * and rolls back whatever transaction was open) and refuses new ones;
 * `POST /restore` lets connections through again.
 */
import http from "node:http";
import net from "node:net";

const [listen, control, target] = process.argv.slice(2);
const [targetHost, targetPort] = target.split(":");
let cut = false;
const open = new Set<net.Socket>();

net
  .createServer((client) => {
    if (cut) return client.destroy();
    const upstream = net.connect(Number(targetPort), targetHost);
    const close = () => {
      for (const s of [client, upstream]) {
        s.destroy();
        open.delete(s);
      }
    };
    for (const s of [client, upstream]) {
      open.add(s);
      s.on("error", close);
      s.on("close", close);
    }
    client.pipe(upstream);
    upstream.pipe(client);
  })
  .listen(Number(listen), "127.0.0.1");

http
  .createServer((req, res) => {
    if (req.method === "POST" && req.url === "/cut") {
      cut = true;
      for (const s of open) s.destroy();
      open.clear();
    } else if (req.method === "POST" && req.url === "/restore") {
      cut = false;
    }
    res.end(cut ? "cut" : "open");
  })
  .listen(Number(control), "127.0.0.1", () => console.log(`database relay on ${listen} -> ${target}, control on ${control}`));
