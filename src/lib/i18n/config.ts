export const languages = ["en", "zh"] as const;
export type Lng = (typeof languages)[number];
export const fallbackLng: Lng = "en";
export const LNG_COOKIE = "lng";

export function isLng(value: unknown): value is Lng {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header. */
export function lngFromAcceptLanguage(header: string | null | undefined): Lng {
  if (!header) return fallbackLng;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLng(base)) return base;
  }
  return fallbackLng;
}
