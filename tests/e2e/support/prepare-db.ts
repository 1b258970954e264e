// A fresh, migrated and seeded database for one browser-test run.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createMigratedDatabase } from "../../support/migrate";

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
createMigratedDatabase(file);
execFileSync("npx", ["tsx", "prisma/seed.ts"], { stdio: "ignore", env: process.env });
