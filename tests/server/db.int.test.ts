import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const { db } = await import("@/server/db");

describe("the database client", () => {
  it("keeps a write made outside a transaction when another request's transaction rolls back", async () => {
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.rateLimit.create({ data: { key: "tx-row", count: 1, windowStart: new Date() } });
        inside();
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    await opened;
    // Issued while the transaction is open: it must not become part of it.
    // (Prisma queries are lazy: .then starts it now.)
    const outside = db.rateLimit.create({ data: { key: "outside-row", count: 1, windowStart: new Date() } }).then((row) => row);
    expect(await failing).toBe("roll back");
    await outside;
    expect(await db.rateLimit.findUnique({ where: { key: "outside-row" } })).not.toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: "tx-row" } })).toBeNull();
  });

  it("holds the write lock from the start of a transaction, so another process cannot commit in between", async () => {
    const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { timeout: 0 });
    try {
      await db.$transaction(async (tx) => {
        // Before this transaction has read or written anything, the lock is already ours.
        expect(() => other.prepare("BEGIN IMMEDIATE").run()).toThrow(/locked|busy/i);
        await tx.rateLimit.findMany();
        await tx.rateLimit.create({ data: { key: "immediate", count: 1, windowStart: new Date() } });
      });
      expect(await db.rateLimit.findUnique({ where: { key: "immediate" } })).not.toBeNull();
      // Once it is over, the other connection writes normally.
      other.prepare("BEGIN IMMEDIATE").run();
      other.prepare("COMMIT").run();
    } finally {
      other.close();
    }
  });
});
