import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { serialisedSqliteAdapter } from "./sqlite-adapter";

const globalForDb = globalThis as unknown as { db?: PrismaClient };

function createClient() {
  const adapter = serialisedSqliteAdapter(env.DATABASE_URL, { timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client. Feature services are the only callers. */
export const db = globalForDb.db ?? createClient();
if (env.APP_ENV !== "production") globalForDb.db = db;

export type Db = PrismaClient;
/** A client or an interactive transaction: service helpers accept either. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
