import crypto from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { env } from "@/server/env";

/**
 * Self-hosted proof-of-work CAPTCHA (ALTCHA): no third party, nothing loaded
 * from abroad. The challenge is signed with keys derived from AUTH_SECRET;
 * a solved challenge is accepted once (its nonce is recorded in RateLimit).
 */
const ALGORITHM = "PBKDF2/SHA-256";
const TTL_SECONDS = 10 * 60;

function secret(purpose: string): string {
  return crypto.createHmac("sha256", env.AUTH_SECRET).update(`altcha:${purpose}`).digest("hex");
}

export async function newChallenge(): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: env.CAPTCHA_COST,
    counter: randomInt(env.CAPTCHA_MAX_COUNTER, Math.max(1, Math.floor(env.CAPTCHA_MAX_COUNTER / 2))),
    deriveKey,
    expiresAt: new Date(Date.now() + TTL_SECONDS * 1000),
    hmacSignatureSecret: secret("signature"),
    hmacKeySignatureSecret: secret("key"),
  });
}

export type CaptchaCheck = { ok: true; nonce: string } | { ok: false };

/** Checks the widget's payload (base64 JSON): signature, expiry and the work done. Does not consume it. */
export async function checkCaptcha(payload: string | undefined): Promise<CaptchaCheck> {
  if (!payload || payload.length > 5000) return { ok: false };
  let parsed: Payload;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as Payload;
  } catch {
    return { ok: false };
  }
  if (!parsed?.challenge?.parameters || !parsed.solution) return { ok: false };
  if (parsed.challenge.parameters.algorithm !== ALGORITHM) return { ok: false };
  try {
    const result = await verifySolution({
      challenge: parsed.challenge,
      solution: parsed.solution,
      deriveKey,
      hmacSignatureSecret: secret("signature"),
      hmacKeySignatureSecret: secret("key"),
    });
    return result.verified ? { ok: true, nonce: parsed.challenge.parameters.nonce } : { ok: false };
  } catch {
    return { ok: false };
  }
}

export class CaptchaReused extends Error {}

/**
 * Marks a verified challenge as used, inside the caller's transaction, so a
 * request that fails leaves the CAPTCHA usable and a replay fails.
 */
export async function consumeCaptcha(tx: Tx, nonce: string): Promise<void> {
  try {
    await tx.rateLimit.create({ data: { key: `captcha:${nonce}`, count: 1, windowStart: new Date() } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new CaptchaReused();
    throw error;
  }
}

/** Forgets used challenges older than their expiry (they can no longer verify anyway). */
export async function pruneUsedCaptchas(tx: Tx): Promise<void> {
  await tx.rateLimit.deleteMany({
    where: { key: { startsWith: "captcha:" }, windowStart: { lt: new Date(Date.now() - 2 * TTL_SECONDS * 1000) } },
  });
}
