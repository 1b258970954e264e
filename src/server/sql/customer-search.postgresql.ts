/**
 * The customer directory search's SQL on PostgreSQL: the same functions as
 * ./customer-search.ts (SQLite FTS5), which calls these when the app runs on
 * PostgreSQL. The index (CustomerSearchName with generated `spaced`, `key` and
 * `pairs` columns, a GIN trigram index on `key`, a GIN index on `pairs`, and
 * the triggers on Customer and CustomerAlias) is created by
 * prisma/postgresql/raw/20261127143700_customer_search.sql.
 *
 * FTS5 phrase queries on the trigram tokenizer are substring matches; here
 * they are `LIKE '%part%'` on the folded key (the trigram index answers them).
 * Differences from SQLite: folding uses PostgreSQL's lower() and unaccent
 * (FTS5 removes diacritics from Latin letters only; unaccent also turns
 * ligatures such as "æ" into "ae"); the order of candidates before ranking
 * is the database's and ranking happens in the feature as on SQLite.
 */
import { Prisma } from "@/generated/prisma/client";
import { db, read } from "@/server/db";
import type { NamePart, SearchNameRow, WordLookup } from "./customer-search";

const START = "\u0002\u0002";
const END = "\u0003";

type Row = { id: number | bigint; customerId: string; kind: string; text: string };
const rows = (r: Row[]): SearchNameRow[] => r.map((x) => ({ ...x, id: Number(x.id) }));

/** `text` folded by the database as the key is, with LIKE's wildcards escaped. */
const likeLiteral = (text: string) => Prisma.sql`replace(replace(replace(sc_search_fold(${text}), '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/** `key LIKE '%part%'` (the trigram index answers it). */
function contains(part: NamePart): Prisma.Sql {
  return Prisma.sql`n."key" LIKE ('%' || ${likeLiteral(part.atStart ? START + part.text : part.text)} || '%')`;
}

function allOf(parts: NamePart[]): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(parts.map(contains), " AND ")})`;
}

/**
 * `values` as one text[] parameter, whatever their number. The planner sees
 * the values (the driver sends an unnamed statement, planned with them), so
 * the index statistics estimate how common they are.
 */
const textArray = (values: string[]) => Prisma.sql`${values}::text[]`;

const SELECT = Prisma.sql`SELECT n."id", n."customerId", n."kind", n."text" FROM "CustomerSearchName" n`;

export async function namesEqualTo(spaced: string[], limit: number): Promise<SearchNameRow[]> {
  if (!spaced.length) return [];
  return rows(
    await read.statement<Row>(Prisma.sql`${SELECT}
      WHERE n."spaced" = ANY (${textArray(spaced)})
      LIMIT ${limit}`),
  );
}

/**
 * With `wholeWords`, names having them all as whole words first (GIN on
 * `words`; a common word's names are dense, so the scan stops early), and the
 * trigram look-up only when those are fewer than `limit`: the trigram index
 * would first collect every name containing the word (30,000 for
 * "pharmaceuticals" at 1M customers).
 */
export async function namesWithParts(alternatives: NamePart[][], limit: number, wholeWords: string[] = []): Promise<SearchNameRow[]> {
  const whole = wholeWords.length ? await read.statement<Row>(Prisma.sql`${SELECT} WHERE n."words" @> ${textArray(wholeWords)} LIMIT ${limit}`) : [];
  const usable = alternatives.filter((a) => a.length);
  if (whole.length >= limit || !usable.length) return rows(whole);
  const found = await read.statement<Row>(Prisma.sql`${SELECT} WHERE ${Prisma.join(usable.map(allOf), " OR ")} LIMIT ${limit}`);
  return distinct([...whole, ...found]);
}

export async function namesWithPartsEach(lookups: NamePart[][], limit: number): Promise<SearchNameRow[]> {
  const usable = lookups.filter((l) => l.length);
  if (!usable.length) return [];
  return eachOf(usable.map((parts) => Prisma.sql`(${SELECT} WHERE ${allOf(parts)} LIMIT ${limit})`));
}

/**
 * Several limited look-ups, each name once. Each is its own statement, all
 * sent at once on the pool's connections: PostgreSQL plans and runs them in
 * parallel (a typo search's dozen look-ups in one UNION ran on one core:
 * one typo 31 -> 22 ms p95 at 1M customers, docs/benchmarks.md).
 */
async function eachOf(arms: Prisma.Sql[]): Promise<SearchNameRow[]> {
  return distinct((await Promise.all(arms.map((arm) => read.statement<Row>(arm)))).flat());
}

/** Rows, each name once. */
function distinct(found: Row[]): SearchNameRow[] {
  const seen = new Set<string>();
  return rows(found.filter((r) => !seen.has(String(r.id)) && seen.add(String(r.id))));
}

/**
 * Names whose key starts with one of `prefixes`: a range of the B-tree on the
 * key (text_pattern_ops), which stops after `limit` names however common the
 * prefix is (the trigram index would first collect every name containing it).
 */
export async function namesStartingWith(prefixes: string[], limit: number): Promise<SearchNameRow[]> {
  const usable = prefixes.filter(Boolean);
  if (!usable.length) return [];
  return eachOf(usable.map((p) => Prisma.sql`(${SELECT} WHERE n."key" LIKE (${likeLiteral(START + p)} || '%') LIMIT ${limit})`));
}

