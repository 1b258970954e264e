import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, vi } from "vitest";
import { createTestDatabase, templateName } from "./postgres";

// A fresh copy of the migrated template for this test file, before any app
// module reads the environment.
// On PostgreSQL (the suite's second project) a new database from the migrated template.
const dir = path.resolve(import.meta.dirname, "../../data/test");
const file = path.join(dir, `${crypto.randomUUID()}.db`);
const postgresDb = `${templateName()}_${crypto.randomUUID().replaceAll("-", "")}`;
if (process.env.TEST_ENGINE === "postgresql") {
  fs.mkdirSync(dir, { recursive: true });
  process.env.DATABASE_URL = await createTestDatabase(postgresDb);
} else {
  fs.copyFileSync(path.join(dir, "template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.DATA_DIR = path.join(dir, "data-" + path.basename(file, ".db"));
process.env.APP_ENV = "test";
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.PUBLIC_URL = "http://portal.test";

// Tests fail on unexpected console.error.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length) throw new Error(`console.error was called: ${JSON.stringify(errors[0]).slice(0, 500)}`);
});
afterAll(async () => {
  if (process.env.TEST_ENGINE === "postgresql") {
    // The run's teardown drops this database with the template (tests/support/postgres.ts).
    // Close the pool; do not wait on a connection a test left busy (idle ones close after 10 s anyway).
    const { db } = await import("@/server/db");
    await Promise.race([db.$disconnect(), new Promise((resolve) => setTimeout(resolve, 3000))]);
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
