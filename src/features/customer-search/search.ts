import {
  customersByIds,
  namesContainingPair,
  namesEqualTo,
  namesStartingWith,
  namesWithParts,
  namesWithPartsEach,
  namesWithWords,
  type SearchNameRow,
  wordsNear,
} from "@/server/sql/customer-search";
import {
  commonWords,
  correctionLookups,
  ensureTrigramStats,
  lookupParts,
  selectiveLookups,
  typedWords,
  twoTypoLookups,
  typoLookups,
  vocabularyKeys,
} from "./plan";
import { CJK_LEGAL_SUFFIXES, classify, isWide, LATIN_LEGAL_SUFFIXES, type Match, MatchClass, parseQuery, type ParsedQuery } from "./normalize";

/** One customer found in the directory. `matched` is the name or number that matched. */
export interface DirectoryHit {
  id: string;
  name: string;
  nameZh: string;
  matched: string;
  acceptsRequests: boolean;
}

/** Never more results than this, whatever the caller asks. */
export const MAX_RESULTS = 10;
/** Rows fetched from the index per look-up before ranking. */
const CANDIDATES = 100;
/** Rows fetched per typo look-up. */
const FUZZY_CANDIDATES = 60;
/** Vocabulary words fetched for the typed words' corrections, at most. */
const VOCABULARY_WORDS = 200;

const NUMBER_KINDS = new Set(["TAX_ID", "REGISTRATION"]);
/** Tie-break between equally good matches: the customer's own names, then aliases, then numbers. */
const KIND_ORDER: Record<string, number> = { NAME: 0, NAME_ZH: 0, TRADING: 1, CHINESE: 1, FORMER: 2, OTHER: 2, TAX_ID: 3, REGISTRATION: 3 };

/** Frequent combined legal forms, tried as exact names ("Acme" finds "ACME Co., Ltd." as exact). */
const COMBINED_SUFFIXES = [
  "co ltd",
  "co limited",
  "company limited",
  "co inc",
  "co llc",
  "pte ltd",
  "pvt ltd",
  "pty ltd",
  "sdn bhd",
  "gmbh co kg",
  "ag co kg",
  "s a de c v",
  "group co ltd",
  "holdings ltd",
  "holdings inc",
  "group inc",
  "group ltd",
];
const CJK_COMBINED_SUFFIXES = ["集团有限公司", "集团股份有限公司", "科技有限公司"];

interface Scored {
  row: SearchNameRow;
  match: Match;
}

/**
 * Searches the customer directory by any name, alias (trading, Chinese,
 * former, other), tax or registration number. Ignores case, accents,
 * punctuation and legal forms; matches parts of words and of Chinese names;
 * tolerates typos (one per Latin word of 5+ characters, two from 9), "and"
 * for "&" (und, et, 和) and missing or extra spaces. Best matches first:
 * exact > prefix > word start > substring > typo (fewer typos first); equally good matches
 * prefer the customer's own name over an alias, then the shorter name.
 * At most 10 results. See docs/decisions/0003-customer-search.md.
 */
