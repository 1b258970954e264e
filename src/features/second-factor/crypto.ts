import crypto from "node:crypto";
import { env } from "@/server/env";

/**
 * Second-factor secrets at rest: AES-256-GCM with a key derived (HKDF-SHA256)
 * from MFA_ENCRYPTION_KEY, a fresh 12-byte IV per value, stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). A database copy without the key
 * reveals no secret; a changed value fails authentication instead of decrypting
 * to garbage.
 */
const key = Buffer.from(crypto.hkdfSync("sha256", env.MFA_ENCRYPTION_KEY, "supplier-connect", "second-factor-secret-v1", 32));

export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unknown secret format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
