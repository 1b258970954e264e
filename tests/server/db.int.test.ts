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
});
