import { Worker } from "node:worker_threads";

/**
 * Counts the password checks (bcrypt comparisons) this process asks for from
 * now on: they run in src/server/passwords.ts's worker threads, so the count
 * is of "compare" messages posted to them. The comparison itself still runs.
 */
export function countPasswordChecks() {
  const post = Worker.prototype.postMessage;
  let checks = 0;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    if ((message as { op?: string } | null)?.op === "compare") checks++;
    return (post as (...a: unknown[]) => void).call(this, message, ...rest);
  } as typeof post;
  return {
    get checks() {
      return checks;
    },
    stop: () => {
      Worker.prototype.postMessage = post;
    },
  };
}