export async function namesContainingPair(pairs: string[], limit: number): Promise<SearchNameRow[]> {
  if (!pairs.length) return [];
  return rows(
    await read.statement<Row>(Prisma.sql`${SELECT}
      WHERE n."pairs" && ${textArray(pairs)}
      LIMIT ${limit}`),
  );
}

export async function wordsNear(keys: string[], limit: number): Promise<string[]> {
  if (!keys.length) return [];
  const found = await read.statement<{ word: string }>(Prisma.sql`SELECT "sc_search_words_near"(${textArray(keys)}) AS "word"`);
  return found.slice(0, limit).map((r) => r.word);
}

/**
 * Each look-up: names with a word of every group (GIN index on `words`) and
 * every filter text in the key (the trigram index, when the planner finds
 * that cheaper).
 */
export async function namesWithWords(lookups: WordLookup[], limit: number): Promise<SearchNameRow[]> {
  const arms = lookups
    .filter((l) => l.groups.length)
    .map(({ groups, filters }) => {
      const conditions = [...groups.map((g) => Prisma.sql`n."words" && ${textArray(g)}`), ...filters.map((text) => contains({ text }))];
      return Prisma.sql`${SELECT} WHERE ${Prisma.join(conditions, " AND ")} LIMIT ${limit}`;
    });
  return eachOf(arms);
}

export async function customersByIds(ids: string[]): Promise<{ id: string; name: string; nameZh: string; acceptsRequests: boolean }[]> {
  if (!ids.length) return [];
  return read.statement<{ id: string; name: string; nameZh: string; acceptsRequests: boolean }>(Prisma.sql`
    SELECT "id", "name", "nameZh", "acceptsRequests" FROM "Customer"
    WHERE "id" = ANY (${textArray(ids)})`);
}

export async function sampleKeys(size: number, blocks: number): Promise<{ keys: string[]; total: number }> {
  const [{ maxId }] = await read.statement<{ maxId: number | bigint | string | null }>(Prisma.sql`SELECT max("id") AS "maxId" FROM "CustomerSearchName"`);
  const max = Number(maxId ?? 0);
  if (!max) return { keys: [], total: 0 };
  const per = Math.ceil(size / blocks);
  const starts = max <= size ? [1] : Array.from({ length: blocks }, () => 1 + Math.floor(Math.random() * Math.max(1, max - per)));
  const found = await read.statement<{ spaced: string }>(Prisma.sql`
    SELECT n."spaced" FROM jsonb_array_elements_text(${JSON.stringify(starts)}::jsonb) j
    JOIN "CustomerSearchName" n ON n."id" BETWEEN j::bigint AND j::bigint + ${max <= size ? max : per - 1}`);
  return { keys: found.map((r) => START + r.spaced.replaceAll(" ", "") + END), total: max };
}

/**
 * Maintenance: moves the GIN indexes' pending entries (fast-update list) into
 * the main index and refreshes the planner's statistics. Counted as FTS5
 * segments are: a non-empty pending list is a second "segment"; after, one.
 */
export async function optimizeIndex(): Promise<{ before: number; after: number }> {
  const [{ cleaned }] = await db.$queryRaw<{ cleaned: number | bigint }[]>`
    SELECT gin_clean_pending_list('"CustomerSearchName_key_idx"'::regclass) + gin_clean_pending_list('"CustomerSearchName_pairs_idx"'::regclass) AS cleaned`;
  await db.$executeRawUnsafe(`ANALYZE "CustomerSearchName"`);
  return { before: Number(cleaned) > 0 ? 2 : 1, after: 1 };
}

/**
 * The search-index job on PostgreSQL. There are no segments to merge: the GIN
 * indexes keep new entries in a pending list (fastupdate) that every search
 * scans until VACUUM or the list's size limit moves them into the index.
 * After a bulk import that list can hold megabytes, so the job moves it now
 * (gin_clean_pending_list: cheap when empty). Counted as FTS5 segments are
 * (optimizeIndex): a non-empty pending list is a second "segment". Statistics
 * and dead rows stay autovacuum's work: an ANALYZE every few minutes of a
 * million-row table would cost more than it gives.
 */
export async function mergeIndexStep(): Promise<{ before: number; after: number; steps: number }> {
  const [{ cleaned }] = await db.$queryRaw<{ cleaned: number | bigint }[]>`
    SELECT gin_clean_pending_list('"CustomerSearchName_key_idx"'::regclass) + gin_clean_pending_list('"CustomerSearchName_pairs_idx"'::regclass) AS cleaned`;
  return { before: Number(cleaned) > 0 ? 2 : 1, after: 1, steps: 1 };
}

export async function indexedSpacedForm(customerId: string, kind: string): Promise<string | null> {
  const found = await db.$queryRaw<{ spaced: string }[]>`
    SELECT "spaced" FROM "CustomerSearchName" WHERE "customerId" = ${customerId} AND "kind" = ${kind} AND "aliasId" IS NULL`;
  return found[0]?.spaced ?? null;
}
