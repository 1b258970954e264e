import { newChallenge } from "@/features/connection-requests/captcha";
import { supplierRoute } from "@/server/guards";

/** A fresh ALTCHA challenge for the request dialog's widget (signed-in requesters only). */
export async function GET() {
  // 403 as before for anyone else: the route names no row, so there is nothing to hide with a 404.
  if ((await supplierRoute("requests")) instanceof Response) return new Response("Not allowed", { status: 403 });
  return Response.json(await newChallenge(), { headers: { "Cache-Control": "no-store" } });
}
