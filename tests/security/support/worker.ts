/**
 * The second process of the cross-process tests: the app's real modules on
 * the database file named by DATABASE_URL. Prints "ready", waits for a line
 * on stdin, runs `count` calls at once and prints their answers, and how many
 * password checks (bcrypt comparisons) this process made, as JSON.
 *
 *   worker.ts sign-in <count> <email> <password> <ip>
 *   worker.ts hit <count> <policy> <key>
 */
import readline from "node:readline";
import { countPasswordChecks } from "./password-checks";

const counter = countPasswordChecks();

const [mode, count, ...args] = process.argv.slice(2);
const { authenticate } = await import("@/features/accounts/service");
const { hitLimit } = await import("@/server/rate-limit");
const { db } = await import("@/server/db");
await db.user.count();

const input = readline.createInterface({ input: process.stdin });
process.stdout.write("ready\n");
await new Promise((resolve) => input.once("line", resolve));

const calls = Array.from({ length: Number(count) }, async () => {
  if (mode === "sign-in") {
    const result = await authenticate(args[0], args[1], args[2]);
    return result.ok ? "ok" : result.error;
  }
  if (mode === "hit") {
    const result = await hitLimit(args[0] as Parameters<typeof hitLimit>[0], args[1]);
    return result.allowed ? "allowed" : "refused";
  }
  throw new Error(`unknown mode ${mode}`);
});
const answers = await Promise.all(calls);
process.stdout.write(JSON.stringify({ answers, checks: counter.checks }) + "\n");
input.close();
await db.$disconnect();
