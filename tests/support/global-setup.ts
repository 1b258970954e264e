import fs from "node:fs";
import path from "node:path";
import { createMigratedDatabase } from "./migrate";

export const TMP = path.resolve(import.meta.dirname, "../../data/test");

/** Builds the migrated template database once per run; files copy it. */
export default function setup() {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  createMigratedDatabase(path.join(TMP, "template.db"));
}
