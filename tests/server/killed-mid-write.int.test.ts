import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * An instance killed in the middle of writing (SIGKILL: no shutdown, no flush
 * by the app) loses no write it had acknowledged, and leaves no transaction
 * half-written: on SQLite (one file, WAL) and on PostgreSQL. The writer is a
 * separate process (tests/server/writer-child.ts) on this test file's database.
 */
const { db, engine } = await import("@/server/db");
const root = path.resolve(import.meta.dirname, "../..");

/** Starts the writer, kills it once it has acknowledged `acknowledged` commits, and returns the tags it printed. */
function writeThenKill(prefix: string, acknowledged: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // tsx as a loader in this one process: its CLI would run the script in a child process that SIGKILL would not reach.
    const proc = spawn(process.execPath, ["--import", "tsx", "tests/server/writer-child.ts"], {
      cwd: root,
      env: { ...process.env, WRITE_PREFIX: prefix, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let killed = false;
    proc.stdout.on("data", (d) => {
      out += d;
      if (!killed && out.split("\n").filter(Boolean).length >= acknowledged) {
        killed = true;
        proc.kill("SIGKILL");
      }
    });
    proc.stderr.on("data", (d) => (err += d));
    proc.on("error", reject);
    proc.on("exit", (code, signal) =>
      signal === "SIGKILL"
        ? resolve(out.split("\n").filter((line) => line.startsWith(`${prefix}-`)))
        : reject(new Error(`the writer exited ${code} before it was killed: ${err.slice(0, 2000)}`)),
    );
  });
}

describe(`an instance killed mid-write on ${engine}`, () => {
  it("keeps every acknowledged write and no half of a transaction", { timeout: 120_000 }, async () => {
    const prefix = `killed-${crypto.randomBytes(4).toString("hex")}`;
    const acknowledged = await writeThenKill(prefix, 40);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const rows = await db.auditEvent.findMany({ where: { action: { startsWith: `${prefix}-` } }, select: { action: true, entityId: true } });
    const byTag = new Map<string, string[]>();
    for (const row of rows) byTag.set(row.action, [...(byTag.get(row.action) ?? []), row.entityId].sort());

    // Every acknowledged commit is there, whole.
    for (const tag of acknowledged) expect(byTag.get(tag), tag).toEqual(["first", "second"]);
    // Whatever was under way when the process died is there whole or not at all.
    for (const [tag, ids] of byTag) expect(ids, tag).toEqual(["first", "second"]);
  });
});
