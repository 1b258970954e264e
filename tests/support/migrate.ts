import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Applies every migration file, in order, to a new SQLite file (about 15 ms). */
export function createMigratedDatabase(file: string): void {
  fs.rmSync(file, { force: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    for (const dir of fs
      .readdirSync(migrationsDir)
      .filter((d) => /^\d+_/.test(d))
      .sort()) {
      sqlite.exec(fs.readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8"));
    }
  } finally {
    sqlite.close();
  }
}
