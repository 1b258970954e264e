/**
 * The reader's time zone. The browser names it (`Intl`), a small client
 * component (`src/components/time-zone-sync.tsx`) keeps it in the `tz` cookie,
 * and the server formats every date and time with it (`src/lib/format.ts`).
 * Until the browser has said, and for anything that is not a zone Intl knows,
 * times are shown in UTC, which the formatted text names.
 */
export const TIME_ZONE_COOKIE = "tz";
export const DEFAULT_TIME_ZONE = "UTC";

let known: Set<string> | undefined;
function knownZones(): Set<string> {
  known ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return known;
}

/**
 * The zone's IANA name when Intl knows it, else null (never throws). Intl's
 * list of canonical zones first; an alias that Intl still accepts (browsers
 * report "Asia/Calcutta", the list says "Asia/Kolkata") comes back as Intl
 * spells it.
 */
export function validTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  if (knownZones().has(value)) return value;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The `tz` cookie's zone from a raw Cookie header, or null. */
export function timeZoneFromCookieHeader(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === TIME_ZONE_COOKIE) {
      try {
        return validTimeZone(decodeURIComponent(part.slice(eq + 1).trim()));
      } catch {
        return null;
      }
    }
  }
  return null;
}
