/**
 * The PostgreSQL spelling of ./counters.ts where SQLite's differs: a bound
 * date inside CASE has no column to take its type from, so it is cast.
 */
import type { Tx } from "@/server/db";
import type { ClaimedSignIn } from "./counters";

export async function claimSignInAttempt(db: Tx, email: string, now: Date, maxFailures: number, lockUntil: Date): Promise<ClaimedSignIn | null> {
  const rows = await db.$queryRaw<
    { id: string; passwordHash: string; status: string; kind: string; failedSignIns: number | bigint; lockedUntil: Date | string | null }[]
  >`
    UPDATE "User" SET
      "failedSignIns" = CASE WHEN "lockedUntil" IS NULL THEN "failedSignIns" + 1 ELSE 1 END,
      "lockedUntil" = CASE WHEN (CASE WHEN "lockedUntil" IS NULL THEN "failedSignIns" + 1 ELSE 1 END) >= ${maxFailures}
                      THEN ${lockUntil}::timestamp(3) ELSE NULL END
    WHERE "email" = ${email} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
    RETURNING "id", "passwordHash", "status", "kind", "failedSignIns", "lockedUntil"`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    failedSignIns: Number(row.failedSignIns),
    lockedUntil: row.lockedUntil === null ? null : new Date(row.lockedUntil),
  };
}
