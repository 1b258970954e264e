import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { log } from "./log";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma-postgresql/client";

/**
 * The PostgreSQL client, shaped as the SQLite one so feature services do not
 * know which engine runs (docs/decisions/0017). Two differences are made up here:
 *
 * - Text filters: `contains`, `startsWith` and `endsWith` ignore case on SQLite
 *   (for ASCII) and not on PostgreSQL: every such filter gets `mode: "insensitive"`.
 * - Transactions: SQLite runs one transaction at a time (BEGIN IMMEDIATE and the
 *   single-connection gate, decision 0005), and the rules that read, check and
 *   write (last admin, search ration, invitation acceptance, the 3-requests rule)
 *   rely on that. Here every transaction runs SERIALIZABLE, which gives the same
 *   guarantee, and is run again when PostgreSQL aborts it for a conflict with
 *   a concurrent one (serialization failure or deadlock).
 */
export function createPostgresClient(connectionString: string, poolSize: number): { client: PrismaClient; read: ReadStatement } {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 });
  // A pooled connection the server drops while idle is discarded by the pool; the next query opens another.
  pool.on("error", (error) => log.warn({ err: error }, "an idle database connection was closed"));
  // The client's $disconnect ends the pool, as it ends a pool of its own.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Waiting for a pooled connection is normal under load (SQLite queued on its gate): wait up to 10 s.
  const client = new PostgresClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } }).$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          insensitiveFilters(args);
          return query(args);
        },
      },
    },
  });
  const read: ReadStatement = async <T>(statement: Prisma.Sql) => (await pool.query(statement.text, statement.values)).rows as T[];
  return { client: serializableTransactions(client) as unknown as PrismaClient, read };
}

/**
 * A read-only statement sent straight through the pool Prisma's adapter uses,
 * outside any transaction: for hot look-ups (the directory search) where
 * Prisma's own handling of a raw query costs more than the query (about 1 ms
 * of CPU per statement against 0.3 ms; docs/benchmarks.md). Rows come as the
 * driver gives them: `bigint` columns as strings.
 */
export type ReadStatement = <T>(statement: Prisma.Sql) => Promise<T[]>;

const TEXT_FILTERS = ["contains", "startsWith", "endsWith"];

/** Adds `mode: "insensitive"` to every text filter in a query's arguments (not in the data it writes). */
export function insensitiveFilters(value: unknown, key = ""): void {
  if (!value || typeof value !== "object" || key === "data" || value instanceof Date) return;
  if (Array.isArray(value)) {
    for (const item of value) insensitiveFilters(item);
    return;
  }
  const record = value as Record<string, unknown>;
  if (TEXT_FILTERS.some((f) => typeof record[f] === "string") && !("mode" in record)) record.mode = "insensitive";
  for (const [k, v] of Object.entries(record)) insensitiveFilters(v, k);
}

export const TRANSACTION_ATTEMPTS = 12;

/** A conflict PostgreSQL resolves by aborting one transaction: running it again is safe. */
export function isRetryableConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { code?: string } } | null;
  if (!e) return false;
  if (e.code === "P2034" || e.code === "40001" || e.code === "40P01" || e.meta?.code === "40001" || e.meta?.code === "40P01") return true;
  return /could not serialize access|deadlock detected|TransactionWriteConflict/i.test(e.message ?? "");
}

/**
 * Runs `work` again when PostgreSQL aborts it for a conflict with a concurrent
 * one (`isRetryableConflict`), up to `attempts` times, backing off a little with
 * jitter so the conflicting work does not meet again.
 */
export async function retryingConflicts<T>(work: () => Promise<T>, attempts = TRANSACTION_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

type Runner = (arg: unknown, options?: Record<string, unknown>) => Promise<unknown>;

function serializableTransactions<T extends object>(client: T): T {
  const run = (client as unknown as { $transaction: Runner }).$transaction.bind(client);
  const transaction: Runner = (arg, options) => retryingConflicts(() => run(arg, { isolationLevel: "Serializable", ...options }));
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "$transaction") return transaction;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
