/**
 * Which index look-ups answer a query. An FTS5 look-up costs a walk through
 * the posting list of each trigram it names, and common trigrams ("ent",
 * "ing", "pac") have hundreds of thousands of entries in a large directory.
 * So a look-up names only the few RAREST trigrams of what it needs (rarity
 * estimated from a sample of the index, refreshed every few minutes); the
 * candidates are a superset, verified against the full query by `classify`.
 */
import { KEY_START as START, sampleKeys, type NamePart, type WordLookup } from "@/server/sql/customer-search";
import { fuzzyEligible, isWide, type ParsedQuery, substringDistance, typoAllowance } from "./normalize";
/** Trigrams named per look-up, at most. */
const TRIGRAMS_PER_LOOKUP = 3;
/** Expected matches small enough to stop adding trigrams to a look-up. */
const EXPECTED_ENOUGH = 10;
const SAMPLE_SIZE = 20_000;
const SAMPLE_BLOCKS = 200;
const SAMPLE_TTL_MS = 10 * 60_000;

/**
 * For each trigram of the sample (folded like the tokenizer: lower case, no
 * diacritics), the sample keys containing it (ascending positions); its
 * length is the trigram's count.
 */
let stats: { postings: Map<string, number[]>; sampled: number; total: number; at: number } | null = null;
let loading: Promise<void> | null = null;

const tokenFold = (s: string) => (/^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase());

/** Loads (or refreshes) the trigram statistics; cheap (one indexed read of ~20k rows). */
export async function ensureTrigramStats(): Promise<void> {
  if (stats && Date.now() - stats.at < SAMPLE_TTL_MS) return;
  loading ??= (async () => {
    try {
      const postings = new Map<string, number[]>();
      const { keys, total } = await sampleKeys(SAMPLE_SIZE, SAMPLE_BLOCKS);
      keys.forEach((key, at) => {
        const chars = Array.from(tokenFold(key));
        const seen = new Set<string>();
        for (let i = 0; i + 3 <= chars.length; i++) seen.add(chars.slice(i, i + 3).join(""));
        for (const t of seen) {
          const list = postings.get(t);
          if (list) list.push(at);
          else postings.set(t, [at]);
        }
      });
      stats = { postings, sampled: keys.length, total, at: Date.now() };
    } finally {
      loading = null;
    }
  })();
  await loading;
}

/** Sample keys containing trigram `t`. */
const sampleCount = (t: string) => stats?.postings.get(tokenFold(t))?.length ?? 0;

/**
 * The trigrams of `key` (anchors included), rarest first, not overlapping
 * each other: neighbouring trigrams of one word are strongly correlated, so
 * naming both adds work but little selectivity. `others`: the rest of its
 * trigrams, rarest first, for when those are not selective enough.
 */
function rarestTrigrams(key: string, count: number): { chosen: string[]; others: string[] } {
  const chars = Array.from(key);
  const found: { t: string; n: number; at: number }[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) {
    const t = chars.slice(i, i + 3).join("");
    found.push({ t, n: sampleCount(t), at: i });
  }
  found.sort((a, b) => a.n - b.n || a.at - b.at);
  const chosen: typeof found = [];
  for (const f of found) {
    if (chosen.length >= count) break;
    if (chosen.every((c) => Math.abs(c.at - f.at) >= 3 && tokenFold(c.t) !== tokenFold(f.t))) chosen.push(f);
  }
  return { chosen: chosen.map((c) => c.t), others: found.filter((f) => !chosen.includes(f)).map((f) => f.t) };
}

/** Estimated share of indexed names containing trigram `t`. */
function share(t: string): number {
  if (!stats?.sampled) return 1;
  return Math.max(sampleCount(t), 0.5) / stats.sampled;
}

/**
 * Index parts that every name containing all of `pieces` matches: the rarest
 * trigrams among them, as few as needed. A piece `atStart` must begin the
 * name (the anchors the triggers write around each key). Trigrams are added,
 * rarest first, until the expected number of matches (independence
 * assumption) is small; each extra common trigram would only add work. With
 * `few` (typo look-ups, which return only a few dozen names each, so an
 * unselective one returns arbitrary ones) the matches counted in the sample
 * must be few as well: trigrams that come together ("nfo" and "fin" of
 * "finenfoods") are as common as one of them, and a trigram overlapping the
 * chosen ones is added when needed.
 */
