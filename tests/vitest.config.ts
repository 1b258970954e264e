import path from "node:path";
import { defineConfig } from "vitest/config";
import { postgresReachable } from "./support/postgres";

const root = path.resolve(import.meta.dirname, "..");

/**
 * Integration tests that are about SQLite itself (its single-connection gate,
 * BEGIN IMMEDIATE, reading the file directly): not run on PostgreSQL.
 */
const SQLITE_ONLY = ["tests/server/db.int.test.ts", "tests/security/token-storage.int.test.ts", "tests/security/token-storage-no-smtp.int.test.ts"];

/** About PostgreSQL itself (a connection killed mid-transaction): not run on SQLite. */
const POSTGRES_ONLY = ["tests/server/postgres-faults.int.test.ts"];

// `TEST_ENGINE=sqlite|postgresql` runs one engine; without it, SQLite always
// and PostgreSQL too when TEST_POSTGRES_URL (tests/support/postgres.ts) answers.
const wanted = process.env.TEST_ENGINE;
const postgres = wanted === "postgresql" || (wanted !== "sqlite" && (await postgresReachable()));

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@locales": path.join(root, "locales"),
      "@": path.join(root, "src"),
    },
  },
  test: {
    setupFiles: ["tests/support/setup-file.ts"],
    // Each file gets its own copy of the migrated template database.
    pool: "forks",
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      ...(wanted === "postgresql"
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: "sqlite",
                include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
                exclude: ["tests/e2e/**", "node_modules/**", ...POSTGRES_ONLY],
                globalSetup: ["tests/support/global-setup.ts"],
                env: { TEST_ENGINE: "sqlite" },
              },
            },
          ]),
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: "postgresql",
                include: ["tests/**/*.int.test.ts"],
                exclude: ["tests/e2e/**", "node_modules/**", ...SQLITE_ONLY],
                globalSetup: ["tests/support/global-setup.ts"],
                env: { TEST_ENGINE: "postgresql" },
              },
            },
          ]
        : []),
    ],
  },
});