export async function searchDirectory(query: string, limit = 10): Promise<DirectoryHit[]> {
  const max = Math.min(Math.max(Math.floor(limit), 0), MAX_RESULTS);
  const parsed = parseQuery(query);
  if (!parsed || max === 0) return [];

  const scored = new Map<number, Scored | null>();
  /** Classifies new rows; returns how many of `rows` match the query at all. */
  const add = (rows: SearchNameRow[]) => {
    let matching = 0;
    for (const row of rows) {
      if (!scored.has(row.id)) {
        const match = classify(parsed, row.text, NUMBER_KINDS.has(row.kind));
        scored.set(row.id, match ? { row, match } : null);
      }
      if (scored.get(row.id)) matching++;
    }
    return matching;
  };
  /** Customers found so far with a match at least as good as `cls`. */
  const customersUpTo = (cls: MatchClass) => {
    const ids = new Set<string>();
    for (const s of scored.values()) if (s && s.match.cls <= cls) ids.add(s.row.customerId);
    return ids.size;
  };

  const length = Array.from(parsed.compact).length;
  await ensureTrigramStats();
  // 1. Exact names (B-tree) and names starting with the query (index), at once.
  const [exact, starting] = await Promise.all([
    namesEqualTo(exactProbes(parsed), CANDIDATES),
    namesStartingWith(
      parsed.variants,
      parsed.variants.map((v) => lookupParts([{ text: v, atStart: true }])),
      CANDIDATES,
    ),
  ]);
  add(exact);
  add(starting);

  // Typos are looked for only when nothing starts with the query (step 3). The typed words' corrections
  // are asked for now, beside step 2: one round trip less for a typo (where the engine keeps the
  // directory's words; elsewhere no statement).
  const readings = customersUpTo(MatchClass.Prefix) === 0 && parsed.typoBudget > 0 ? typedWords(parsed) : null;
  const corrections = readings ? wordsNear(vocabularyKeys(readings), VOCABULARY_WORDS) : null;
  // Unused when step 2 fills the results: its failure must not go unhandled.
  corrections?.catch(() => {});

  // 2. Anywhere in a name: every term (trigram path), or a pair of Chinese characters.
  if (customersUpTo(MatchClass.Prefix) < max) {
    if (length >= 3) {
      const alternatives = parsed.terms
        .filter((terms) => terms.every((t) => Array.from(t).length >= 3))
        .map((terms) => lookupParts(terms.map((text) => ({ text }))));
      if (alternatives.length) add(await namesWithParts(alternatives, CANDIDATES, commonWords(parsed.foldedWords[0], alternatives[0])));
    } else if (length === 2 && Array.from(parsed.compact).every(isWide)) {
      add(await namesContainingPair([parsed.compact], CANDIDATES));
    }
  }

  // 3. Typos: only when nothing starts with the query and there is room for
  //    more results. First the typed words corrected against the directory's
  //    words (where the engine keeps them: decision 0015); when that finds no
  //    name with typos, look-ups by trigrams in rounds: every one-typo look-up,
  //    then, when the query allows two typos, both typos in one long word,
  //    then one in each of two words, each round only when the ones before
  //    found no name with typos. After a correction that found nothing, a
  //    match can only be inside a longer word or across words: then only
  //    look-ups expected to return every name they match are sent (a common
  //    one would return an arbitrary few of thousands, at most of the cost).
  if (readings && corrections && customersUpTo(MatchClass.Substring) < max) {
    const vocabulary = await corrections;
    const corrected = vocabulary?.length ? add(await namesWithWords(correctionLookups(readings, vocabulary), CANDIDATES)) : 0;
    if (corrected === 0) {
      const two = parsed.typoBudget >= 2 ? twoTypoLookups(parsed.foldedWords[0]) : [];
      // One word that may carry two typos, no word of the directory within them: the match, if any, is
      // inside a longer word or across words. The two-typo look-ups find every such name with one typo
      // as well, so the one-typo round (likely to find nothing) is left out.
      const uncorrectable = vocabulary !== null && parsed.foldedWords[0].length === 1 && two.length > 0;
      const rounds = [uncorrectable ? [] : typoLookups(parsed.compact), two.filter((l) => l.inOneWord), two.filter((l) => !l.inOneWord)];
      const selection = vocabulary === null ? {} : { maxMatches: FUZZY_CANDIDATES, fallback: false };
      for (const [i, round] of rounds.entries()) {
        if (i > 0 && customersUpTo(MatchClass.Fuzzy) > 0) break;
        const lookups = selectiveLookups(
          round.map((l) => lookupParts(l.pieces, { few: true })),
          selection,
        );
        if (lookups.length) add(await namesWithPartsEach(lookups, FUZZY_CANDIDATES));
      }
    }
  }

  // Best match per customer, best customers first.
  const best = new Map<string, Scored>();
  for (const s of scored.values()) {
    if (!s) continue;
    const cur = best.get(s.row.customerId);
    if (!cur || compare(s, cur) < 0) best.set(s.row.customerId, s);
  }
  const top = [...best.values()].sort(compare).slice(0, max);
  if (!top.length) return [];
  const customers = await customersByIds(top.map((s) => s.row.customerId));
  const byId = new Map(customers.map((c) => [c.id, c]));
  return top.flatMap((s) => {
    const c = byId.get(s.row.customerId);
    return c ? [{ id: c.id, name: c.name, nameZh: c.nameZh, matched: s.row.text, acceptsRequests: c.acceptsRequests }] : [];
  });
}

function compare(a: Scored, b: Scored): number {
  return (
    a.match.cls - b.match.cls ||
    (a.match.literal ?? 1) - (b.match.literal ?? 1) ||
    a.match.variant - b.match.variant ||
    a.match.distance - b.match.distance ||
    (KIND_ORDER[a.row.kind] ?? 2) - (KIND_ORDER[b.row.kind] ?? 2) ||
    Array.from(a.row.text).length - Array.from(b.row.text).length ||
    a.row.text.localeCompare(b.row.text) ||
    a.row.customerId.localeCompare(b.row.customerId)
  );
}

/** Spaced forms that count as the same name as the query: the query itself and with a legal form added. */
function exactProbes(q: ParsedQuery): string[] {
  const latin = [...LATIN_LEGAL_SUFFIXES, ...COMBINED_SUFFIXES].map((s) => `${q.spaced} ${s}`);
  const cjk = [...CJK_LEGAL_SUFFIXES, ...CJK_COMBINED_SUFFIXES].map((s) => q.spaced + s);
  return [q.spaced, ...latin, ...cjk];
}