export function lookupParts(pieces: { text: string; atStart?: boolean }[], options: { max?: number; few?: boolean } = {}): NamePart[] {
  const { max = TRIGRAMS_PER_LOOKUP, few = false } = options;
  const perPiece = pieces
    .map((p) => (p.atStart ? START : "") + p.text)
    .filter((k) => Array.from(k).length >= 3)
    .map((k) => rarestTrigrams(k, max));
  // The rarest trigram of each piece first (each piece is independent evidence), then the rest by rarity,
  // then, only if the sample still counts too many names, trigrams overlapping those.
  const byShare = (a: string, b: string) => share(a) - share(b);
  const firsts = perPiece.map((ts) => ts.chosen[0]).sort(byShare);
  const rest = perPiece.flatMap((ts) => ts.chosen.slice(1)).sort(byShare);
  const overlapping = perPiece.flatMap((ts) => ts.others).sort(byShare);
  const total = stats?.total ?? 0;
  const parts: NamePart[] = [];
  let expected = Math.max(total, 1);
  for (const text of [...firsts, ...rest, ...(few ? overlapping : [])]) {
    const enough = parts.length >= firsts.length && expected <= EXPECTED_ENOUGH && (!few || estimatedMatches(parts) <= EXPECTED_ENOUGH);
    if (parts.length >= Math.max(max, firsts.length) || enough) break;
    if (parts.some((p) => tokenFold(p.text) === tokenFold(text))) continue;
    parts.push({ text });
    expected *= share(text);
  }
  return parts;
}

/** Positions in both ascending lists. */
function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out.push(a[i]);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * Estimated number of indexed names containing every part (trigrams, as
 * `lookupParts` returns them), counted in the sample itself: trigrams that
 * come together ("cor", "por" and "tio" of "corporation") count once, where
 * multiplying their shares would expect a handful of names instead of tens
 * of thousands.
 */
export function estimatedMatches(parts: NamePart[]): number {
  if (!stats?.sampled) return 0;
  const lists = parts.map((p) => stats!.postings.get(tokenFold(p.text)) ?? []).sort((a, b) => a.length - b.length);
  if (!lists.length) return stats.total;
  let found = lists[0];
  for (const list of lists.slice(1)) {
    if (!found.length) break;
    found = intersect(found, list);
  }
  return (found.length / stats.sampled) * stats.total;
}

/**
 * A typo look-up expected to match more names than this is left out: it
 * would return an arbitrary few of them (it is limited to a few dozen rows)
 * after the index had collected them all, which is most of a typo search's
 * time in a large directory.
 */
const TYPO_LOOKUP_MAX_MATCHES = 3000;

/**
 * The look-ups worth sending: those expected to match few enough names, each
 * set of trigrams once. When none of those is expected to match anything
 * (each names a trigram of the typo itself, and the look-ups that leave the
 * typo out match thousands: a slip in a common name, "bianchhi" for
 * "Bianchi"), the least common of the others is sent too (`fallback`), so
 * that real candidates come back.
 */
export function selectiveLookups(lookups: NamePart[][], { maxMatches = TYPO_LOOKUP_MAX_MATCHES, fallback = true } = {}): NamePart[][] {
  // Different windows often come down to the same rarest trigrams: one look-up each.
  const distinct = new Map(
    lookups.map((parts) => [
      parts
        .map((p) => tokenFold(p.text))
        .sort()
        .join("\u0000"),
      parts,
    ]),
  );
  const estimated = [...distinct.values()].map((parts) => ({ parts, n: estimatedMatches(parts) }));
  const kept = estimated.filter((l) => l.n <= maxMatches);
  const common = estimated.filter((l) => l.n > maxMatches);
  if (fallback && common.length && kept.every((l) => l.n === 0)) kept.push(common.reduce((a, b) => (b.n < a.n ? b : a)));
  return kept.map((l) => l.parts);
}

/** Expected matches from which a substring look-up counts as common (see `commonWords`). */
const COMMON_LOOKUP = 2000;

/**
 * The query's words for `namesWithParts`, when the look-up is expected to
 * match many names and each word can be indexed whole (4+ characters, no
 * CJK, as the word index keeps them); else none.
 */
export function commonWords(words: string[], lookup: NamePart[]): string[] {
  const indexable = words.length > 0 && words.every((w) => Array.from(w).length >= 4 && !Array.from(w).some(isWide));
  return indexable && estimatedMatches(lookup) > COMMON_LOOKUP ? words : [];
}

/** Typo look-ups per query, at most. */
const FUZZY_LOOKUPS = 12;

export interface TypoLookup {
  /** What the name must contain (the query around the left-out window). */
  pieces: { text: string; atStart?: boolean }[];
  /** Characters the look-up constrains: the larger, the more selective. */
  size: number;
  /** Two-typo look-ups: true for both typos in one long word, false for one in each of two words. */
  inOneWord?: boolean;
}

