/**
 * Every raw SQL statement of the customer directory search, in one place
 * (SQLite FTS5 today; docs/decisions/0003-customer-search.md says how
 * PostgreSQL + pg_trgm replaces it). The index itself (CustomerSearchName,
 * CustomerSearchIndex and their triggers) is created by the migration
 * `20261127143700_customer_search`.
 *
 * Callers pass normalized text (src/features/customer-search/normalize.ts); user
 * input only ever reaches the database as bound parameters, and FTS5 query
 * syntax is built here from quoted phrases.
 */
import { Prisma } from "@/generated/prisma/client";
import { db, engine, read } from "@/server/db";
import * as postgres from "./customer-search.postgresql";

/** One indexed name of a customer. */
export interface SearchNameRow {
  /** Row id in the index. */
  id: number;
  customerId: string;
  /** NAME | NAME_ZH | TAX_ID | REGISTRATION | TRADING | CHINESE | FORMER | OTHER */
  kind: string;
  text: string;
}

/** Anchors the migration's triggers write around every key: `START + compact + END`. */
export const KEY_START = "\u0002\u0002";
export const KEY_END = "\u0003";
const START = KEY_START;
const END = KEY_END;
const PAIR_END = "\u0004";

/** An FTS5 phrase: the text in double quotes, quotes doubled. */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

