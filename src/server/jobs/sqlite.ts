import { db } from "../db";
import { log } from "../log";
import { recordRun, slotOf, type Duty } from "./run";

/**
 * The SQLite scheduler: every process sharing the file looks for due duties
 * every few seconds. A duty is due when its lease row (JobLease) was last
 * claimed for an earlier period and no run holds it; a process runs it only
 * if its one conditional UPDATE claims the row (SQLite runs one write at a
 * time, so exactly one of the racing processes sees a changed row). The lease
 * lapses after `leaseSeconds`, so a process that died mid-run does not block
 * the duty forever; a run that outlives its lease may overlap the next one.
 */
export async function start(duties: Duty[], options: { instance: string; tickSeconds: number }): Promise<{ stop: () => Promise<void> }> {
  for (const duty of duties) {
    await db.$executeRaw`INSERT INTO "JobLease" ("duty", "slot", "holder") VALUES (${duty.name}, -1, '') ON CONFLICT DO NOTHING`;
  }
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();

  async function runIfDue(duty: Duty) {
    if (busy.has(duty.name)) return;
    const now = Date.now();
    const slot = slotOf(now, duty.everySeconds);
    const leaseMs = Math.max(60, duty.everySeconds) * 1000 * 10;
    const claimed = await db.jobLease.updateMany({
      where: { duty: duty.name, slot: { lt: slot }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: new Date(now) } }] },
      data: { slot, holder: options.instance, leaseUntil: new Date(now + leaseMs) },
    });
    if (claimed.count !== 1) return;
    busy.add(duty.name);
    try {
      await recordRun(duty, slot, options.instance);
    } finally {
      busy.delete(duty.name);
      await db.jobLease.updateMany({ where: { duty: duty.name, holder: options.instance, slot }, data: { leaseUntil: null } });
    }
  }

  const tick = () => {
    for (const duty of duties) {
      const run = runIfDue(duty).catch((error) => log.error({ duty: duty.name, err: error }, "job scheduling failed"));
      running.add(run);
      void run.finally(() => running.delete(run));
    }
  };
  const timer = setInterval(tick, options.tickSeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(running);
    },
  };
}
