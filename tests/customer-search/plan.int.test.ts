import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ensureTrigramStats, estimatedMatches, lookupParts, selectiveLookups } from "@/features/customer-search/plan";

/**
 * How the search decides which typo look-ups to send: a look-up's matches are
 * counted in the trigram sample itself (here the whole index, it is small), so
 * trigrams that always come together are not mistaken for a selective
 * look-up, and look-ups expected to match too many names are left out.
 */
const WORDS = ["Amber", "Birch", "Cobalt", "Dune", "Ember", "Fjord", "Garnet", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen"];

beforeAll(async () => {
  const names: string[] = [];
  // 144 "… Corporation" names, and 144 others that never contain its trigrams.
  for (const a of WORDS) for (const b of WORDS) names.push(`${a} ${b} Corporation`, `${a} ${b} Mills`);
  names.push("Quixote Zebu Trading");
  // "qwertyu": only "Qwerty Ugo" has it all; each of its trigrams is in 11 more names, "qwe" with "rty" and "tyu".
  for (const w of WORDS.slice(1)) names.push(`Qwez Rtyu ${w}`, `Wert ${w} Mills`);
  names.push("Qwerty Ugo");
  await db.customer.createMany({ data: names.map((name) => ({ name, nameZh: "", taxId: "", registrationNumber: "" })) });
  await ensureTrigramStats();
});

const trigrams = (...ts: string[]) => ts.map((text) => ({ text }));

describe("typo look-ups", () => {
  it("counts names containing trigrams that come together once, not as independent rarities", () => {
    // "cor", "por" and "tio" each appear in the same 144 names (out of 289): independence would expect 144 / 8.
    expect(estimatedMatches(trigrams("cor", "por", "tio"))).toBe(144);
    expect(estimatedMatches(trigrams("zeb"))).toBe(1);
    expect(estimatedMatches(trigrams("zeb", "cor"))).toBe(0);
  });

  it("leaves out look-ups expected to match more names than allowed", () => {
    const common = trigrams("cor", "por", "tio");
    // 23 names: "Amber … Corporation" and "… Amber Corporation".
    const rarer = trigrams("cor", "amb");
    const rare = trigrams("xot", "zeb");
    expect(estimatedMatches(rarer)).toBe(23);
    expect(selectiveLookups([common, rarer, rare], { maxMatches: 30 })).toEqual([rarer, rare]);
    expect(selectiveLookups([common, rarer, rare], { maxMatches: 5 })).toEqual([rare]);
    expect(selectiveLookups([], { maxMatches: 5 })).toEqual([]);
  });

  it("sends each set of trigrams once, whatever their order and case", () => {
    const rare = trigrams("xot", "zeb");
    expect(selectiveLookups([rare, trigrams("ZEB", "xot"), trigrams("cor", "amb"), rare], { maxMatches: 30 })).toEqual([rare, trigrams("cor", "amb")]);
  });

  it("sends the least common of the others when the look-ups left would find nothing (a slip in a common name)", () => {
    const common = trigrams("cor", "por", "tio");
    const rarer = trigrams("cor", "amb");
    // Trigrams of the typo itself: no name has them.
    const typo = trigrams("bxq", "qzz");
    expect(estimatedMatches(typo)).toBe(0);
    expect(selectiveLookups([common, typo, rarer], { maxMatches: 5 })).toEqual([typo, rarer]);
    expect(selectiveLookups([common, rarer], { maxMatches: 5 })).toEqual([rarer]);
    // Where the words were corrected against the directory's vocabulary first, no arbitrary few of a common one.
    expect(selectiveLookups([common, typo, rarer], { maxMatches: 5, fallback: false })).toEqual([typo]);
  });

  it("for a typo look-up, adds a trigram overlapping the others when the sample says they still match too many names", () => {
    // "qwe" and "rty" do not overlap and, multiplied, would look rare enough; 12 names have both.
    expect(estimatedMatches(trigrams("qwe", "rty"))).toBe(12);
    const parts = lookupParts([{ text: "qwertyu" }], { few: true });
    expect(parts).toHaveLength(3);
    expect(estimatedMatches(parts)).toBe(1);
  });

  it("plans look-ups from the rarest trigrams, which the estimate then confirms", () => {
    const parts = lookupParts([{ text: "quixotezebu" }]);
    expect(parts.length).toBeGreaterThan(0);
    expect(estimatedMatches(parts)).toBe(1);
  });
});