async function matchIndex(match: string, limit: number): Promise<SearchNameRow[]> {
  const rows = await read.statement<SearchNameRow>(Prisma.sql`
    SELECT n.id, n.customerId, n.kind, n.text
    FROM "CustomerSearchName" n
    WHERE n.id IN (
      SELECT rowid FROM "CustomerSearchIndex" WHERE "CustomerSearchIndex" MATCH ${match} LIMIT ${limit}
    )`);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Names whose spaced form (see spacedForm) equals one of `spaced`: the B-tree path for exact names. */
export async function namesEqualTo(spaced: string[], limit: number): Promise<SearchNameRow[]> {
  if (engine === "postgresql") return postgres.namesEqualTo(spaced, limit);
  if (!spaced.length) return [];
  // One JSON parameter instead of ~130 bound values: much cheaper through the driver adapter.
  const rows = await read.statement<SearchNameRow>(Prisma.sql`
    SELECT id, customerId, kind, text FROM "CustomerSearchName"
    WHERE spaced IN (SELECT value FROM json_each(${JSON.stringify(spaced)}))
    LIMIT ${limit}`);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** A piece of a compact name: anywhere (>= 3 characters), or at its start (any length). */
export interface NamePart {
  text: string;
  atStart?: boolean;
}

/** The FTS5 expression for "every part" (each part one quoted phrase). */
function allOf(parts: NamePart[]): string {
  return `(${parts.map((p) => phrase(p.atStart ? START + p.text : p.text)).join(" AND ")})`;
}

/**
 * Names containing every part of at least one of the alternatives.
 * `wholeWords`: the query's words, when the look-up is expected to match many
 * names; an engine with a word index (PostgreSQL) takes names having them as
 * whole words first, which rank at least as well as any other (a word start).
 */
export function namesWithParts(alternatives: NamePart[][], limit: number, wholeWords: string[] = []): Promise<SearchNameRow[]> {
  if (engine === "postgresql") return postgres.namesWithParts(alternatives, limit, wholeWords);
  return matchIndex(`key : (${alternatives.map(allOf).join(" OR ")})`, limit);
}

/**
 * Names starting with one of `prefixes` (compact forms). FTS5 answers it with
 * `trigramParts`, the prefixes' rarest trigrams (anchored at the start), the
 * candidates being checked by the caller; PostgreSQL with a B-tree range.
 */
export function namesStartingWith(prefixes: string[], trigramParts: NamePart[][], limit: number): Promise<SearchNameRow[]> {
  if (engine === "postgresql") return postgres.namesStartingWith(prefixes, limit);
  return namesWithParts(trigramParts, limit);
}

/**
 * Several look-ups in one statement (one round trip): names containing every
 * part of each look-up, at most `limit` rows per look-up.
 */
export async function namesWithPartsEach(lookups: NamePart[][], limit: number): Promise<SearchNameRow[]> {
  if (engine === "postgresql") return postgres.namesWithPartsEach(lookups, limit);
  if (!lookups.length) return [];
  const arms = lookups.map(
    (parts) =>
      Prisma.sql`SELECT * FROM (SELECT rowid AS id FROM "CustomerSearchIndex" WHERE "CustomerSearchIndex" MATCH ${`key : ${allOf(parts)}`} LIMIT ${limit})`,
  );
  const rows = await read.statement<SearchNameRow>(Prisma.sql`
    SELECT n.id, n.customerId, n.kind, n.text
    FROM "CustomerSearchName" n
    WHERE n.id IN (${Prisma.join(arms, " UNION ALL ")})`);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Words of the directory's names within reach of typed ones: each equal to
 * one of `keys` (a typed word or one of its deletion forms, see
 * `deletionForms`) or having one of them among its own deletion forms. The
 * vocabulary exists on PostgreSQL, where typo look-ups by trigram are slow
 * (decision 0015); SQLite keeps none and answers null, without a statement.
 */
export function wordsNear(keys: string[], limit: number): Promise<string[] | null> {
  if (engine === "postgresql") return postgres.wordsNear(keys, limit);
  return Promise.resolve(null);
}

/** A look-up by corrected words: one word of each group (a whole word of the name), and every filter text anywhere in it. */
export interface WordLookup {
  groups: string[][];
  filters: string[];
}

/** Names matching each look-up, at most `limit` rows per look-up. */
export function namesWithWords(lookups: WordLookup[], limit: number): Promise<SearchNameRow[]> {
  if (engine === "postgresql") return postgres.namesWithWords(lookups, limit);
  // FTS5 has no word index: the words as substrings (a superset, checked by the caller); texts under a trigram are left out.
  const usable = lookups.filter((l) => l.groups.length);
  if (!usable.length) return Promise.resolve([]);
  const expression = (l: WordLookup) =>
    [...l.groups.map((g) => `(${g.map(phrase).join(" OR ")})`), ...l.filters.filter((f) => Array.from(f).length >= 3).map(phrase)].join(" AND ");
  return matchIndex(`key : (${usable.map((l) => `(${expression(l)})`).join(" OR ")})`, limit * usable.length);
}

/** Names containing the two wide (CJK) characters of a pair next to each other. */
export function namesContainingPair(pairs: string[], limit: number): Promise<SearchNameRow[]> {
  if (engine === "postgresql") return postgres.namesContainingPair(pairs, limit);
  return matchIndex(`grams : (${pairs.map((p) => phrase(p + PAIR_END)).join(" OR ")})`, limit);
}

/** The customers' display fields, by id (any order). */
export async function customersByIds(ids: string[]): Promise<{ id: string; name: string; nameZh: string; acceptsRequests: boolean }[]> {
  if (engine === "postgresql") return postgres.customersByIds(ids);
  if (!ids.length) return [];
  const rows = await read.statement<{ id: string; name: string; nameZh: string; acceptsRequests: number | bigint | boolean }>(Prisma.sql`
    SELECT id, name, nameZh, acceptsRequests FROM "Customer" WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return rows.map((r) => ({ ...r, acceptsRequests: Boolean(Number(r.acceptsRequests)) }));
}

/**
 * A sample of indexed keys (about `size` rows from `blocks` random places),
 * used to estimate how common each trigram is.
 */
export async function sampleKeys(size: number, blocks: number): Promise<{ keys: string[]; total: number }> {
  if (engine === "postgresql") return postgres.sampleKeys(size, blocks);
  const [{ maxId }] = await read.statement<{ maxId: number | bigint | null }>(Prisma.sql`SELECT max(id) AS maxId FROM "CustomerSearchName"`);
  const max = Number(maxId ?? 0);
  if (!max) return { keys: [], total: 0 };
  const per = Math.ceil(size / blocks);
  const starts = max <= size ? [1] : Array.from({ length: blocks }, () => 1 + Math.floor(Math.random() * Math.max(1, max - per)));
  const rows = await read.statement<{ spaced: string }>(Prisma.sql`
    SELECT n.spaced FROM json_each(${JSON.stringify(starts)}) j
    JOIN "CustomerSearchName" n ON n.id BETWEEN j.value AND j.value + ${max <= size ? max : per - 1}`);
  return { keys: rows.map((r) => START + r.spaced.replaceAll(" ", "") + END), total: max };
}

/**
 * Merges the FTS5 index segments into one (maintenance; results never depend
 * on it, speed does). Returns the number of segments before and after.
 */
export async function optimizeIndex(): Promise<{ before: number; after: number }> {
  if (engine === "postgresql") return postgres.optimizeIndex();
  const count = async () => Number((await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(DISTINCT segid) AS n FROM "CustomerSearchIndex_idx"`)[0].n);
  const before = await count();
  await db.$executeRaw`INSERT INTO "CustomerSearchIndex" ("CustomerSearchIndex") VALUES ('optimize')`;
  return { before, after: await count() };
}

/** The FTS5 index's segment count (SQLite only). */
export async function indexSegments(): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(DISTINCT segid) AS n FROM "CustomerSearchIndex_idx"`;
  return Number(n);
}

/**
 * How FTS5 merges while customers are written (docs/decisions/0022): a level's
 * segments are merged once it holds `automerge` of them (2: the fewest segments
 * between maintenance runs, for a little more work per write on a directory
 * that is written rarely), and at once when a level reaches `crisismerge`.
 */
export const FTS_AUTOMERGE = 2;
export const FTS_CRISISMERGE = 16;
/** Leaf pages one incremental merge step writes (negative: merge across levels, as optimize does, in steps) */
const MERGE_STEP_PAGES = 500;

/**
 * The search-index job: merges the index's segments a step at a time, each
 * step a short write, until one segment is left or `budgetMs` is spent (the
 * next run goes on). After a bulk import the index thus ends up merged, as
 * `npm run search:optimize` would leave it, without blocking other writers for
 * the whole merge. PostgreSQL: see customer-search.postgresql.ts.
 */
export async function mergeIndexStep(budgetMs = 5000): Promise<{ before: number; after: number; steps: number }> {
  if (engine === "postgresql") return postgres.mergeIndexStep();
  await db.$executeRaw`INSERT INTO "CustomerSearchIndex" ("CustomerSearchIndex", rank) VALUES ('automerge', CAST(${FTS_AUTOMERGE} AS INTEGER))`;
  await db.$executeRaw`INSERT INTO "CustomerSearchIndex" ("CustomerSearchIndex", rank) VALUES ('crisismerge', CAST(${FTS_CRISISMERGE} AS INTEGER))`;
  const before = await indexSegments();
  const started = Date.now();
  let segments = before;
  let steps = 0;
  while (segments > 1 && Date.now() - started < budgetMs) {
    await db.$executeRaw`INSERT INTO "CustomerSearchIndex" ("CustomerSearchIndex", rank) VALUES ('merge', CAST(${-MERGE_STEP_PAGES} AS INTEGER))`;
    steps++;
    segments = await indexSegments();
  }
  return { before, after: segments, steps };
}

/** Exposed for tests: the indexed spaced form of a text, computed by the database itself. */
export async function indexedSpacedForm(customerId: string, kind: string): Promise<string | null> {
  if (engine === "postgresql") return postgres.indexedSpacedForm(customerId, kind);
  const rows = await db.$queryRaw<{ spaced: string }[]>`
    SELECT spaced FROM "CustomerSearchName" WHERE customerId = ${customerId} AND kind = ${kind} AND aliasId IS NULL`;
  return rows[0]?.spaced ?? null;
}
