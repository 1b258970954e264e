// Prisma CLI configuration for PostgreSQL (`prisma migrate status`, `generate`).
// The schema and migrations next to this file are generated from the SQLite
// ones by src/scripts/postgresql-schema.ts; migrations are applied by
// `npm run db:migrate` (src/scripts/migrate.ts). The CLI needs
// @prisma/adapter-pg 7 (6.19 cannot read 'name' columns): the npm alias
// adapter-pg-cli, used here only. See docs/decisions/0017.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "adapter-pg-cli";

const dir = import.meta.dirname;
process.env.DATABASE_URL ??= "postgresql://localhost/supplier_connect";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
