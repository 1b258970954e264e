import { env } from "@/server/env";
import { startJobs } from "@/server/jobs";
import { log } from "@/server/log";
import { duties } from "./duties";

/**
 * Starts the background duties with the server (src/instrumentation.ts), not
 * while `next build` runs and not with JOBS=off. Each runs in exactly one of
 * the processes sharing the database (src/server/jobs); they run until the
 * process ends (a run cut short leaves its lease or pg-boss job to lapse).
 */
export async function startBackgroundDuties(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build" || env.JOBS === "off") return;
  try {
    await startJobs(duties);
  } catch (error) {
    // The app serves requests without its duties; the log says why.
    log.error({ err: error }, "background duties did not start");
  }
}
