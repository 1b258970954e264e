/**
 * Every raw SQL statement of the customer directory search, in one place
 * (SQLite FTS5 today; docs/decisions/0003-customer-search.md says how
 * PostgreSQL + pg_trgm replaces it). The index itself (CustomerSearchName,
 * CustomerSearchIndex and their triggers) is created by the migration
 * `20261127143700_customer_search`.
 *
 * Callers pass normalized text (src/features/directory/normalize.ts); user
 * input only ever reaches the database as bound parameters, and FTS5 query
 * syntax is built here from quoted phrases.
 */
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

/** One indexed name of a customer. */
export interface SearchNameRow {
  /** Row id in the index. */
  id: number;
  customerId: string;
  /** NAME | NAME_ZH | TAX_ID | REGISTRATION | TRADING | CHINESE | FORMER | OTHER */
  kind: string;
  text: string;
}

// Anchors written around every key by the migration's triggers.
const START = "\u0002\u0002";
const END = "\u0003";
const PAIR_END = "\u0004";

/** An FTS5 phrase: the text in double quotes, quotes doubled. */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

async function matchIndex(match: string, limit: number): Promise<SearchNameRow[]> {
  const rows = await db.$queryRaw<SearchNameRow[]>`
    SELECT n.id, n.customerId, n.kind, n.text
    FROM "CustomerSearchName" n
    WHERE n.id IN (
      SELECT rowid FROM "CustomerSearchIndex" WHERE "CustomerSearchIndex" MATCH ${match} LIMIT ${limit}
    )`;
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Names whose spaced form (see spacedForm) equals one of `spaced`: the B-tree path for exact names. */
export async function namesEqualTo(spaced: string[], limit: number): Promise<SearchNameRow[]> {
  if (!spaced.length) return [];
  const rows = await db.$queryRaw<SearchNameRow[]>`
    SELECT id, customerId, kind, text FROM "CustomerSearchName"
    WHERE spaced IN (${Prisma.join(spaced)})
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Names whose compact form starts with one of `compacts` (any length >= 1). */
export function namesStartingWith(compacts: string[], limit: number): Promise<SearchNameRow[]> {
  return matchIndex(`key : (${compacts.map((c) => phrase(START + c)).join(" OR ")})`, limit);
}

/**
 * Names containing every term of at least one of the term lists (each term
 * >= 3 characters: a trigram look-up).
 */
export function namesContainingAll(termLists: string[][], limit: number): Promise<SearchNameRow[]> {
  const alternatives = termLists.map((terms) => `(${terms.map(phrase).join(" AND ")})`);
  return matchIndex(`key : (${alternatives.join(" OR ")})`, limit);
}

/** A piece of a compact name: anywhere (>= 3 characters), or at its start (any length). */
export interface NamePart {
  text: string;
  atStart?: boolean;
}

/** Names containing every part. */
export function namesWithParts(parts: NamePart[], limit: number): Promise<SearchNameRow[]> {
  return matchIndex(`key : (${parts.map((p) => phrase(p.atStart ? START + p.text : p.text)).join(" AND ")})`, limit);
}

/** Names whose compact form equals one of `compacts` after case and diacritic folding. */
export function namesEqualToCompact(compacts: string[], limit: number): Promise<SearchNameRow[]> {
  return matchIndex(`key : (${compacts.map((c) => phrase(START + c + END)).join(" OR ")})`, limit);
}

/** Names containing the two wide (CJK) characters `pair` next to each other. */
export function namesContainingPair(pairs: string[], limit: number): Promise<SearchNameRow[]> {
  return matchIndex(`grams : (${pairs.map((p) => phrase(p + PAIR_END)).join(" OR ")})`, limit);
}

/** Exposed for tests: the indexed spaced form of a text, computed by the database itself. */
export async function indexedSpacedForm(customerId: string, kind: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ spaced: string }[]>`
    SELECT spaced FROM "CustomerSearchName" WHERE customerId = ${customerId} AND kind = ${kind} AND aliasId IS NULL`;
  return rows[0]?.spaced ?? null;
}
