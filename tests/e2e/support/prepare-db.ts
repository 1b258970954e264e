// A fresh, migrated and seeded database for one browser-test run.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { migratePostgres } from "../../../src/scripts/migrate";
import { createMigratedDatabase } from "../../support/migrate";

const url = process.env.DATABASE_URL!;
if (url.startsWith("file:")) {
  const file = url.replace(/^file:/, "");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  createMigratedDatabase(file);
} else {
  // PostgreSQL: an empty schema, then every migration.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  await client.end();
  await migratePostgres(url, () => {});
}
execFileSync("npx", ["tsx", "prisma/seed.ts"], { stdio: "ignore", env: process.env });
