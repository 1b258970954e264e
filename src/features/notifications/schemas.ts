import { z } from "zod";
import { channels } from "./kinds";

const channel = z.enum(channels, { error: "validation.invalid" });

/** Profile → Notifications: one channel per kind of event. */
export const preferencesSchema = z.object({
  connections: channel,
  invitations: channel,
  tickets: channel,
  onboarding: channel,
  joinRequests: channel,
});
