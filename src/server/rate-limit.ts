import { db } from "./db";
import { env } from "./env";
import { countHit, deleteExpiredCounters } from "./sql/counters";

export interface Policy {
  /** Hits allowed per window */
  limit: number;
  windowSeconds: number;
}

/**
 * Every rate limit of the app, by name. A counter's key in the database is
 * `<policy>:<what is limited>` (an address, an email), so each policy counts
 * on its own.
 */
export const RATE_LIMITS = {
  /** Sign-in attempts per client address */
  signInIp: { limit: env.SIGN_IN_IP_LIMIT, windowSeconds: 15 * 60 },
  /** Failed sign-ins for an email without an account: the same threshold as an account's lock */
  signInUnknownEmail: { limit: env.SIGN_IN_MAX_FAILURES, windowSeconds: env.SIGN_IN_LOCK_MINUTES * 60 },
  /** "Forgot password" requests per email, and per client address */
  resetEmail: { limit: 5, windowSeconds: 60 * 60 },
  resetIp: { limit: 30, windowSeconds: 60 * 60 },
  /** Sign-ups per email, and per client address */
  signUpEmail: { limit: 5, windowSeconds: 60 * 60 },
  signUpIp: { limit: 30, windowSeconds: 60 * 60 },
  /** Answers to connection requests from emailed links, per client address */
  respondIp: { limit: 30, windowSeconds: 15 * 60 },
  /** Current-password checks of signed-in users (email change), per user */
  passwordCheckUser: { limit: 5, windowSeconds: 15 * 60 },
  /** Email-change requests per user */
  emailChangeUser: { limit: 5, windowSeconds: 60 * 60 },
  /** Invitation landing page views and invitee actions, per client address */
  inviteIp: { limit: 60, windowSeconds: 15 * 60 },
} as const satisfies Record<string, Policy>;

export type PolicyName = keyof typeof RATE_LIMITS;

export interface LimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** Expired counters are deleted on a write at most this often per process, this many at a time. */
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 500;
let lastPrune = 0;

/**
 * Counts one hit against a named policy for `key` (e.g. the client address):
 * a fixed window kept in the database, so it holds across processes and
 * restarts. One atomic statement: concurrent hits never share a count.
 */
export async function hitLimit(policy: PolicyName, key: string): Promise<LimitResult> {
  const { limit, windowSeconds } = RATE_LIMITS[policy];
  const now = new Date();
  const row = await countHit(db, `${policy}:${key}`, now, new Date(now.getTime() + windowSeconds * 1000));
  if (now.getTime() - lastPrune >= PRUNE_EVERY_MS) {
    lastPrune = now.getTime();
    await pruneExpiredLimits(now);
  }
  return {
    allowed: row.count <= limit,
    remaining: Math.max(0, limit - row.count),
    retryAfterSeconds: Math.max(0, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

export async function clearLimit(policy: PolicyName, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: `${policy}:${key}` } });
}

/** Deletes counters whose window has ended (a bounded batch); returns how many. */
export async function pruneExpiredLimits(now = new Date(), max = PRUNE_BATCH): Promise<number> {
  return deleteExpiredCounters(db, now, max);
}
