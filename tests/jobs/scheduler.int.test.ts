import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Real concurrency: two processes (tsx, as two app instances would be) run the
 * scheduler against this test file's database (one SQLite file, or one
 * PostgreSQL database) at the same time, each trying to run a probe duty every
 * 2 seconds. Every period must have exactly one run, in one of them, and no
 * two runs may overlap.
 */
const { db, engine } = await import("@/server/db");

const root = path.resolve(import.meta.dirname, "../..");
const PERIOD = 2;
const RUN_SECONDS = 10;

function child(instance: string, startAt: number): Promise<{ startedAt: number; stoppedAt: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/jobs/scheduler-child.ts"], {
      cwd: root,
      env: {
        ...process.env,
        INSTANCE: instance,
        PROBE_PERIOD: String(PERIOD),
        RUN_SECONDS: String(RUN_SECONDS),
        START_AT: String(startAt),
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    proc.stdout.on("data", (d) => (out += d));
    proc.stderr.on("data", (d) => (err += d));
    proc.on("error", reject);
    proc.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}")) : reject(new Error(`${instance} exited ${code}: ${err.slice(0, 2000)}`)),
    );
  });
}

describe(`the scheduler in two processes on one ${engine} database`, () => {
  it("runs the duty exactly once per period, never two runs at a time", { timeout: 90_000 }, async () => {
    const startAt = Date.now() + 15_000;
    const [one, two] = await Promise.all([child("one", startAt), child("two", startAt)]);
    // The two schedulers really ran side by side, for several periods.
    expect(Math.min(one.stoppedAt, two.stoppedAt) - Math.max(one.startedAt, two.startedAt)).toBeGreaterThanOrEqual(3 * PERIOD * 1000);

    const runs = await db.jobRun.findMany({ where: { duty: "probe" }, orderBy: { startedAt: "asc" } });
    expect(runs.every((r) => r.status === "OK" && r.finishedAt !== null)).toBe(true);
    const perSlot = new Map<number, number>();
    for (const r of runs) perSlot.set(r.slot, (perSlot.get(r.slot) ?? 0) + 1);
    // Exactly once per period...
    expect([...perSlot.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    // ...in every period the processes were running (a few at either end may fall outside).
    const slots = [...perSlot.keys()].sort((a, b) => a - b);
    expect(slots.length).toBeGreaterThanOrEqual(Math.floor(RUN_SECONDS / PERIOD) - 1);
    expect(slots.at(-1)! - slots[0] + 1).toBe(slots.length);
    // Never two runs at a time.
    for (let i = 1; i < runs.length; i++) expect(runs[i].startedAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finishedAt!.getTime());
  });
});

describe(`the product's duties on ${engine}`, () => {
  it("all start: each one's queue settings are accepted (a daily duty included)", { timeout: 60_000 }, async () => {
    const { startJobs } = await import("@/server/jobs");
    const { duties } = await import("@/features/background-duties/duties");
    expect(duties.some((d) => d.everySeconds >= 24 * 60 * 60)).toBe(true);
    const jobs = await startJobs(duties, { instance: "duties-start-test", tickSeconds: 3600 });
    await jobs.stop();
  });
});
