import { actionName } from "./action-names";
import { log, newReference, scrub } from "./log";

/**
 * Failures of requests, logged once each with their reference id (Next's
 * digest, which the error page shows). Next reports a failure twice: to
 * instrumentation's onRequestError and on the console; one line is written
 * per failure, the hook's when it comes (it carries the route).
 */
// Next reports one failure on both channels, the console first: a console line with a
// digest waits briefly for onRequestError (which knows the route) and is dropped if it comes.
const CONSOLE_WAIT_MS = 200;
const pendingConsole = new Map<string, ReturnType<typeof setTimeout>>();
const loggedByHook = new Map<string, number>();

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
  const digest = digestOf(error);
  const reference = digest ?? newReference();
  if (digest) {
    clearTimeout(pendingConsole.get(digest));
    pendingConsole.delete(digest);
    loggedByHook.set(digest, Date.now());
    if (loggedByHook.size > 500) loggedByHook.delete(loggedByHook.keys().next().value as string);
  }
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
    const write = () => log.error({ reference, err }, text(args) || (err instanceof Error ? err.message : "console.error"));
    if (!reference) return write();
    const hooked = loggedByHook.get(reference);
    if (hooked !== undefined && Date.now() - hooked < 5_000) return; // onRequestError already wrote it
    clearTimeout(pendingConsole.get(reference));
    pendingConsole.set(
      reference,
      setTimeout(() => (pendingConsole.delete(reference), write()), CONSOLE_WAIT_MS),
    );
  };
  console.warn = (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    log.warn({ err }, text(args) || (err instanceof Error ? err.message : "console.warn"));
  };
}
