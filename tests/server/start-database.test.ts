import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseProblem } from "../../src/scripts/start.mjs";

describe("start-up with an unusable DATABASE_URL", () => {
  it("names the setting in one line for a wrong scheme, a bad address and an unreachable server", async () => {
    expect(await databaseProblem("mysql://x@localhost/db")).toBe("DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL).");
    const unreachable = await databaseProblem("postgresql://nobody:secret@127.0.0.1:1/nothing");
    expect(unreachable).toMatch(/^DATABASE_URL: cannot use the PostgreSQL database at 127\.0\.0\.1:1\/nothing \(.*ECONNREFUSED.*\)\.$/);
    expect(unreachable).not.toContain("secret");
    expect(unreachable).not.toContain("\n");
    expect(await databaseProblem("file:/no/such/folder/app.db")).toBe("DATABASE_URL: the folder of the SQLite file does not exist (/no/such/folder).");
  });

  it("lets a usable database through", async () => {
    expect(await databaseProblem(process.env.DATABASE_URL)).toBeNull();
  });

  it("npm start (src/scripts/start.mjs) stops at once with that one line on stderr and no stack trace", () => {
    const script = path.resolve(import.meta.dirname, "../../src/scripts/start.mjs");
    for (const [url, line] of [
      ["postgresql://nobody:secret@127.0.0.1:1/nothing", /^DATABASE_URL: cannot use the PostgreSQL database at 127\.0\.0\.1:1\/nothing \(.*\)\.$/],
      ["mysql://x@localhost/db", /^DATABASE_URL must start with file:/],
      ["file:/no/such/folder/app.db", /^DATABASE_URL: the folder of the SQLite file does not exist/],
    ] as const) {
      const run = spawnSync(process.execPath, [script, "-p", "1"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", timeout: 15_000 });
      expect(run.status, url).toBe(1);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trimEnd().split("\n");
      expect(lines, url).toHaveLength(1);
      expect(lines[0]).toMatch(line);
      expect(run.stderr).not.toContain("secret");
    }
  });
});
