import { describe, expect, it } from "vitest";
import { countPasswordChecks } from "./support/password-checks";
import { startSecondProcess } from "./support/second-process";

// Both processes read these (the second one inherits this environment).
process.env.SIGN_IN_MAX_FAILURES = "5";
process.env.SIGN_IN_LOCK_MINUTES = "15";
process.env.SIGN_IN_IP_LIMIT = "1000";
const MAX = 5;
const ATTEMPTS = 40;

const { authenticate } = await import("@/features/accounts/service");
const { db } = await import("@/server/db");
const { makeSupplier, PASSWORD } = await import("../support/factories");

const WRONG = "Wrong-pass-1";

/**
 * 40 wrong attempts at once, half from a second process on the same file and
 * half from this one: every answer, and the password checks (bcrypt
 * comparisons) both processes made.
 */
async function raceWrongPasswords(email: string) {
  const other = await startSecondProcess(["sign-in", String(ATTEMPTS / 2), email, WRONG, "10.7.0.2"]);
  const counter = countPasswordChecks();
  const [theirs, ours] = await Promise.all([
    other.go(),
    Promise.all(Array.from({ length: ATTEMPTS / 2 }, () => authenticate(email, WRONG, "10.7.0.1").then((r) => (r.ok ? "ok" : r.error)))),
  ]);
  const ourChecks = counter.checks;
  counter.stop();
  expect(theirs.answers).toHaveLength(ATTEMPTS / 2);
  const answers = [...theirs.answers, ...ours];
  return {
    passwordChecks: theirs.checks + ourChecks,
    invalid: answers.filter((a) => a === "invalid").length,
    tooMany: answers.filter((a) => a === "too_many").length,
    ok: answers.filter((a) => a === "ok").length,
  };
}

const LOCKED_OUT = { passwordChecks: MAX, invalid: MAX, tooMany: ATTEMPTS - MAX, ok: 0 };

describe("account lockout under concurrency (two processes, one database file)", { timeout: 90_000 }, () => {
  it("checks exactly SIGN_IN_MAX_FAILURES passwords of 40 parallel wrong attempts, then refuses the right password until the lock ends", async () => {
    const { userId, email } = await makeSupplier({ email: "target@lockout.test" });

    expect(await raceWrongPasswords(email)).toEqual(LOCKED_OUT);

    const locked = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(locked.failedSignIns).toBe(MAX);
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await db.auditEvent.count({ where: { action: "user.locked", entityId: userId } })).toBe(1);

    // The right password, during the lock, from either process: refused.
    expect(await authenticate(email, PASSWORD, "10.7.0.1")).toEqual({ ok: false, error: "too_many" });
    const other = await startSecondProcess(["sign-in", "3", email, PASSWORD, "10.7.0.2"]);
    expect(await other.go()).toEqual({ answers: ["too_many", "too_many", "too_many"], checks: 0 });
    expect(await db.auditEvent.count({ where: { action: "user.signed_in", entityId: userId } })).toBe(0);

    // Once the lock has ended, the right password signs in and the count starts over.
    await db.user.update({ where: { id: userId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await authenticate(email, PASSWORD, "10.7.0.1")).ok).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(after).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it("treats an unknown email the same: SIGN_IN_MAX_FAILURES checks answered 'invalid', then 'too_many' without a check", async () => {
    expect(await raceWrongPasswords("nobody@lockout.test")).toEqual(LOCKED_OUT);
    expect(await authenticate("nobody@lockout.test", PASSWORD, "10.7.0.1")).toEqual({ ok: false, error: "too_many" });
  });

  it("starts a new count after the lock ends: another SIGN_IN_MAX_FAILURES checks, then locked again", async () => {
    const { userId, email } = await makeSupplier({ email: "again@lockout.test" });
    expect(await raceWrongPasswords(email)).toEqual(LOCKED_OUT);
    await db.user.update({ where: { id: userId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await raceWrongPasswords(email)).toEqual(LOCKED_OUT);
    expect(await db.auditEvent.count({ where: { action: "user.locked", entityId: userId } })).toBe(2);
  });
});
