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
  // A condition on NEXT_RUNTIME (not the early return above) lets the edge build drop this import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundDuties } = await import("./features/background-duties/start");
    await startBackgroundDuties();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./server/request-log");
  logRequestError(error, request, context);
};
