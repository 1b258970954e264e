/**
 * The counters that must hold across processes, each ONE statement so no two
 * requests (in one process or in several) can read the same value and both
 * act on it: rate-limit windows and the sign-in failure count. Written in SQL
 * that SQLite (3.35+) and PostgreSQL both run: `INSERT ... ON CONFLICT DO
 * UPDATE ... RETURNING` and a conditional `UPDATE ... RETURNING`.
 */
import { Prisma } from "@/generated/prisma/client";
import { engine, type Tx } from "@/server/db";

export interface CounterRow {
  count: number;
  windowStart: Date;
  expiresAt: Date;
}

/**
 * Counts one hit on `key`: a missing row or a row whose window has ended
 * starts a new window at `now` with count 1; otherwise the count goes up by 1.
 * Returns the row as it is after the hit.
 */
export async function countHit(db: Tx, key: string, now: Date, windowEnd: Date): Promise<CounterRow> {
  const rows = await db.$queryRaw<{ count: number | bigint; windowStart: Date | string; expiresAt: Date | string }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 1, ${now}, ${windowEnd})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."expiresAt" IS NULL OR "RateLimit"."expiresAt" <= ${now}
                THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."expiresAt" IS NULL OR "RateLimit"."expiresAt" <= ${now}
                THEN excluded."windowStart" ELSE "RateLimit"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimit"."expiresAt" IS NULL OR "RateLimit"."expiresAt" <= ${now}
                THEN excluded."expiresAt" ELSE "RateLimit"."expiresAt" END
    RETURNING "count", "windowStart", "expiresAt"`;
  const row = rows[0];
  return { count: Number(row.count), windowStart: new Date(row.windowStart), expiresAt: new Date(row.expiresAt) };
}

/** Deletes at most `max` rows whose window ended before `now`; returns how many. */
export async function deleteExpiredCounters(db: Tx, now: Date, max: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "RateLimit" WHERE "key" IN (
      SELECT "key" FROM "RateLimit" WHERE "expiresAt" <= ${now} LIMIT ${max}
    )`;
}

export interface ClaimedSignIn {
  id: string;
  passwordHash: string;
  status: string;
  kind: string;
  /** Set when the user has a second factor: a right password only leads to the second step. */
  secondFactorSince: Date | string | number | null;
  failedSignIns: number;
  /** Set when this attempt reached the limit (the lock starts now). */
  lockedUntil: Date | null;
}

/**
 * Claims one sign-in attempt for `email` BEFORE its password is checked:
 * counts it as a failure (a successful check resets the count afterwards), and
 * the attempt that reaches `maxFailures` locks the account until `lockUntil`.
 * A locked account is not updated and returns nothing, so it is refused
 * without a password check. An expired lock starts a new count at 1.
 * Returns nothing for an unknown email too.
 */
export async function claimSignInAttempt(db: Tx, email: string, now: Date, maxFailures: number, lockUntil: Date): Promise<ClaimedSignIn | null> {
  const rows = await claimAttempt<ClaimedSignIn>(
    db,
    Prisma.sql`"email" = ${email}`,
    Prisma.sql`"id", "passwordHash", "status", "kind", "secondFactorSince",`,
    now,
    maxFailures,
    lockUntil,
  );
  return rows[0] ?? null;
}

/**
 * Claims one second-factor attempt (a code at sign-in or at a step-up) for a
 * user BEFORE it is checked, on the same counter and lock as passwords: the
 * attempt that reaches `maxFailures` locks the account until `lockUntil`. A
 * locked account is not updated and returns null, so its code is not checked.
 * A successful check resets the count afterwards.
 */
export async function claimUserAttempt(
  db: Tx,
  userId: string,
  now: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ failedSignIns: number; lockedUntil: Date | null } | null> {
  const rows = await claimAttempt<{ failedSignIns: number; lockedUntil: Date | null }>(
    db,
    Prisma.sql`"id" = ${userId}`,
    Prisma.empty,
    now,
    maxFailures,
    lockUntil,
  );
  return rows[0] ?? null;
}

/**
 * The one statement behind both claims: counts a failure on the user `where`
 * selects unless it is locked, locking it at `maxFailures`; returns `columns`
 * plus the count and the lock. A bound date inside CASE has no column to take
 * its type from on PostgreSQL, so it is cast there.
 */
async function claimAttempt<T extends { failedSignIns: number; lockedUntil: Date | null }>(
  db: Tx,
  where: Prisma.Sql,
  columns: Prisma.Sql,
  now: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<T[]> {
  const lock = engine === "postgresql" ? Prisma.sql`${lockUntil}::timestamp(3)` : Prisma.sql`${lockUntil}`;
  const rows = await db.$queryRaw<(Omit<T, "failedSignIns" | "lockedUntil"> & { failedSignIns: number | bigint; lockedUntil: Date | string | null })[]>`
    UPDATE "User" SET
      "failedSignIns" = CASE WHEN "lockedUntil" IS NULL THEN "failedSignIns" + 1 ELSE 1 END,
      "lockedUntil" = CASE WHEN (CASE WHEN "lockedUntil" IS NULL THEN "failedSignIns" + 1 ELSE 1 END) >= ${maxFailures}
                      THEN ${lock} ELSE NULL END
    WHERE ${where} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
    RETURNING ${columns} "failedSignIns", "lockedUntil"`;
  return rows.map(
    (row) => ({ ...row, failedSignIns: Number(row.failedSignIns), lockedUntil: row.lockedUntil === null ? null : new Date(row.lockedUntil) }) as T,
  );
}
