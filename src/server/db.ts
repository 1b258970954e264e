import Database from "better-sqlite3";
import { type Prisma, PrismaClient } from "@/generated/prisma/client";
import { createPostgresClient, type ReadStatement } from "./db-postgresql";
import { env } from "./env";
import { serialisedSqliteAdapter } from "./sqlite-adapter";
import { sqliteReads } from "./sqlite-reads";

const globalForDb = globalThis as unknown as { db?: { client: PrismaClient; read: ReadStatement } };

/** The engine DATABASE_URL names: `file:` = SQLite, `postgres://` / `postgresql://` = PostgreSQL. */
export const engine: "sqlite" | "postgresql" = /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? "postgresql" : "sqlite";

/**
 * Write-ahead logging: readers never block the writer, so the app, scripts and
 * tests can share one file. The mode is stored in the file; setting it again is
 * a no-op.
 */
function enableWriteAheadLog(file: string) {
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

function createClient(): { client: PrismaClient; read: ReadStatement } {
  if (engine === "postgresql") return createPostgresClient(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  const adapter = serialisedSqliteAdapter(env.DATABASE_URL, { timeout: 10_000 });
  const client = new PrismaClient({ adapter });
  const throughPrisma: ReadStatement = <T>(statement: Prisma.Sql) => client.$queryRaw<T[]>(statement);
  // The file, as the adapter reads DATABASE_URL; an in-memory database has no file to share or log ahead.
  const file = env.DATABASE_URL.replace(/^file:/, "");
  if (!file || file.startsWith(":memory:") || file.includes("mode=memory")) return { client, read: throughPrisma };
  enableWriteAheadLog(file);
  return { client, read: sqliteReads(file) };
}

const created = globalForDb.db ?? createClient();
if (env.APP_ENV !== "production") globalForDb.db = created;

/**
 * The one Prisma client. Feature services are the only callers. On PostgreSQL it
 * is the PostgreSQL client behind the same type (src/server/db-postgresql.ts).
 */
export const db = created.client;

/**
 * Read-only raw statements on a hot path (src/server/sql/ only): on
 * PostgreSQL straight through the driver's pool, on SQLite on a read-only
 * connection of their own (./sqlite-reads.ts; through Prisma for an in-memory
 * database); never inside a transaction. `read.statement` is replaceable so a benchmark
 * can time every statement.
 */
export const read: { statement: ReadStatement } = { statement: created.read };

export type Db = PrismaClient;
/** A client or an interactive transaction: service helpers accept either. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
