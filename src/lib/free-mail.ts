// Server only: the list holds about 8,700 domains (~150 kB). Client code asks
// the server (the contact check, the form actions) instead of importing this.
// (`import "server-only"` would say so to the bundler, but the package is not
// installed; tests/lib/client-bundle.test.ts keeps it out of client files.)
import providers from "email-providers/all.json" with { type: "json" };

/**
 * Chinese providers missing from `email-providers` 2.26 that our suppliers'
 * contacts use: keep until the upstream list has them.
 */
const MISSING_UPSTREAM = ["sohu.com", "139.com", "189.cn"];

/** Public free-mail providers (email-providers' full list): such a domain never identifies a company. */
const FREE_MAIL: ReadonlySet<string> = new Set([...providers, ...MISSING_UPSTREAM]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain.trim().toLowerCase());
}
