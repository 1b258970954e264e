/**
 * PostgreSQL only (excluded from the SQLite project in tests/vitest.config.ts):
 * a connection lost in the middle of a transaction leaves no half-written rows,
 * and the next request gets a working connection.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";

const { db } = await import("@/server/db");

describe("a lost database connection", () => {
  it("rolls back the whole transaction and the next query works", async () => {
    const marker = `lost-${Date.now()}`;
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    try {
      const attempt = db.$transaction(async (tx) => {
        await tx.auditEvent.create({ data: { actorType: "SYSTEM", action: marker, entityType: "Test", entityId: "1" } });
        const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await killer.query("SELECT pg_terminate_backend($1)", [pid]);
        await tx.auditEvent.create({ data: { actorType: "SYSTEM", action: marker, entityType: "Test", entityId: "2" } });
      });
      await expect(attempt).rejects.toThrow();
    } finally {
      await killer.end();
    }
    expect(await db.auditEvent.count({ where: { action: marker } })).toBe(0);
  });
});
