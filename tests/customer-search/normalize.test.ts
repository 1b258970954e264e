import { describe, expect, it } from "vitest";
import {
  classify,
  dropConnectives,
  fold,
  fuzzyEligible,
  MatchClass,
  parseQuery,
  spacedForm,
  stripLegalForms,
  substringDistance,
  termsOf,
  typoAllowance,
  typoDistance,
} from "@/features/customer-search/normalize";
import { deletionForms, twoTypoLookups, typoLookups } from "@/features/customer-search/plan";

describe("spacedForm (the index normalization mirrored from SQL)", () => {
  it("turns punctuation into single spaces and lower-cases ASCII only", () => {
    expect(spacedForm("Müller  GmbH & Co. KG")).toBe("müller gmbh co kg");
    expect(spacedForm("  ACME, Inc. ")).toBe("acme inc");
    expect(spacedForm("ÉCOLE")).toBe("École"); // non-ASCII case is folded by the FTS tokenizer
    expect(spacedForm("O'Brien-Smith/Jones")).toBe("o brien smith jones");
  });
  it("treats CJK and fullwidth punctuation and special spaces as separators", () => {
    expect(spacedForm("东方明珠（上海）有限公司")).toBe("东方明珠 上海 有限公司");
    expect(spacedForm("约翰·史密斯、贸易。")).toBe("约翰 史密斯 贸易");
    expect(spacedForm("A\u00a0B\u3000C\tD")).toBe("a b c d");
  });
  it("is empty for punctuation only", () => {
    expect(spacedForm(" .,;-() ")).toBe("");
  });
});

describe("stripLegalForms", () => {
  it("removes trailing legal forms, repeatedly", () => {
    expect(stripLegalForms("acme co ltd")).toBe("acme");
    expect(stripLegalForms("müller gmbh co kg")).toBe("müller");
    expect(stripLegalForms("compania andina s a")).toBe("compania andina");
    expect(stripLegalForms("sony k k")).toBe("sony");
    expect(stripLegalForms("acme inc")).toBe("acme");
    expect(stripLegalForms("banco sa de c v")).toBe("banco");
  });
  it("removes Chinese and Japanese legal forms without word boundaries", () => {
    expect(stripLegalForms("东方明珠有限公司")).toBe("东方明珠");
    expect(stripLegalForms("东方明珠股份有限公司")).toBe("东方明珠");
    expect(stripLegalForms("海尔集团")).toBe("海尔");
    expect(stripLegalForms("海尔集团公司")).toBe("海尔");
    expect(stripLegalForms("株式会社トヨタ")).toBe("トヨタ");
  });
  it("only strips whole words and never everything", () => {
    expect(stripLegalForms("costco")).toBe("costco");
    expect(stripLegalForms("tesco")).toBe("tesco");
    expect(stripLegalForms("gmbh")).toBe("gmbh");
    expect(stripLegalForms("holding ag")).toBe("holding");
    expect(stripLegalForms("有限公司")).toBe("有限公司");
    expect(stripLegalForms("co operative bank")).toBe("co operative bank");
  });
});

describe("fold (ranking only)", () => {
  it("removes case, diacritics and compatibility forms", () => {
    expect(fold("Müller")).toBe("muller");
    expect(fold("Straße")).toBe("strasse");
    expect(fold("ＡＢＣ")).toBe("abc");
    expect(fold("Dvořák Łódź")).toBe("dvorak łodz");
  });
});

