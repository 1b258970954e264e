/**
 * Format checks for bank details, shared by onboarding steps and the profile.
 * Pure functions: usable in the browser and on the server (ibantools is small).
 */
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";

export function normalizeIban(value: string): string {
  // ibantools drops spaces and hyphens; tabs and non-breaking spaces from a paste go too.
  return electronicFormatIBAN(value.replace(/\s/g, "")) ?? "";
}

/**
 * ISO 13616 with the full registry (ibantools): the country's length and BBAN
 * format, the mod-97 check digits and, where a country defines one, the
 * national check digit.
 */
export function isValidIban(value: string): boolean {
  return isValidIBAN(normalizeIban(value));
}

export function normalizeSwift(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

/** SWIFT/BIC (ISO 9362): 4 letters bank, a known country, 2 location, optional 3 branch. */
export function isValidSwift(value: string): boolean {
  return isValidBIC(normalizeSwift(value));
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
