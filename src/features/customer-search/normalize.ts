/**
 * Text normalization for the customer directory search.
 * See docs/decisions/0003-customer-search.md.
 *
 * Two layers:
 * - `spacedForm` is the INDEX normalization. The database computes exactly the
 *   same thing in SQL (the generated column `CustomerSearchName.spaced`, see the
 *   migration `*_customer_search`); this function is its mirror for the query
 *   side, and tests/directory/search.int.test.ts checks both agree. It only maps
 *   separators to spaces and lower-cases ASCII: everything Unicode-aware (case
 *   folding, diacritics) is left to the FTS5 trigram tokenizer, which applies
 *   the same folding to indexed text and to queries by construction.
 * - Everything else (legal suffixes, German transliterations, full Unicode
 *   folding, edit distance) runs only in TypeScript, on the query and on the
 *   candidates the index returns, to decide what to look for and how to rank.
 */

/**
 * Characters that separate words and are otherwise ignored: whitespace and
 * punctuation (ASCII, general and CJK/fullwidth). The migration's SQL maps
 * each one to a space; keep the two in step (a test compares them).
 */
export const SEPARATORS =
  " \t\n\r\u00a0\u3000" +
  "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" +
  "\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2022\u2026\u2027\u00b7\u30fb" +
  "\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff1f\uff01\uff08\uff09\uff3b\uff3d\uff5b\uff5d\u3014\u3015\u3010\u3011" +
  "\u300a\u300b\u3008\u3009\u300c\u300d\u300e\u300f\u3003\uff5e\uff0d\uff0b\uff06\uff0f\uff3c\uff07\uff02\uff03\uff20\uff3f\uff5c" +
  "\u00ae\u2122\u00a9";

/** Any one separator (a character class of SEPARATORS, escaped). */
const SEPARATOR_PATTERN = new RegExp(`[${Array.from(SEPARATORS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`, "g");

/**
 * The index normalization (mirror of the SQL in the migration): every separator
 * becomes a space, ASCII letters are lower-cased, runs of spaces collapse (five
 * halving passes, as the SQL does) and the ends are trimmed of spaces.
 */
export function spacedForm(text: string): string {
  let s = text.replace(SEPARATOR_PATTERN, " ").replace(/[A-Z]+/g, (c) => c.toLowerCase());
  for (let i = 0; i < 5 && s.includes("  "); i++) s = s.replaceAll("  ", " ");
  return s.replace(/^ +| +$/g, "");
}

/** The indexed key's body: the spaced form without spaces. */
export function compactForm(text: string): string {
  return spacedForm(text).replaceAll(" ", "");
}

/** Code points at or above U+2E80 (CJK, kana, Hangul, fullwidth): "wide" characters, indexed as bigrams too. */
export const WIDE_FROM = 0x2e80;
export function isWide(ch: string): boolean {
  return (ch.codePointAt(0) ?? 0) >= WIDE_FROM;
}

/**
 * Legal-form suffixes in spaced form (as `spacedForm` renders "S.A." -> "s a").
 * Latin ones match whole trailing words; CJK ones match the end of the text.
 */
export const LATIN_LEGAL_SUFFIXES = [
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "cos",
  "ltd",
  "limited",
  "llc",
  "l l c",
  "llp",
  "lp",
  "plc",
  "gmbh",
  "mbh",
  "ag",
  "a g",
  "kg",
  "kgaa",
  "ohg",
  "gbr",
  "ug",
  "e k",
  "ev",
  "e v",
  "se",
  "sa",
  "s a",
  "sas",
  "s a s",
  "sarl",
  "s a r l",
  "srl",
  "s r l",
  "spa",
  "s p a",
  "sl",
  "s l",
  "sau",
  "ltda",
  "lda",
  "bv",
  "b v",
  "nv",
  "n v",
  "vof",
  "ab",
  "as",
  "a s",
  "asa",
  "aps",
  "oy",
  "oyj",
  "kk",
  "k k",
  "yk",
  "pte",
  "pty",
  "pvt",
  "private",
  "sdn",
  "bhd",
  "tbk",
  "jsc",
  "ojsc",
  "pjsc",
  "ooo",
  "zao",
  "oao",
  "kft",
  "zrt",
  "sro",
  "s r o",
  "sp z o o",
  "spzoo",
  "de c v",
  "cv",
  "c v",
  "group",
  "holding",
  "holdings",
  "intl",
  "international",
];
export const CJK_LEGAL_SUFFIXES = [
  "股份有限公司",
  "有限责任公司",
  "有限責任公司",
  "有限公司",
  "股份公司",
  "集团公司",
  "集團公司",
  "总公司",
  "總公司",
  "分公司",
  "集团",
  "集團",
  "控股",
  "公司",
  "株式会社",
  "有限会社",
  "合同会社",
];
/** Prefixes some legal forms take in Japanese ("株式会社トヨタ"). */
const CJK_LEGAL_PREFIXES = ["株式会社", "有限会社", "合同会社"];

