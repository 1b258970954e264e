import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { BCRYPT_ROUNDS, DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/server/passwords";

describe("password hashing", () => {
  it("produces bcrypt hashes at the product's cost that bcryptjs accepts, and checks them", async () => {
    const hash = await hashPassword("Correct-horse-9");
    expect(hash).toMatch(new RegExp(`^\\$2[aby]\\$${BCRYPT_ROUNDS}\\$`));
    expect(BCRYPT_ROUNDS).toBeGreaterThanOrEqual(10);
    expect(bcrypt.compareSync("Correct-horse-9", hash)).toBe(true);
    expect(await verifyPassword("Correct-horse-9", hash)).toBe(true);
    expect(await verifyPassword("correct-horse-9", hash)).toBe(false);
    // Hashes made before the pool (bcryptjs on the main thread) still match.
    expect(await verifyPassword("old-pass-1", bcrypt.hashSync("old-pass-1", 4))).toBe(true);
    expect(DUMMY_PASSWORD_HASH).toMatch(/^\$2b\$10\$/);
    expect(await verifyPassword("", DUMMY_PASSWORD_HASH)).toBe(false);
  });

  it("answers false for a malformed hash instead of hanging", async () => {
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
    // and the pool keeps working afterwards
    expect(await verifyPassword("a", await hashPassword("a"))).toBe(true);
  });

  describe("with five hashes running", () => {
    it("the main thread stays mostly idle while they run", async () => {
      await hashPassword("warm-up-1"); // start the threads outside the measurement
      const before = performance.eventLoopUtilization();
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => hashPassword(`Sign-in-${i}-password`)));
      const busy = performance.eventLoopUtilization(before);
      expect(results.every((h) => h.startsWith("$2b$10$"))).toBe(true);
      // Five cost-10 hashes are ~350 ms of CPU; with bcryptjs's own async
      // hashing (on this thread, in slices) the utilisation is ~1.
      expect(busy.utilization).toBeLessThan(0.5);
    });
  });
});
