// One app process's scheduler, for tests/jobs/scheduler.int.test.ts: runs a probe duty every
// PROBE_PERIOD seconds for RUN_SECONDS against DATABASE_URL, then stops and prints how many
// periods it saw. Two of these run at once against one database.
import { startJobs } from "@/server/jobs";
import { db } from "@/server/db";

const period = Number(process.env.PROBE_PERIOD ?? 2);
const runFor = Number(process.env.RUN_SECONDS ?? 8) * 1000;
const instance = process.env.INSTANCE ?? `child-${process.pid}`;
// Both processes start their schedulers at the same moment (when loading did not take longer).
const startAt = Number(process.env.START_AT ?? 0);
if (startAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
const startedAt = Date.now();

const jobs = await startJobs(
  [
    {
      name: "probe",
      everySeconds: period,
      // Long enough that a second, concurrent run would overlap it.
      run: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { by: instance };
      },
    },
  ],
  { instance, tickSeconds: 0.5 },
);
await new Promise((resolve) => setTimeout(resolve, runFor));
await jobs.stop();
await db.$disconnect();
console.log(JSON.stringify({ instance, startedAt, stoppedAt: Date.now() }));
process.exit(0);