describe("parseQuery", () => {
  it("normalizes and removes legal forms", () => {
    const q = parseQuery("  ACME, Inc. ")!;
    expect(q.spaced).toBe("acme");
    expect(q.compact).toBe("acme");
  });
  it("adds German transliteration variants both ways", () => {
    expect(parseQuery("Müller")!.variants).toEqual(["müller", "mueller"]);
    expect(parseQuery("Mueller")!.variants).toEqual(["mueller", "muller"]);
    expect(parseQuery("Mueller")!.folded).toEqual(["mueller", "muller"]);
    expect(parseQuery("Strasse")!.variants).toContain("straße");
  });
  it("splits terms for the trigram index, gluing short words", () => {
    expect(parseQuery("A B C Trading")!.terms[0]).toEqual(["abc", "trading"]);
    expect(termsOf("siemens osterreich")).toEqual(["siemens", "osterreich"]);
    expect(termsOf("trading a")).toEqual(["tradinga"]);
    expect(termsOf("东方 明珠")).toEqual(["东方明珠"]);
    expect(termsOf("ab")).toEqual(["ab"]);
  });
  it("returns null when nothing is left to search", () => {
    expect(parseQuery("")).toBeNull();
    expect(parseQuery("  .-, ")).toBeNull();
    expect(parseQuery("\u0002\u0003")).toBeNull();
  });
  it("keeps FTS syntax characters out of the terms", () => {
    const q = parseQuery('acme" OR "x* NEAR(')!;
    expect(q.terms[0].join("")).not.toMatch(/["*()]/);
  });
});

describe("substringDistance", () => {
  it("finds one edit anywhere inside a longer text", () => {
    expect(substringDistance("siemens", "siemens ag")).toBe(0);
    expect(substringDistance("semens", "bosch siemens")).toBe(1); // missing letter
    expect(substringDistance("siemnes", "siemens")).toBe(1); // swapped neighbours
    expect(substringDistance("siemans", "siemens")).toBe(1); // substitution
    expect(substringDistance("siemmens", "siemens")).toBe(1); // extra letter
    expect(substringDistance("smanies", "siemens")).toBeGreaterThan(1);
  });

  /** The textbook table: restricted Damerau-Levenshtein between `q` and the best substring of `t`, code points. */
  function reference(q: string, t: string): number {
    const a = Array.from(q);
    const b = Array.from(t);
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return Math.min(...d[a.length]);
  }

  it("agrees with the textbook table on 20,000 random pairs, short and long queries, with and without surrogate pairs", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // A small alphabet makes repeated letters, swaps and near matches common.
    const alphabets = ["abc", "abcdefgh", "ab華c", "ab😀c"];
    const word = (alphabet: string[], max: number) =>
      Array.from({ length: Math.floor(random() * (max + 1)) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    for (let k = 0; k < 20_000; k++) {
      const alphabet = Array.from(alphabets[k % alphabets.length]);
      const text = word(alphabet, 40);
      // Half the queries come from the text with a few edits, so distances of 0-2 are frequent.
      let query = word(alphabet, k % 10 === 0 ? 40 : 32);
      if (random() < 0.5 && text) {
        const from = Math.floor(random() * text.length);
        const chars = Array.from(text.slice(from, from + 1 + Math.floor(random() * 12)));
        const at = Math.floor(random() * chars.length);
        if (random() < 0.5 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
        else chars[at] = alphabet[Math.floor(random() * alphabet.length)];
        query = chars.join("");
      }
      if (!query) continue;
      const expected = reference(query, text);
      expect(substringDistance(query, text), `${query} in ${text}`).toBe(expected);
      // With a bound: exact when within it, else anything above it.
      const bounded = substringDistance(query, text, 1);
      if (expected <= 1) expect(bounded).toBe(expected);
      else expect(bounded).toBeGreaterThan(1);
    }
  });
});

describe("classify", () => {
  const q = (s: string) => parseQuery(s)!;
  it("ranks exact > prefix > word start > substring > typo", () => {
    expect(classify(q("acme"), "ACME Inc.", false)?.cls).toBe(MatchClass.Exact);
    expect(classify(q("acme"), "Acme Explosives Ltd", false)?.cls).toBe(MatchClass.Prefix);
    expect(classify(q("acme"), "Best Acme Tools", false)?.cls).toBe(MatchClass.WordPrefix);
    expect(classify(q("acme"), "Pacmetal", false)?.cls).toBe(MatchClass.Substring);
    expect(classify(q("acmee tools"), "Acme Tools", false)?.cls).toBe(MatchClass.Fuzzy);
    expect(classify(q("acme"), "Zenith", false)).toBeNull();
  });
  it("marks the exact match that also has the typed legal form", () => {
    expect(classify(q("Acme Ltd."), "ACME LTD", false)).toMatchObject({ cls: MatchClass.Exact, literal: 0 });
    expect(classify(q("Acme Ltd."), "Acme GmbH", false)).toMatchObject({ cls: MatchClass.Exact, literal: 1 });
  });
  it("matches every term of a multi-word query anywhere", () => {
    expect(classify(q("siemens osterreich"), "Siemens AG Österreich", false)?.cls).toBe(MatchClass.Substring);
  });
  it("treats Müller and Mueller as the same name", () => {
    expect(classify(q("Mueller"), "Müller GmbH", false)).toMatchObject({ cls: MatchClass.Exact });
    expect(classify(q("Müller"), "Mueller GmbH", false)).toMatchObject({ cls: MatchClass.Exact });
  });
  it("never matches numbers with a typo or by a short fragment", () => {
    expect(classify(q("DE811234567"), "DE 811 234 567", true)?.cls).toBe(MatchClass.Exact);
    expect(classify(q("811234567"), "DE 811 234 567", true)?.cls).toBe(MatchClass.WordPrefix);
    expect(classify(q("11234567"), "DE 811 234 567", true)?.cls).toBe(MatchClass.Substring);
    expect(classify(q("DE811234568"), "DE 811 234 567", true)).toBeNull();
    expect(classify(q("234"), "DE 811 234 567", true)).toBeNull();
  });
});

describe("typo tolerance", () => {
  it("applies to Latin queries of 5+ characters only", () => {
    expect(fuzzyEligible("siemens")).toBe(true);
    expect(fuzzyEligible("bosh")).toBe(false);
    expect(fuzzyEligible("东方明珠塔")).toBe(false);
    expect(fuzzyEligible("123456789")).toBe(false);
  });

  /** Every single-edit variant of `word`. */
  function edits(word: string): string[] {
    const out = new Set<string>();
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (let i = 0; i <= word.length; i++) {
      for (const l of letters) out.add(word.slice(0, i) + l + word.slice(i)); // extra letter
      if (i < word.length) {
        out.add(word.slice(0, i) + word.slice(i + 1)); // missing letter
        for (const l of letters) out.add(word.slice(0, i) + l + word.slice(i + 1)); // wrong letter
      }
      if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)); // swap
    }
    out.delete(word);
    return [...out];
  }

  /** Whether a look-up's parts are all in the name (start parts at its start). */
  const finds = (lookup: ReturnType<typeof typoLookups>[number], name: string) =>
    lookup.pieces.every((p) => (p.atStart ? name.startsWith(p.text) : name.includes(p.text)));

  it.each(["siemens", "rexroth", "roadrunner", "pearlriver", "northwindtraders"])("the index look-ups for every one-typo variant of %s find it", (word) => {
    const missed = edits(word)
      .filter((typo) => fuzzyEligible(typo) && typo.length >= 6)
      .filter((typo) => !typoLookups(typo).some((l) => finds(l, word)));
    expect(missed).toEqual([]);
  });

  /** The vocabulary's test (migration 20261205010000): the word is a key, or shares a deletion form with one. */
  const vocabularyFinds = (typed: string, edits: number, word: string) => {
    const keys = new Set([typed, ...deletionForms(typed, edits)]);
    return keys.has(word) || deletionForms(word, word.length >= 9 ? 2 : 1).some((f) => keys.has(f));
  };

  it.each(["siemens", "yunhui", "rexroth", "pharmaceuticals"])("the vocabulary finds %s from every one-typo variant", (word) => {
    expect(edits(word).filter((typo) => !vocabularyFinds(typo, 1, word))).toEqual([]);
  });

  it("the vocabulary finds a word of 9+ letters from its two-typo variants, and not a word three typos away", () => {
    const twice = edits("pharmaceuticals").flatMap((once) => edits(once).filter((_, i) => i % 7 === 0));
    expect(twice.length).toBeGreaterThan(1000);
    expect(twice.filter((typo) => typo.length >= 9 && !vocabularyFinds(typo, 2, "pharmaceuticals"))).toEqual([]);
    expect(vocabularyFinds("phramcaeuticasl", 2, "pharmaceuticals")).toBe(false);
  });

  it("look-ups are bounded and most selective first", () => {
    const lookups = typoLookups("northwindtradersinternational");
    expect(lookups.length).toBeLessThanOrEqual(12);
    expect(lookups[0].size).toBeGreaterThanOrEqual(lookups[lookups.length - 1].size);
  });
});

describe("typo budget per word (decision 0015)", () => {
  it("allows one edit from 5 letters and two from 9, none for short words, numbers and CJK", () => {
    expect(["acme", "smith", "microsof", "pharmaceu", "123456789", "东方明珠塔"].map(typoAllowance)).toEqual([0, 1, 1, 2, 0, 0]);
  });

  it("counts typos word by word or over the whole query, whichever is fewer", () => {
    expect(typoDistance("smtihjoens", ["smtih", "joens"], "smithjoneslogistics")).toBe(2); // one in each word
    expect(typoDistance("fcaebok", ["fcaebok"], "facebook")).toBeNull(); // two in a 7-letter word
    expect(typoDistance("pharmacuetcials", ["pharmacuetcials"], "amberlanepharmaceuticals")).toBe(2);
    expect(typoDistance("microsfot", ["micro", "sfot"], "microsoft")).toBe(1); // the whole query, spaces ignored
    expect(typoDistance("acmetols", ["acme", "tols"], "acmetools")).toBe(1);
  });

  it("ignores connectives between words only", () => {
    expect(dropConnectives("smith and jones")).toBe("smith jones");
    expect(dropConnectives("müller und söhne")).toBe("müller söhne");
    expect(dropConnectives("and co")).toBe("and co");
    expect(dropConnectives("andover trading")).toBe("andover trading");
  });

  /** Whether a look-up's parts are all in the name (start parts at its start). */
  const finds = (lookup: ReturnType<typeof twoTypoLookups>[number], name: string) =>
    lookup.pieces.every((p) => (p.atStart ? name.startsWith(p.text) : name.includes(p.text)));

  it("two-typo look-ups find a typo in each of two words, or two in a long one", () => {
    expect(twoTypoLookups(["smtih", "joens"]).some((l) => finds(l, "smithjones"))).toBe(true);
    expect(twoTypoLookups(["wagner", "logestecs"]).some((l) => finds(l, "wagnerlogistics"))).toBe(true);
    expect(twoTypoLookups(["pharmacuetcials"]).some((l) => finds(l, "pharmaceuticals"))).toBe(true);
    expect(twoTypoLookups(["acme"])).toEqual([]);
    expect(twoTypoLookups(["northwind", "tarders", "internationl"]).length).toBeLessThanOrEqual(16);
  });
});
