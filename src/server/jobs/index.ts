import { engine } from "../db";
import { defaultInstance, type Duty } from "./run";

export type { Duty } from "./run";
export { pruneRuns, recordRun, RUN_HISTORY_DAYS } from "./run";

/**
 * Background duties (docs/decisions/0022-background-jobs.md): work no request
 * triggers, such as retrying failed mail, expiring old requests and invitations
 * and merging the search index. Each duty runs once per period, by exactly one
 * process of all those sharing the database, never two runs of it at a time:
 * on PostgreSQL through pg-boss (./postgresql.ts), on SQLite through a lease
 * row claimed with one conditional update (./sqlite.ts). Every run is recorded
 * in JobRun and logged.
 *
 * The duties themselves are listed in src/features/background-duties/duties.ts;
 * src/instrumentation.ts starts them with the server (JOBS=off disables them).
 */
export interface JobsOptions {
  /** How this process names itself in JobRun (default host:pid) */
  instance?: string;
  /** How often this process looks for due duties (default: 5 s, or the shortest period if shorter) */
  tickSeconds?: number;
}

export interface Jobs {
  /** Stops looking for due duties and waits for the runs under way */
  stop: () => Promise<void>;
}

/** Starts running `duties` on the engine DATABASE_URL names. */
export async function startJobs(duties: Duty[], options: JobsOptions = {}): Promise<Jobs> {
  const names = new Set(duties.map((d) => d.name));
  if (names.size !== duties.length) throw new Error("Two duties share a name");
  const resolved = {
    instance: options.instance ?? defaultInstance(),
    tickSeconds: options.tickSeconds ?? Math.min(5, ...duties.map((d) => d.everySeconds)),
  };
  const scheduler = engine === "postgresql" ? await import("./postgresql") : await import("./sqlite");
  return scheduler.start(duties, resolved);
}
