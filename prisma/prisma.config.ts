// Prisma CLI configuration. The JS schema engine (engine: "js") works offline;
// see docs/decisions/0001-database-and-migrations.md.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const root = path.resolve(import.meta.dirname, "..");
process.env.DATABASE_URL ??= `file:${path.join(root, "data", "supplier-connect.db")}`;
// SQLite creates the file but not its folder (data/ is not in the repository).
const file = process.env.DATABASE_URL.replace(/^file:/, "");
if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma", "schema.prisma"),
  migrations: { path: path.join(root, "prisma", "migrations") },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
