/**
 * Format checks for bank details, shared by onboarding steps and the profile.
 * Pure functions: usable in the browser and on the server.
 */

/** IBAN lengths by country (ISO 13616 registry, the common ones). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27,
  MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24,
  SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

export function normalizeIban(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

/** ISO 13616: country, check digits, BBAN; mod-97 of the rearranged number is 1. */
export function isValidIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export function normalizeSwift(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

/** SWIFT/BIC: 4 letters bank, 2 letters country, 2 location, optional 3 branch (8 or 11). */
export function isValidSwift(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(normalizeSwift(value));
}

/** ABA routing number: 9 digits, weighted 3-7-1 checksum divisible by 10. */
export function isValidRoutingNumber(value: string): boolean {
  const v = value.replace(/[\s-]/g, "");
  if (!/^\d{9}$/.test(v)) return false;
  const d = [...v].map(Number);
  const sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
  return sum % 10 === 0 && v !== "000000000";
}

export function normalizeBankAccount(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

/** A local account number: 4 to 34 letters/digits with at least 4 digits. */
export function isValidBankAccount(value: string): boolean {
  const v = normalizeBankAccount(value);
  return /^[0-9A-Z]{4,34}$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 4;
}

/** A phone number: optional +, digits and common separators, 6 to 15 digits. */
export function isValidPhone(value: string): boolean {
  const v = value.trim();
  if (!/^\+?[0-9 ()\-.]+$/.test(v)) return false;
  const digits = v.replace(/\D/g, "").length;
  return digits >= 6 && digits <= 15;
}
