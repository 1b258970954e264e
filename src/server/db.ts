import Database from "better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { createPostgresClient } from "./db-postgresql";
import { env } from "./env";
import { serialisedSqliteAdapter } from "./sqlite-adapter";

const globalForDb = globalThis as unknown as { db?: PrismaClient };

/** The engine DATABASE_URL names: `file:` = SQLite, `postgres://` / `postgresql://` = PostgreSQL. */
export const engine: "sqlite" | "postgresql" = /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? "postgresql" : "sqlite";

/**
 * Write-ahead logging: readers never block the writer, so the app, scripts and
 * tests can share one file. The mode is stored in the file; setting it again is
 * a no-op.
 */
function enableWriteAheadLog(url: string) {
  const file = url.replace(/^file:/, "");
  if (file === ":memory:") return;
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

function createClient(): PrismaClient {
  if (engine === "postgresql") return createPostgresClient(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  enableWriteAheadLog(env.DATABASE_URL);
  const adapter = serialisedSqliteAdapter(env.DATABASE_URL, { timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/**
 * The one Prisma client. Feature services are the only callers. On PostgreSQL it
 * is the PostgreSQL client behind the same type (src/server/db-postgresql.ts).
 */
export const db = globalForDb.db ?? createClient();
if (env.APP_ENV !== "production") globalForDb.db = db;

export type Db = PrismaClient;
/** A client or an interactive transaction: service helpers accept either. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