const CJK_SUFFIXES_LONGEST_FIRST = [...CJK_LEGAL_SUFFIXES].sort((a, b) => b.length - a.length);
/**
 * Latin legal forms by their last word, each with a space in front (they
 * follow another word), most words first: most names end in no legal form's
 * last word and need no more work; ranking strips the forms of every candidate.
 */
const LATIN_SUFFIXES_BY_LAST_WORD = new Map<string, string[]>();
for (const suffix of [...LATIN_LEGAL_SUFFIXES].sort((a, b) => b.split(" ").length - a.split(" ").length)) {
  const last = suffix.slice(suffix.lastIndexOf(" ") + 1);
  LATIN_SUFFIXES_BY_LAST_WORD.set(last, [...(LATIN_SUFFIXES_BY_LAST_WORD.get(last) ?? []), ` ${suffix}`]);
}

/**
 * The longest legal form ending `s`: Latin ones as whole trailing words after
 * at least one other word (more words is longer), CJK ones at the end of the
 * text. A text ends either in a Latin or in a wide character, so at most one
 * family can match.
 */
function trailingLegalForm(s: string): string | undefined {
  if (isWide(s.slice(-1))) return CJK_SUFFIXES_LONGEST_FIRST.find((suf) => s.length > suf.length && s.endsWith(suf));
  const candidates = LATIN_SUFFIXES_BY_LAST_WORD.get(s.slice(s.lastIndexOf(" ") + 1));
  return candidates?.find((suffix) => s.length > suffix.length && s.endsWith(suffix))?.slice(1);
}

/**
 * Removes trailing legal-form suffixes (repeatedly: "co ltd", "gmbh co kg") and
 * leading Japanese legal prefixes from a spaced form. Never returns an empty
 * string when the input was not empty: a name made only of suffix words
 * ("Holding AG") keeps its last remaining word.
 */
export function stripLegalForms(spaced: string): string {
  let s = spaced;
  for (let round = 0; round < 4; round++) {
    if (CJK_LEGAL_SUFFIXES.includes(s)) break; // "有限公司" alone stays itself
    const hit = trailingLegalForm(s);
    if (!hit) break;
    s = s.slice(0, s.length - hit.length).replace(/ +$/, "");
  }
  for (const p of CJK_LEGAL_PREFIXES) {
    if (s.startsWith(p) && s.length > p.length) s = s.slice(p.length).replace(/^ +/, "");
  }
  return s;
}

/**
 * Words that join two names and mean "and" ("Smith & Jones" = "Smith and
 * Jones" = "Smith und Jones"); "&" itself is a separator. Only whole words
 * between two other words count, so "Andover" and a leading "And" stay.
 */
export const CONNECTIVES = ["and", "und", "et", "和"];

/** A spaced form without its connective words (see CONNECTIVES). */
export function dropConnectives(spaced: string): string {
  const words = spaced.split(" ");
  if (words.length < 3) return spaced;
  return words.filter((w, i) => i === 0 || i === words.length - 1 || !CONNECTIVES.includes(w.toLowerCase())).join(" ");
}

/**
 * Full folding used for ranking only: Unicode lower case, compatibility forms
 * (fullwidth letters), diacritics removed, ß -> ss.
 */
export function fold(text: string): string {
  // Plain ASCII (most names) has nothing to decompose.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("ß", "ss");
}

