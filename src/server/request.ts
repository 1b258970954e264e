import { headers } from "next/headers";
import { clientAddress } from "./client-address";
import { env } from "./env";

/** Set by src/scripts/start.mjs, which appends each connection's own address to X-Forwarded-For. */
const PEER_APPENDED = Symbol.for("supplier-connect.peer-address-appended");
let warned = false;

/**
 * The client's address as seen by the app: taken from the right of
 * X-Forwarded-For, skipping only the proxies TRUSTED_PROXIES names (see
 * src/server/client-address.ts). Limits per address key on it.
 */
export function clientIpFrom(h: Headers): string {
  if (env.APP_ENV === "production" && !warned && !(globalThis as Record<symbol, unknown>)[PEER_APPENDED]) {
    warned = true;
    console.warn(
      "The app was not started with `npm start` (src/scripts/start.mjs): X-Forwarded-For does not end with the " +
        "connection's address, so limits per client address can be evaded with a forged header.",
    );
  }
  return clientAddress(h.get("x-forwarded-for"), env.TRUSTED_PROXIES);
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
