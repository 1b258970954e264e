import { describe, expect, it } from "vitest";
import { startSecondProcess } from "./support/second-process";

const { hitLimit, pruneExpiredLimits, RATE_LIMITS } = await import("@/server/rate-limit");
const { db } = await import("@/server/db");

const past = (ms: number) => new Date(Date.now() - ms);
const future = (ms: number) => new Date(Date.now() + ms);

describe("rate limits", { timeout: 60_000 }, () => {
  // First in this file: the process's first write is the one that prunes.
  it("removes counters whose window has ended on a write (at most once a minute per process) and keeps live ones", async () => {
    await db.rateLimit.createMany({
      data: [
        ...Array.from({ length: 20 }, (_, i) => ({ key: `respondIp:203.0.113.${i}`, count: 3, windowStart: past(3_600_000), expiresAt: past(60_000) })),
        { key: "respondIp:198.51.100.1", count: 3, windowStart: past(60_000), expiresAt: future(60_000) },
        { key: "captcha:used-nonce", count: 1, windowStart: new Date() },
      ],
    });
    await hitLimit("respondIp", "192.0.2.1");
    expect((await db.rateLimit.findMany({ orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      "captcha:used-nonce",
      "respondIp:192.0.2.1",
      "respondIp:198.51.100.1",
    ]);

    // Within the minute, another write does not prune again.
    await db.rateLimit.create({ data: { key: "respondIp:203.0.113.99", count: 1, windowStart: past(3_600_000), expiresAt: past(1) } });
    await hitLimit("respondIp", "192.0.2.1");
    expect(await db.rateLimit.count({ where: { key: "respondIp:203.0.113.99" } })).toBe(1);
  });

  it("prunes in bounded batches", async () => {
    await db.rateLimit.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ key: `inviteIp:old-${i}`, count: 1, windowStart: past(3_600_000), expiresAt: past(1000) })),
    });
    const expired = await db.rateLimit.count({ where: { expiresAt: { lte: new Date() } } });
    expect(await pruneExpiredLimits(new Date(), 10)).toBe(10);
    expect(await db.rateLimit.count({ where: { expiresAt: { lte: new Date() } } })).toBe(expired - 10);
    expect(await pruneExpiredLimits(new Date(), 1000)).toBe(expired - 10);
    expect(await db.rateLimit.count({ where: { expiresAt: { lte: new Date() } } })).toBe(0);
  });

  it("allows exactly `limit` of 50 parallel hits on one key from two processes", async () => {
    const { limit } = RATE_LIMITS.respondIp;
    expect(limit).toBeLessThan(50);
    const other = await startSecondProcess(["hit", "25", "respondIp", "192.0.2.50"]);
    const [theirs, ours] = await Promise.all([other.go(), Promise.all(Array.from({ length: 25 }, () => hitLimit("respondIp", "192.0.2.50")))]);
    const allowed = theirs.answers.filter((a) => a === "allowed").length + ours.filter((r) => r.allowed).length;
    expect(allowed).toBe(limit);
    expect(await db.rateLimit.findUniqueOrThrow({ where: { key: "respondIp:192.0.2.50" } })).toMatchObject({ count: 50 });
  });

  it("starts a new window once the old one has ended, and counts each policy on its own", async () => {
    const { limit, windowSeconds } = RATE_LIMITS.resetEmail;
    for (let i = 0; i < limit; i++) expect((await hitLimit("resetEmail", "a@window.test")).allowed).toBe(true);
    const refused = await hitLimit("resetEmail", "a@window.test");
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(windowSeconds - 5);
    expect((await hitLimit("resetIp", "a@window.test")).allowed).toBe(true);

    await db.rateLimit.update({ where: { key: "resetEmail:a@window.test" }, data: { expiresAt: past(1) } });
    expect(await hitLimit("resetEmail", "a@window.test")).toMatchObject({ allowed: true, remaining: limit - 1 });
  });
});