/** German transliteration: ä/ö/ü -> ae/oe/ue (before folding), for "Müller" = "Mueller". */
function umlautsToDigraphs(text: string): string {
  return text.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: "ae", ö: "oe", ü: "ue", Ä: "ae", Ö: "oe", Ü: "ue" })[c]!);
}
/** The reverse: ae/oe/ue -> a/o/u, so "Mueller" also looks for "Müller" (folded "muller"). */
function digraphsToVowels(text: string): string {
  return text.replace(/([aou])e/g, "$1");
}

/** What the search looks for, derived from the user's raw query. */
export interface ParsedQuery {
  /** The query's core (legal forms removed), in spaced form. */
  spaced: string;
  /** `spaced` without spaces: what the index is searched for. */
  compact: string;
  /** Compact spellings to look for: the query itself, then its German transliteration variants. */
  variants: string[];
  /** The terms to AND in a substring search, per variant (each >= 3 characters, or the whole compact form). */
  terms: string[][];
  /** Ranking forms: `fold` of each variant's compact form, and of its terms. */
  folded: string[];
  foldedTerms: string[][];
  /** The whole query folded, legal form included: a name equal to it is the best of the exact matches. */
  literal: string;
  /** Per variant: its words, folded, connectives removed (each may carry its own typos, see `typoAllowance`). */
  foldedWords: string[][];
  /** Most typos (edits) any candidate may have: what the typo look-ups must cover (0, 1 or 2). */
  typoBudget: number;
  /** The query is nothing but a legal form ("Corporation"): names are then matched with theirs. */
  legalFormOnly: boolean;
}

/** Maximum query length considered (characters). */
export const MAX_QUERY_LENGTH = 100;

