import { newChallenge } from "@/features/connection-requests/captcha";
import { can } from "@/lib/permissions";
import { getSessionUser } from "@/server/session";

/** A fresh ALTCHA challenge for the request dialog's widget (signed-in requesters only). */
export async function GET() {
  const user = await getSessionUser();
  if (!user || user.kind !== "SUPPLIER" || !can(user.permissions, "requests")) {
    return new Response("Not allowed", { status: 403 });
  }
  return Response.json(await newChallenge(), { headers: { "Cache-Control": "no-store" } });
}
