import type { Instrumentation } from "next";

/**
 * Server start-up and failures (Next calls these; Node runtime only). Start-up
 * also starts the background duties.
 * onRequestError receives every unexpected error of a page, route handler or
 * action with the digest the user's error page shows: it is logged once, as
 * JSON, with that reference id.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { routeConsoleToLog } = await import("./server/request-log");
  routeConsoleToLog();
  await startBackgroundDuties();
}

/**
 * The background duties start with the server (not while `next build` runs;
 * JOBS=off leaves them out). Each runs in exactly one of the instances sharing
 * the database (src/server/jobs).
 */
async function startBackgroundDuties() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./server/env");
  if (env.JOBS === "off") return;
  const [{ startJobs }, { duties }, { log }] = await Promise.all([
    import("./server/jobs"),
    import("./features/background-duties/duties"),
    import("./server/log"),
  ]);
  try {
    // Runs until the process ends: a run cut short leaves its lease (SQLite) or job (pg-boss) to lapse.
    await startJobs(duties);
  } catch (error) {
    // The app serves requests without its duties; the log says why.
    log.error({ err: error }, "background duties did not start");
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./server/request-log");
  logRequestError(error, request, context);
};
