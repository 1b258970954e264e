"use server";
import { redirect } from "next/navigation";
import { revokeSessionSchema, signOutSchema } from "@/features/sessions/schemas";
import { revokeAllSessions, revokeSession } from "@/features/sessions/service";
import { ok } from "@/lib/action-result";
import { isLng } from "@/lib/i18n/config";
import { userAction } from "@/server/action";
import { signOut } from "@/server/auth";

/**
 * Sign-out of the portal top bar, the admin header and the security page. The
 * server-side session ends (a copied cookie stops working), then the cookie is
 * cleared; `everywhere` ends every session of the user. The forms post plain
 * FormData, so these exports adapt the wrapper's (state, form) signature.
 */
const endSession = userAction(signOutSchema, async (input, { user, ip }) => {
  if (input.everywhere) await revokeAllSessions(user, ip);
  else if (user.sessionId) await revokeSession(user, user.sessionId, ip, "sign_out");
  return ok(undefined);
});

const endDevice = userAction(revokeSessionSchema, async (input, { user, ip }) => {
  const ended = await revokeSession(user, input.sessionId, ip, "device");
  return ok({ ended, current: input.sessionId === user.sessionId, staff: user.kind === "STAFF" });
});

function lngOf(form: FormData): string {
  const lng = form.get("lng");
  return isLng(lng) ? lng : "en";
}

export async function signOutAction(form: FormData): Promise<void> {
  await endSession(undefined, form);
  // Signed out here whether or not a live session was found: the cookie goes too.
  await signOut({ redirectTo: `/${lngOf(form)}/sign-in` });
}

export async function revokeSessionAction(form: FormData): Promise<void> {
  const lng = lngOf(form);
  const result = await endDevice(undefined, form);
  if (!result.ok) redirect(`/${lng}/sign-in`);
  if (result.data.current) await signOut({ redirectTo: `/${lng}/sign-in` });
  redirect(result.data.staff ? `/${lng}/admin/security` : `/${lng}/profile/security`);
}