/**
 * Index look-ups that together find every name containing the query with one
 * typo (wrong, missing or extra letter, swapped neighbours). A look-up leaves
 * out a window of the query (`gap` letters) and asks for what comes before it
 * and after it; the windows overlap by one letter, so any typo, including a
 * swap, falls entirely inside one window and that look-up finds the name.
 * Pieces shorter than a trigram are dropped, except a short start of the
 * query, which is looked up at the start of the name. Longer queries use wider
 * windows so that there are never more than about 8 look-ups.
 */
export function typoLookups(compact: string): TypoLookup[] {
  const c = Array.from(compact);
  const n = c.length;
  const gap = n <= 12 ? 2 : n <= 20 ? 3 : Math.ceil(n / 8) + 1;
  const seen = new Set<string>();
  const lookups: TypoLookup[] = [];
  for (let p = 0; p < n; p += gap - 1) {
    const left = c.slice(0, p);
    const right = c.slice(p + gap);
    const pieces: TypoLookup["pieces"] = [];
    let size = 0;
    if (left.length >= 3 || (left.length > 0 && right.length >= 3)) {
      pieces.push(left.length < 3 ? { text: left.join(""), atStart: true } : { text: left.join("") });
      size += left.length;
    }
    if (right.length >= 3) {
      pieces.push({ text: right.join("") });
      size += right.length;
    }
    const key = JSON.stringify(pieces);
    if (size < 3 || seen.has(key)) continue;
    seen.add(key);
    lookups.push({ pieces, size });
  }
  return lookups.sort((a, b) => b.size - a.size).slice(0, FUZZY_LOOKUPS);
}

/**
 * Index look-ups for two typos (allowed in one word of 9+ letters, or one in
 * each of two words of 5+); one-typo look-ups already cover a single typo.
 * - Two words with a typo each: each half of one word (see `halves`) with
 *   each half of the other, so each look-up names text from both words.
 * - Two typos in one long word: the word is cut into segments (four from 12
 *   letters, else three); two typos leave one segment untouched, or two of
 *   four when neither straddles a cut. One look-up asks for each segment
 *   together with the other words of the query (intact when both typos are
 *   in this word), or, for a query of one word, for each pair of segments.
 * Candidates are verified by `classify`, as for one typo. `words` are the
 * query's words (folded, connectives removed), the first one starting the name.
 * The search sends the look-ups for one word first and the others only when
 * those found nothing (`inOneWord`).
 */
export function twoTypoLookups(words: string[]): TypoLookup[] {
  const lookups: TypoLookup[] = [];
  const len = (t: string) => Array.from(t).length;
  /**
   * Pieces of a word with one typo, one of which is intact: its first half,
   * its second half, or both without the two letters around the cut (a swap
   * across it). Only the first word may be anchored at the start of the name.
   */
  const halves = (word: string, first: boolean): TypoLookup["pieces"][] => {
    const c = Array.from(word);
    const cut = Math.floor(c.length / 2);
    const piece = (from: number, to: number) => {
      const text = c.slice(from, to).join("");
      return len(text) >= 3 ? [{ text }] : from === 0 && first && text ? [{ text, atStart: true }] : [];
    };
    const options = [piece(0, cut), piece(cut, c.length), [...piece(0, cut - 1), ...piece(cut + 1, c.length)]].filter((ps) => ps.length);
    // A short word's halves are too short to look up: then the other word alone has to do.
    return c.length < 7 ? [...options, []] : options;
  };
  const pairs: TypoLookup[] = [];
  const eligible = words
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => len(w) >= 5 && !/^[0-9]+$/.test(w))
    .sort((a, b) => len(b.w) - len(a.w))
    .slice(0, 2)
    .sort((a, b) => a.i - b.i);
  if (eligible.length === 2) {
    const [a, b] = eligible.map(({ w, i }) => halves(w, i === 0));
    for (const x of a)
      for (const y of b)
        if (x.length + y.length) pairs.push({ pieces: [...x, ...y], size: [...x, ...y].reduce((s, p) => s + len(p.text), 0), inOneWord: false });
  }
  const longWords = words
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => len(w) >= 9 && !/^[0-9]+$/.test(w))
    .sort((a, b) => len(b.w) - len(a.w))
    .slice(0, 2)
    .map(({ i }) => i);
  for (const long of longWords) {
    // Both typos in the long word: the other words are intact and narrow the look-up down.
    const others = words.filter((w, i) => i !== long && len(w) >= 3).map((text) => ({ text }));
    const c = Array.from(words[long]);
    const n = c.length;
    const parts = n >= 12 ? 4 : 3;
    const cuts = Array.from({ length: parts + 1 }, (_, i) => Math.round((i * n) / parts));
    const segments = cuts.slice(0, -1).map((from, i) => ({ text: c.slice(from, cuts[i + 1]).join(""), atStart: long === 0 && i === 0 }));
    const size = (ps: { text: string }[]) => ps.reduce((s, p) => s + len(p.text), 0);
    if (parts === 3 || others.length) {
      // One untouched segment is enough when the other words narrow the look-up down.
      for (const s of segments) lookups.push({ pieces: [s, ...others], size: size([s, ...others]), inOneWord: true });
    } else {
      for (let a = 0; a < parts; a++)
        for (let b = a + 1; b < parts; b++) {
          const pieces = [segments[a], segments[b], ...others];
          lookups.push({ pieces, size: size(pieces), inOneWord: true });
        }
      // Two swaps across two cuts leave only one segment: the start of the name is still selective.
      if (segments[0].atStart) lookups.push({ pieces: [segments[0]], size: size([segments[0]]), inOneWord: true });
    }
  }
  return [...lookups, ...pairs.sort((a, b) => b.size - a.size)].slice(0, 16);
}

