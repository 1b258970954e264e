// Starts the production server: `next start`, plus one thing Next does not do.
// Next only fills X-Forwarded-For with the connection's address when the
// header is absent, so a client could write any address there. This server
// APPENDS the connection's own address to every request's X-Forwarded-For
// before Next sees it: the last entry is always true, and the app reads the
// client's address from the right, skipping only trusted proxies
// (TRUSTED_PROXIES, src/server/client-address.ts).
//
//   node src/scripts/start.mjs [-p PORT] [-H HOSTNAME]     (npm start)
//
// Plain JavaScript so production needs no TypeScript loader.
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** Appends the address the request came from (the socket's peer) to X-Forwarded-For. */
export function appendPeerAddress(req) {
  const peer = req.socket.remoteAddress;
  const prior = req.headers["x-forwarded-for"];
  const chain = Array.isArray(prior) ? prior.join(", ") : prior;
  req.headers["x-forwarded-for"] = chain ? `${chain}, ${peer ?? "unknown"}` : (peer ?? "unknown");
}

/**
 * Checks DATABASE_URL before anything else starts: a wrong or unreachable
 * database stops start-up with one line naming the setting (no stack trace).
 * Returns that line, or null when the database answers.
 */
export async function databaseProblem(url = process.env.DATABASE_URL) {
  if (url === undefined) return null; // the embedded default (data/supplier-connect.db)
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (file === ":memory:") return null;
    const fs = await import("node:fs");
    const dir = path.dirname(path.resolve(file));
    return fs.existsSync(dir) ? null : `DATABASE_URL: the folder of the SQLite file does not exist (${dir}).`;
  }
  if (!/^postgres(ql)?:\/\//.test(url)) return "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL).";
  let where = "the server";
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL is not a valid postgresql:// address.";
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `DATABASE_URL: cannot use the PostgreSQL database at ${where} (${error.message}).`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  const problem = await databaseProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? process.env.HOSTNAME;
  process.env.NODE_ENV ??= "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  // Tells the app (src/server/request.ts) that the last X-Forwarded-For entry is the peer.
  globalThis[Symbol.for("supplier-connect.peer-address-appended")] = true;

  const { default: next } = await import("next");
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const app = next({ dev: false, dir: root, hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    appendPeerAddress(req);
    handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`Supplier Connect ready on http://${hostname ?? "localhost"}:${port}`));
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
