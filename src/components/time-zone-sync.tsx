"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { DEFAULT_TIME_ZONE, TIME_ZONE_COOKIE, validTimeZone } from "@/lib/time-zone";

/**
 * Tells the server the browser's time zone: when the `tz` cookie is missing or
 * names another zone, it is set and the page is rendered again, so every date
 * on it (formatted on the server) is in the reader's zone. Renders nothing; the
 * first visit shows UTC (named) for a moment. `current` is the zone the
 * server read from the cookie (null: none).
 */
export function TimeZoneSync({ current }: { current: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (!zone || zone === current) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    // Without a cookie the page was rendered in UTC: nothing to redo for a reader in UTC.
    if (current !== null || zone !== DEFAULT_TIME_ZONE) router.refresh();
  }, [current, router]);
  return null;
}
