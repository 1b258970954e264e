/**
 * `npm run db:migrate`: applies the migrations of the engine DATABASE_URL names.
 * - SQLite (`file:`): `prisma migrate deploy` with prisma/migrations.
 * - PostgreSQL (`postgres://`, `postgresql://`): prisma/postgresql/migrations,
 *   each file sent whole (plpgsql bodies survive) in its own transaction,
 *   recorded in Prisma's `_prisma_migrations` (so `prisma migrate status`
 *   tells the truth), under an advisory lock: when several instances start at
 *   once, one applies and the others wait, then find nothing left to do.
 * See docs/decisions/0017-postgresql-second-engine.md.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
/** The lock `prisma migrate deploy` takes on PostgreSQL too, so the two never run at once. */
const MIGRATION_LOCK = 72707369;

export async function migratePostgres(url: string, log: (line: string) => void = console.log): Promise<string[]> {
  const dir = path.join(root, "prisma", "postgresql", "migrations");
  const folders = fs
    .readdirSync(dir)
    .filter((d) => /^\d{14}_/.test(d))
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const folder of folders) {
      const sql = fs.readFileSync(path.join(dir, folder, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      const row = done.get(folder);
      if (row?.finished_at) {
        if (row.checksum !== checksum) log(`warning: ${folder} was changed after it was applied`);
        continue;
      }
      if (row) throw new Error(`${folder} failed earlier; resolve it (prisma migrate resolve) before migrating`);
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), checksum, folder],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
      }
      applied.push(folder);
      log(`applied ${folder}`);
    }
  } finally {
    await client.end();
  }
  return applied;
}

async function main() {
  const url = process.env.DATABASE_URL ?? `file:${path.join(root, "data", "supplier-connect.db")}`;
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const applied = await migratePostgres(url);
      console.log(applied.length ? `${applied.length} migration(s) applied.` : "No pending migrations.");
    } catch (error) {
      console.error(`db:migrate failed (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    return;
  }
  if (!url.startsWith("file:")) {
    console.error("DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL).");
    process.exit(1);
  }
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy", "--config", "prisma/prisma.config.ts"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
