import { isTokenShaped } from "../tokens";

/**
 * Links that carry a working one-time token (they sign the holder in, or act in
 * the recipient's name). Each kind names the service that can issue a fresh
 * one, which is how such a message is "resent": the stored copy never holds the
 * token, so it cannot be sent again as it is.
 */
export const secretLinkKinds = [
  "passwordReset",
  "staffSetPassword",
  "customerInvitation",
  "colleagueInvitation",
  "respondLink",
  "emailChange",
  "other",
] as const;
export type SecretLinkKind = (typeof secretLinkKinds)[number];

/** What the owning service needs to issue a fresh link: the user, invitation, company or request id. */
export interface SecretLinks {
  kind: Exclude<SecretLinkKind, "other" | "emailChange">;
  id: string;
}

export interface MailStoragePolicy {
  appEnv: "demo" | "test" | "production";
  smtpConfigured: boolean;
}

/**
 * Whether a message's token-bearing links may be stored readable. Only the
 * demo inbox (no SMTP server, not production) keeps them, because there the
 * mail log is the only way to read the message at all; administrators alone
 * see them there. With SMTP configured, in any mode, and always in
 * production, the stored copy has the links replaced.
 */
export function storesReadableLinks(policy: MailStoragePolicy): boolean {
  return policy.appEnv !== "production" && !policy.smtpConfigured;
}

/** The path of a link with every token-shaped segment replaced: `/en/reset-password/…`. */
export function redactedPath(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://placeholder.invalid");
  } catch {
    return "…";
  }
  const path = parsed.pathname
    .split("/")
    .map((segment) => (isTokenShaped(segment) ? "…" : segment))
    .join("/");
  const query = [...parsed.searchParams.entries()].map(([k, v]) => `${k}=${isTokenShaped(v) ? "…" : v}`).join("&");
  return query ? `${path}?${query}` : path;
}

/** True when a URL holds something shaped like a token (a safety net for callers that forgot to mark it). */
export function looksTokenBearing(url: string): boolean {
  return redactedPath(url) !== safePath(url);
}

function safePath(url: string): string {
  try {
    const parsed = new URL(url, "http://placeholder.invalid");
    const query = [...parsed.searchParams.entries()].map(([k, v]) => `${k}=${v}`).join("&");
    return query ? `${parsed.pathname}?${query}` : parsed.pathname;
  } catch {
    return "…";
  }
}
