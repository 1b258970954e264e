import PgBoss from "pg-boss";
import { retryingConflicts } from "../db-postgresql";
import { env } from "../env";
import { log } from "../log";
import { recordRun, slotOf, type Duty } from "./run";

/**
 * The PostgreSQL scheduler, on pg-boss (its own tables in the `pgboss` schema,
 * created by pg-boss at start under its advisory lock). Each duty is a queue
 * with the `singleton` policy: at most one job of it is active at a time, in
 * all instances. Every instance sends each duty's job every few seconds
 * throttled to the duty's period (`sendThrottled`: a unique index on the
 * period's start, computed from the database clock, keeps one job per period
 * however many instances send), and workers fetch jobs with
 * `FOR UPDATE SKIP LOCKED`, so exactly one instance runs each job. A failed run
 * is not retried: the next period's job runs the duty again. A job still active
 * after `expireInSeconds` (its instance died) is failed by pg-boss's supervisor.
 */
/** pg-boss refuses a queue whose jobs expire after 24 hours or more (a daily duty's ten periods would be 10 days). */
const MAX_EXPIRY_SECONDS = 23 * 60 * 60;

export async function start(duties: Duty[], options: { instance: string; tickSeconds: number }): Promise<{ stop: () => Promise<void> }> {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: "pgboss",
    max: 2,
    application_name: `supplier-connect-jobs ${options.instance}`,
    schedule: false,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();

  for (const duty of duties) {
    // Instances starting at the same moment create the same queues at once, and pg-boss's queue
    // creation (a row and a table partition) can deadlock between them: PostgreSQL aborts one, which
    // tries again (seen in CI: "deadlock detected" at start).
    await retryingConflicts(() =>
      boss.createQueue(duty.name, {
        name: duty.name,
        policy: "singleton",
        retryLimit: 0,
        expireInSeconds: Math.min(MAX_EXPIRY_SECONDS, Math.max(60, duty.everySeconds) * 10),
      }),
    );
    await boss.work<object>(
      duty.name,
      { pollingIntervalSeconds: Math.max(0.5, Math.min(2, options.tickSeconds)), batchSize: 1, includeMetadata: true },
      async ([job]) => {
        // singleton_on is a timestamp without time zone in UTC, which pg reads as local time.
        const on = job.singletonOn ? new Date(job.singletonOn) : null;
        const slot = slotOf(on ? on.getTime() - on.getTimezoneOffset() * 60_000 : Date.now(), duty.everySeconds);
        await recordRun(duty, slot, options.instance);
      },
    );
  }

  const send = async () => {
    for (const duty of duties) {
      try {
        await boss.sendThrottled(duty.name, {}, {}, duty.everySeconds, duty.name);
      } catch (error) {
        log.error({ duty: duty.name, err: error }, "job scheduling failed");
      }
    }
  };
  const timer = setInterval(() => void send(), options.tickSeconds * 1000);
  timer.unref();
  await send();
  return {
    async stop() {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
