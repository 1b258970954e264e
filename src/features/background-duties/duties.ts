import { expireStale } from "@/features/connection-requests/service";
import { expireStaleInvitations } from "@/features/customer-invitations/staff";
import { retryDueMail } from "@/features/mail-log/service";
import { pruneRuns, type Duty } from "@/server/jobs";
import { mergeIndexStep } from "@/server/sql/customer-search";

/**
 * Every background duty, in one list (docs/architecture.md: a new duty goes
 * here). src/server/jobs runs each once per period in exactly one process of
 * all those sharing the database, and records every run in JobRun.
 */
export const duties: Duty[] = [
  {
    // Failed mail again after 1, 5, 25, 125 minutes (src/server/mail: nextAttemptAfter), then it stays FAILED for staff.
    name: "mail-retry",
    everySeconds: 60,
    run: async () => ({ ...(await retryDueMail()) }),
  },
  {
    // Pending connection requests past their 30 days: EXPIRED, with history, audit, notifications and emails.
    name: "request-expiry",
    everySeconds: 15 * 60,
    run: async () => ({ expired: await expireStale() }),
  },
  {
    // Pending customer invitations past their 30 days: EXPIRED, with an audit row.
    name: "invitation-expiry",
    everySeconds: 15 * 60,
    run: async () => ({ expired: await expireStaleInvitations() }),
  },
  {
    // The search index merged a step at a time (SQLite FTS5) or its pending list moved (PostgreSQL GIN).
    name: "search-index",
    everySeconds: 60,
    run: async () => ({ ...(await mergeIndexStep()) }),
  },
  {
    // The run records themselves, kept for 14 days (src/server/jobs: RUN_HISTORY_DAYS).
    name: "run-history",
    everySeconds: 24 * 60 * 60,
    run: async () => ({ ...(await pruneRuns()) }),
  },
];
