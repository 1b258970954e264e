/**
 * Dates and times in the reader's language and time zone, the one way every
 * page and email shows them. Pages pass the reader's zone
 * (`readerTimeZone()` from src/server/time-zone.ts: the browser's, from the
 * `tz` cookie); emails pass the recipient's stored `User.timeZone`. Without
 * one, UTC, which `formatDateTime` names so a time is never ambiguous.
 */
const LOCALES: Record<string, string> = { en: "en-GB", zh: "zh-CN" };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lng: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lng}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lng] ?? LOCALES.en, options);
    cache.set(key, f);
  }
  return f;
}

/** A day: "1 Dec 2026" / "2026年12月1日". */
export function formatDate(date: Date | null | undefined, lng: string, timeZone = "UTC"): string {
  return date ? formatter(lng, { dateStyle: "medium", timeZone }).format(date) : "—";
}

/** A moment: "1 Dec 2026, 14:05 UTC" / "2026年12月1日 14:05 UTC". */
export function formatDateTime(date: Date | null | undefined, lng: string, timeZone = "UTC"): string {
  return date
    ? formatter(lng, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date)
    : "—";
}

/** A machine date for file names and CSV cells: 2026-12-01. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