/**
 * The forms of `word` with one character left out, and with two when `edits`
 * is 2: a word within `edits` typos of another shares such a form with it (or
 * is one of its forms). The vocabulary stores these for every word of the
 * directory (two-letter ones from 9 characters: migration 20261205010000).
 */
export function deletionForms(word: string, edits: number): string[] {
  const c = Array.from(word);
  const out = new Set<string>();
  for (let i = 0; i < c.length; i++) {
    const one = [...c.slice(0, i), ...c.slice(i + 1)];
    out.add(one.join(""));
    if (edits >= 2) for (let j = i; j < one.length; j++) out.add([...one.slice(0, j), ...one.slice(j + 1)].join(""));
  }
  return [...out];
}

/** A typed word, the typos it may carry on its own, and those it may carry in the query read as one word. */
interface TypedWord {
  word: string;
  edits: number;
  reach: number;
}

/** Vocabulary words kept per typed word: the closest first. */
const CORRECTIONS_PER_WORD = 20;

/**
 * How a query is read for correction against the directory's words: word by
 * word, each with its own typo allowance, or, when the query read as one
 * word may carry a typo, one in any word of 4+ characters ("Lmgo Cosmetics"
 * for "Limgo Cosmetics"); and, for several words, as one word with one typo
 * ("Micro sfot" = "Microsoft").
 */
export function typedWords(parsed: ParsedQuery): { words: TypedWord[]; whole: TypedWord | null } {
  const compact = parsed.folded[0];
  const several = parsed.foldedWords[0].length > 1 && fuzzyEligible(compact);
  const words = parsed.foldedWords[0].map((word) => {
    const edits = typoAllowance(word);
    const chars = Array.from(word);
    const latin = !chars.some(isWide) && !/^[0-9]+$/.test(word);
    return { word, edits, reach: edits > 0 ? edits : several && latin && chars.length >= 4 ? 1 : 0 };
  });
  return { words, whole: several ? { word: compact, edits: 1, reach: 1 } : null };
}

/** What to look up in the vocabulary: each typed word, and the deletion forms of those that may carry typos. */
export function vocabularyKeys({ words, whole }: ReturnType<typeof typedWords>): string[] {
  const keys = new Set<string>();
  for (const { word, reach } of whole ? [...words, whole] : words) {
    keys.add(word);
    if (reach > 0) for (const form of deletionForms(word, reach)) keys.add(form);
  }
  return [...keys];
}

/**
 * Look-ups by corrected words. Word by word: each word becomes the group of
 * vocabulary words within its reach; a word that may carry a typo of its own
 * and has no such word rules this reading out (the trigram look-ups must do),
 * another one becomes a text the name must contain (a short or partly typed
 * word). Read as one word: the vocabulary words within one typo of the whole
 * query. The names are checked by `classify`.
 */
export function correctionLookups({ words, whole }: ReturnType<typeof typedWords>, vocabulary: string[]): WordLookup[] {
  const near = ({ word, reach }: TypedWord) =>
    vocabulary
      .map((v) => ({ v, d: substringDistance(word, v, reach) }))
      .filter((x) => x.d <= reach)
      .sort((a, b) => a.d - b.d)
      .slice(0, CORRECTIONS_PER_WORD)
      .map((x) => x.v);
  const lookups: WordLookup[] = [];
  const groups: string[][] = [];
  const filters: string[] = [];
  let readable = words.some((w) => w.reach > 0);
  for (const w of words) {
    const group = near(w);
    if (group.length) groups.push(group);
    else if (w.edits > 0) readable = false;
    else filters.push(w.word);
  }
  if (readable && groups.length) lookups.push({ groups, filters });
  const wholeGroup = whole ? near(whole) : [];
  if (wholeGroup.length) lookups.push({ groups: [wholeGroup], filters: [] });
  return lookups;
}
