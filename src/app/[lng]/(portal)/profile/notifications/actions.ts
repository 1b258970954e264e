"use server";
import { setPreferences } from "@/features/notifications/preferences";
import { preferencesSchema } from "@/features/notifications/schemas";
import { ok } from "@/lib/action-result";
import { userAction } from "@/server/action";

/** Saves how the user hears about each kind of event (security emails are not among them). */
export const savePreferencesAction = userAction(preferencesSchema, async (input, { user, ip }) => {
  await setPreferences(user.id, input, { type: user.kind === "STAFF" ? "STAFF" : "USER", id: user.id, ip });
  return ok(undefined, "settings:preferences.saved");
});
