import os from "node:os";
import { db } from "../db";
import { log } from "../log";

export interface Duty {
  /** Unique, stable: the queue name on PostgreSQL, the lease row on SQLite */
  name: string;
  /** Runs once per period of this many seconds (periods are aligned to the epoch) */
  everySeconds: number;
  /** What the run did, recorded with it (counts) */
  run: () => Promise<Record<string, unknown>>;
}

export const defaultInstance = () => `${os.hostname()}:${process.pid}`;

/** The period a moment falls in: floor(epoch seconds / period). */
export const slotOf = (ms: number, everySeconds: number) => Math.floor(ms / 1000 / everySeconds);

/** Runs one duty for one period, recording the run (RUNNING, then OK or FAILED) in JobRun and in the log. */
export async function recordRun(duty: Duty, slot: number, instance: string): Promise<void> {
  const started = Date.now();
  const row = await db.jobRun.create({ data: { duty: duty.name, slot, instance } });
  try {
    const result = await duty.run();
    await db.jobRun.update({ where: { id: row.id }, data: { status: "OK", finishedAt: new Date(), result: JSON.stringify(result) } });
    log.info({ duty: duty.name, slot, ms: Date.now() - started, ...result }, "job run");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.jobRun.update({ where: { id: row.id }, data: { status: "FAILED", finishedAt: new Date(), result: message.slice(0, 1000) } });
    log.error({ duty: duty.name, slot, err: error }, "job run failed");
  }
}

/** How long JobRun keeps its rows: enough to look back over a fortnight of runs. */
export const RUN_HISTORY_DAYS = 14;

/** Deletes the run records older than RUN_HISTORY_DAYS (the duties write about 3,000 a day). */
export async function pruneRuns(now = new Date()): Promise<{ deleted: number }> {
  const before = new Date(now.getTime() - RUN_HISTORY_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db.jobRun.deleteMany({ where: { startedAt: { lt: before } } });
  return { deleted: count };
}