/** Parses a raw query; returns null when nothing searchable is left. */
export function parseQuery(raw: string): ParsedQuery | null {
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .slice(0, MAX_QUERY_LENGTH);
  const full = spacedForm(cleaned);
  if (!full) return null;
  const spaced = stripLegalForms(full);
  const compact = spaced.replaceAll(" ", "");
  if (!compact) return null;

  const variantsSpaced = [spaced];
  const lower = spaced.toLowerCase();
  if (/[äöüß]/.test(lower)) variantsSpaced.push(umlautsToDigraphs(lower).replaceAll("ß", "ss"));
  if (/[aou]e|ss/.test(lower)) variantsSpaced.push(digraphsToVowels(lower).replaceAll("ss", "ß"));
  // "Smith and Jones" also looks for "Smith Jones" (the index has "Smith & Jones" that way).
  for (const v of [...variantsSpaced]) if (dropConnectives(v) !== v) variantsSpaced.push(dropConnectives(v));
  const unique = [...new Set(variantsSpaced)];
  const terms = unique.map((v) => termsOf(dropConnectives(v)));
  const foldedWords = unique.map((v) => dropConnectives(v).split(" ").filter(Boolean).map(fold));
  const folded = unique.map((v) => fold(dropConnectives(v).replaceAll(" ", "")));
  return {
    spaced,
    compact,
    variants: unique.map((v) => v.replaceAll(" ", "")),
    terms,
    folded,
    literal: fold(dropConnectives(full).replaceAll(" ", "")),
    foldedTerms: terms.map((ts) => ts.map(fold)),
    foldedWords,
    typoBudget: Math.min(2, Math.max(wholeAllowance(folded[0], foldedWords[0].length), sum(foldedWords[0].map(typoAllowance)))),
    legalFormOnly: stripLegalForms(`x ${full}`) === "x",
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Splits a spaced query into substring terms of at least 3 characters (what a
 * trigram index can look up): words shorter than that are glued to the
 * previous term (or to the next one when they come first), because the index
 * ignores spaces ("a b c trading" -> ["abc", "trading"]).
 */
export function termsOf(spaced: string): string[] {
  const words = spaced.split(" ").filter(Boolean);
  const terms: string[] = [];
  let pending = "";
  for (const w of words) {
    const cur = pending + w;
    if (Array.from(cur).length >= 3) {
      terms.push(cur);
      pending = "";
    } else {
      pending = cur;
    }
  }
  if (pending) {
    if (terms.length) terms[terms.length - 1] += pending;
    else terms.push(pending);
  }
  return terms;
}

/**
 * The smallest edit distance between `query` and any substring of `text`
 * (Sellers' algorithm), counting an adjacent transposition as one edit
 * ("siemnes" is one typo away from "siemens"): the restricted
 * Damerau-Levenshtein distance. With `max`, may stop early and return max + 1
 * as soon as the distance must exceed `max`.
 *
 * Ranking calls this for every candidate name of a typo search (hundreds per
 * query), so a query of up to 32 UTF-16 units without surrogate pairs runs
 * the bit-parallel form (`bitParallelDistance`); longer ones run the table.
 */
export function substringDistance(query: string, text: string, max = Infinity): number {
  if (query.length <= 32 && !SURROGATE.test(query) && !SURROGATE.test(text)) return bitParallelDistance(query, text);
  return tableDistance(query, text, max);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The table form of `substringDistance` (any length, code points). */
function tableDistance(query: string, text: string, max: number): number {
  const q = Array.from(query);
  const t = Array.from(text);
  const n = t.length;
  let before = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  let prevMin = 0;
  for (let i = 1; i <= q.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let v = Math.min(prev[j - 1] + (q[i - 1] === t[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
      if (i > 1 && j > 1 && q[i - 1] === t[j - 2] && q[i - 2] === t[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A row's minimum never drops by more than one transposition step below the previous rows'.
    if (rowMin > max && prevMin > max) return max + 1;
    prevMin = rowMin;
    [before, prev, cur] = [prev, cur, before];
  }
  let best = Infinity;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** Per query: for each UTF-16 unit, the bit mask of its positions in the query (bit i = unit i). */
const positionMasks = new Map<string, Map<number, number>>();

function masksOf(query: string): Map<number, number> {
  let masks = positionMasks.get(query);
  if (!masks) {
    masks = new Map();
    for (let i = 0; i < query.length; i++) {
      const c = query.charCodeAt(i);
      masks.set(c, (masks.get(c) ?? 0) | (1 << i));
    }
    // Ranking uses a handful of query forms at a time; keep the cache small.
    if (positionMasks.size >= 64) positionMasks.clear();
    positionMasks.set(query, masks);
  }
  return masks;
}

/**
 * `substringDistance` for a query of 1 to 32 UTF-16 units: Myers' bit-vector
 * algorithm with Hyyrö's transposition term (H. Hyyrö, "Bit-parallel
 * approximate string matching algorithms with transposition", 2005). One
 * column of the table is two 32-bit words (its vertical steps up and down);
 * a text character costs a dozen word operations instead of a column of cells.
 * Bits above the query's length hold garbage that never reaches the lower
 * ones (carries and shifts only move up).
 */
function bitParallelDistance(query: string, text: string): number {
  const m = query.length;
  if (m === 0) return 0;
  const masks = masksOf(query);
  const last = 1 << (m - 1);
  let vp = -1;
  let vn = 0;
  let d0 = 0;
  let prevEq = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const eq = masks.get(text.charCodeAt(j)) ?? 0;
    const transposed = ((~d0 & eq) << 1) & prevEq;
    d0 = (((eq & vp) + vp) ^ vp) | eq | vn | transposed;
    let hp = vn | ~(d0 | vp);
    let hn = vp & d0;
    if (hp & last) score++;
    else if (hn & last) score--;
    // The first row is all zeros (a match may start anywhere): nothing shifts in.
    hp <<= 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    prevEq = eq;
    if (score < best) best = score;
  }
  return best;
}

/** Typos tolerated in one word of the query: one from 5 characters, two from 9 (Latin letters, not numbers). */
export function typoAllowance(word: string): number {
  const chars = Array.from(word);
  if (chars.some(isWide) || /^[0-9]+$/.test(word)) return 0;
  return chars.length >= 9 ? 2 : chars.length >= 5 ? 1 : 0;
}

/**
 * Typos tolerated in the query read as one word (spaces ignored: "Micro soft"
 * = "Microsoft"): one from 5 characters; two from 9 only for a single word.
 */
function wholeAllowance(compact: string, words: number): number {
  if (!fuzzyEligible(compact)) return 0;
  return words <= 1 ? typoAllowance(compact) : 1;
}

/**
 * The number of typos between the query and a name (folded, compact), or
 * null when more than allowed. Two readings, the better one counts:
 * - the whole query as one word (spaces ignored) within `wholeAllowance`;
 * - word by word: every word found in the name within its own
 *   `typoAllowance` (short words exactly), the typos added up.
 */
export function typoDistance(compact: string, words: string[], name: string): number | null {
  let best: number | null = null;
  const whole = wholeAllowance(compact, words.length);
  if (whole > 0) {
    const d = substringDistance(compact, name, whole);
    if (d <= whole) best = d;
  }
  if (words.length > 1 && best !== 0) {
    let total = 0;
    for (const w of words) {
      const allowed = typoAllowance(w);
      const d = allowed === 0 ? (name.includes(w) ? 0 : 1) : substringDistance(w, name, allowed);
      if (d > allowed) return best;
      total += d;
    }
    if (best === null || total < best) best = total;
  }
  return best;
}

/** How well a name matches, best first. */
export enum MatchClass {
  Exact = 0,
  Prefix = 1,
  WordPrefix = 2,
  Substring = 3,
  Fuzzy = 4,
}

/** Typos are tolerated for Latin queries of at least this many characters. */
export const FUZZY_MIN_LENGTH = 5;

/** Whether the (compact) query may be matched with one typo. */
export function fuzzyEligible(compact: string): boolean {
  const chars = Array.from(compact);
  return chars.length >= FUZZY_MIN_LENGTH && !chars.some(isWide) && !/^[0-9]+$/.test(compact);
}

/** A candidate's match against the query; smaller is better in every field. */
export interface Match {
  cls: MatchClass;
  /** Which spelling variant matched (0 = as typed). */
  variant: number;
  /** Edit distance for fuzzy matches, else 0. */
  distance: number;
  /** 0 when the name equals the query including its legal form ("Acme Ltd" for "acme ltd"), else 1. */
  literal?: 0 | 1;
}

/** Number matches (tax, registration) by substring need at least this many characters. */
export const NUMBER_SUBSTRING_MIN_LENGTH = 6;

/**
 * Classifies a candidate name against the parsed query: exact (same core) >
 * prefix > starts a word > substring (all terms, in any place) > one typo.
 * Returns null when it does not match at all (the index returns a superset:
 * German variants, typo candidates). Tax and registration numbers
 * (`isNumber`) match exactly, by prefix or by a long enough substring, never
 * with a typo.
 */
export function classify(query: ParsedQuery, name: string, isNumber: boolean): Match | null {
  const spaced = spacedForm(name);
  const nameSpaced = isNumber ? spaced : dropConnectives(query.legalFormOnly ? spaced : stripLegalForms(spaced));
  const wordStarts = new Set<number>();
  let nameFolded = "";
  for (const w of nameSpaced.split(" ")) {
    wordStarts.add(nameFolded.length);
    nameFolded += fold(w);
  }
  let best: Match | null = null;
  const consider = (m: Match) => {
    if (!best || m.cls < best.cls || (m.cls === best.cls && (m.variant < best.variant || (m.variant === best.variant && m.distance < best.distance)))) best = m;
  };
  query.folded.forEach((q, variant) => {
    if (nameFolded === q) return consider({ cls: MatchClass.Exact, variant, distance: 0 });
    if (nameFolded.startsWith(q)) return consider({ cls: MatchClass.Prefix, variant, distance: 0 });
    const long = Array.from(q).length >= NUMBER_SUBSTRING_MIN_LENGTH;
    if (isNumber && !long) return;
    const at = nameFolded.indexOf(q);
    if (at >= 0) {
      let wordStart = false;
      for (let i = at; i >= 0 && !wordStart; i = nameFolded.indexOf(q, i + 1)) wordStart = wordStarts.has(i);
      return consider({ cls: wordStart ? MatchClass.WordPrefix : MatchClass.Substring, variant, distance: 0 });
    }
    const terms = query.foldedTerms[variant];
    if (terms.length > 1 && terms.every((t) => nameFolded.includes(t))) {
      return consider({ cls: MatchClass.Substring, variant, distance: 0 });
    }
    if (!isNumber) {
      const distance = typoDistance(q, query.foldedWords[variant], nameFolded);
      if (distance !== null && distance > 0) consider({ cls: MatchClass.Fuzzy, variant, distance });
    }
  });
  if (best) (best as Match).literal = fold(dropConnectives(spaced).replaceAll(" ", "")) === query.literal ? 0 : 1;
  return best;
}
