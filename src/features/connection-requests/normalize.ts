import { emailDomain } from "@/lib/validation";

/**
 * The form of a search query that rationing counts: case, accents, width,
 * punctuation and spacing do not make a new attempt. "ACME, Inc." and
 * "acme inc" are one attempt.
 */
export function normalizeQuery(query: string): string {
  return query
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}

/** Shorter queries run no search (the directory needs two characters), so they cost nothing. */
export const MIN_QUERY_LENGTH = 2;

export function isSearchable(normalized: string): boolean {
  return [...normalized].length >= MIN_QUERY_LENGTH;
}

/** Contact-email warnings shown to the supplier before sending and to staff afterwards. */
export type ContactFlag = "FREE_MAIL" | "DOMAIN_MISMATCH";

export function contactFlags(email: string, customerDomains: readonly string[], isFreeMail: (domain: string) => boolean): ContactFlag[] {
  const domain = emailDomain(email);
  const flags: ContactFlag[] = [];
  if (isFreeMail(domain)) flags.push("FREE_MAIL");
  const matches = customerDomains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
  if (!matches) flags.push("DOMAIN_MISMATCH");
  return flags;
}

/** Whether an email is on one of the given domains (or a subdomain of one). */
export function onDomain(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`));
}
