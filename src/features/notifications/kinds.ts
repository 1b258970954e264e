/**
 * Notification preferences: per user and per kind of event, by email, in the
 * portal (the bell), or both (the default, when a user has no row). Security
 * emails (password reset, email change, new device, second-factor reset) are
 * not a kind here: they are always sent.
 */
export const preferenceKinds = ["connections", "invitations", "tickets", "onboarding", "joinRequests"] as const;
export type PreferenceKind = (typeof preferenceKinds)[number];
export const channels = ["BOTH", "EMAIL", "IN_APP"] as const;
export type Channel = (typeof channels)[number];

/** The kind a notification key ("requests:events.approved") belongs to; null: not switchable. */
export function kindOfEvent(key: string): PreferenceKind | null {
  if (key.startsWith("requests:")) return "connections";
  if (key === "invitations:events.joinRequested" || key === "accounts:joinRequestMail") return "joinRequests";
  if (key.startsWith("invitations:") || key.startsWith("users:events.")) return "invitations";
  if (key.startsWith("support:")) return "tickets";
  if (key.startsWith("onboarding:")) return "onboarding";
  return null;
}
