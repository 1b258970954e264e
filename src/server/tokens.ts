import crypto from "node:crypto";

/** 32 random bytes, URL-safe. Only `hashToken(token)` is ever stored. */
export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Shape check before touching the database: 32 bytes in base64url is 43 chars. */
export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
