import Database from "better-sqlite3";
import type { Prisma } from "@/generated/prisma/client";
import type { ReadStatement } from "./db-postgresql";

/** Statements kept prepared, at most (the search sends a few dozen distinct texts). */
const PREPARED_MAX = 200;

/**
 * Hot read-only look-ups (the directory search) on SQLite, on a second,
 * read-only connection to the same file instead of through Prisma: Prisma's
 * handling of a raw query costs about 1 ms of CPU per statement, more than
 * most of these statements (docs/benchmarks.md), and its one connection makes
 * every statement wait behind an open transaction (the gate in
 * ./sqlite-adapter.ts). The file is in write-ahead-log mode, so this
 * connection reads the last committed state without blocking or waiting for
 * the writer. Statements are prepared once per text.
 */
export function sqliteReads(file: string): ReadStatement {
  let connection: Database.Database | null = null;
  const prepared = new Map<string, Database.Statement>();
  return async <T>(statement: Prisma.Sql) => {
    connection ??= new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
    let prepare = prepared.get(statement.sql);
    if (!prepare) {
      if (prepared.size >= PREPARED_MAX) prepared.clear();
      prepare = connection.prepare(statement.sql);
      prepared.set(statement.sql, prepare);
    }
    return prepare.all(...statement.values) as T[];
  };
}
