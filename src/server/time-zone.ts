import { cookies } from "next/headers";
import { cache } from "react";
import { DEFAULT_TIME_ZONE, TIME_ZONE_COOKIE, validTimeZone } from "@/lib/time-zone";

/** The `tz` cookie's zone when it is a valid one, else null (the browser has not said yet). */
export const cookieTimeZone = cache(async (): Promise<string | null> => validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value));

/** The zone this request's dates are shown in: the reader's, else UTC. */
export async function readerTimeZone(): Promise<string> {
  return (await cookieTimeZone()) ?? DEFAULT_TIME_ZONE;
}
