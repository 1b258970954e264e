import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((_req, res) => res.end("pong"));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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

    it("requests are answered while they run, before the first one finishes", async () => {
      let done = 0;
      const hashes = Array.from({ length: 5 }, (_, i) => hashPassword(`Sign-in-${i}-password`).then((h) => (done++, h)));
      // Real requests over a socket, one after another, for as long as the hashes run.
      const servedBeforeFirstHash: number[] = [];
      while (done < 5) {
        const res = await fetch(url);
        expect(await res.text()).toBe("pong");
        if (done === 0) servedBeforeFirstHash.push(1);
      }
      await Promise.all(hashes);
      expect(servedBeforeFirstHash.length).toBeGreaterThanOrEqual(3);
    });
  });
});
