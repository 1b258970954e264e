import { actionName } from "./action-names";
import { log, newReference, scrub } from "./log";

/**
 * Failures of requests, logged once each with their reference id (Next's
 * digest, which the error page shows). Next reports a failure twice: to
 * instrumentation's onRequestError and on the console; whichever comes
 * first is written, the other is skipped.
 */
const recent = new Set<string>();
function firstTime(reference: string): boolean {
  if (recent.has(reference)) return false;
  recent.add(reference);
  if (recent.size > 500) recent.delete(recent.values().next().value as string);
  return true;
}

function digestOf(error: unknown): string | undefined {
  const d = typeof error === "object" && error !== null ? (error as { digest?: unknown }).digest : undefined;
  return typeof d === "string" && d ? d : undefined;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function logRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  const reference = digestOf(error) ?? newReference();
  if (!firstTime(reference)) return;
  const actionId = header(request.headers, "next-action");
  log.error(
    {
      reference,
      requestId: header(request.headers, "x-request-id"),
      method: request.method,
      path: scrub(request.path),
      route: context.routePath,
      routeType: context.routeType,
      action: actionId ? (actionName(actionId) ?? actionId) : undefined,
      err: error,
    },
    "request failed",
  );
}

let routed = false;

/** Next's own console output becomes JSON log lines (scrubbed like the rest). */
export function routeConsoleToLog() {
  if (routed) return;
  routed = true;
  const text = (args: unknown[]) =>
    args
      .filter((a) => !(a instanceof Error))
      .map((a) => (typeof a === "string" ? a : JSON.stringify(a)))
      .join(" ")
      .replace(/^\s*⨯\s*/, "")
      .trim();
  console.error = (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    const reference = digestOf(err);
    if (reference && !firstTime(reference)) return;
    log.error({ reference, err }, text(args) || (err instanceof Error ? err.message : "console.error"));
  };
  console.warn = (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    log.warn({ err }, text(args) || (err instanceof Error ? err.message : "console.warn"));
  };
}
