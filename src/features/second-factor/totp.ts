import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238 defaults every authenticator app understands. */
export const TOTP_PERIOD = 30;
/** Steps either side of now that are still accepted (clock skew): one, i.e. ±30 seconds. */
export const TOTP_WINDOW = 1;
const ISSUER = "Supplier Connect";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The code an authenticator shows at `now` (tests and the demo seed's helper). */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

export const isTotpShaped = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step a code belongs to when it is valid at `now` within the window,
 * else null. The caller accepts it only if the step is later than the last one
 * used, so a code is never accepted twice.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!isTotpShaped(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  return delta === null ? null : Math.floor(now / 1000 / TOTP_PERIOD) + delta;
}

/** Ten single-use recovery codes, `xxxxx-xxxxx` from an alphabet without look-alikes. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[crypto.randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are compared in a canonical form: lower case, no spaces or dashes. */
export function hashRecoveryCode(code: string): string {
  const canonical = code.toLowerCase().replace(/[\s-]/g, "");
  return crypto.createHash("sha256").update(`recovery:${canonical}`).digest("hex");
}

export const isRecoveryShaped = (code: string) => /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
