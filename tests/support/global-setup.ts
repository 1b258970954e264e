import fs from "node:fs";
import path from "node:path";
import { migratePostgres } from "../../src/scripts/migrate";
import { createMigratedDatabase } from "./migrate";
import { createTemplate } from "./postgres";

export const TMP = path.resolve(import.meta.dirname, "../../data/test");

/** Builds the migrated template database once per run (per engine); files copy it. */
export default async function setup(project?: { name?: string }) {
  if (project?.name === "postgresql" || process.env.TEST_ENGINE === "postgresql") {
    return createTemplate((url) => migratePostgres(url, () => {}));
  }
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  createMigratedDatabase(path.join(TMP, "template.db"));
}
