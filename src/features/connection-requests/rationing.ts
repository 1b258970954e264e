import { Prisma } from "@/generated/prisma/client";
import { searchDirectory, type DirectoryHit } from "@/features/customer-search/search";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { env } from "@/server/env";
import { isSearchable, normalizeQuery } from "./normalize";

/**
 * Directory searches are rationed per supplier company, on the server: each
 * distinct normalised query counts one attempt (a repeat is free), the limit is
 * SEARCH_ATTEMPT_LIMIT unless staff set one for the company, and only staff
 * reset the count. The limit keeps the directory from being scraped.
 */
export interface Allowance {
  limit: number;
  used: number;
  remaining: number;
}

function allowanceOf(row: { used: number; limit: number | null } | null): Allowance {
  const limit = row?.limit ?? env.SEARCH_ATTEMPT_LIMIT;
  const used = row?.used ?? 0;
  return { limit, used, remaining: Math.max(0, limit - used) };
}

export async function getAllowance(supplierId: string, tx: Tx = db): Promise<Allowance> {
  return allowanceOf(await tx.searchAllowance.findUnique({ where: { supplierId } }));
}

export type SearchResult = { ok: true; hits: DirectoryHit[]; allowance: Allowance; counted: boolean } | { ok: false; error: "exhausted"; allowance: Allowance };

class Repeat extends Error {}

/**
 * Counts the attempt (unless this query was run before), then searches. With
 * no attempts left, nothing is searched. Safe under concurrent searches: the
 * counter only moves while it is below the limit.
 */
export async function rationedSearch(supplierId: string, rawQuery: string, limit = 10): Promise<SearchResult> {
  const query = normalizeQuery(rawQuery);
  if (!isSearchable(query)) return { ok: true, hits: [], allowance: await getAllowance(supplierId), counted: false };

  const outcome = await db
    .$transaction(async (tx) => {
      const seen = await tx.searchAttempt.findUnique({ where: { supplierId_query: { supplierId, query } } });
      if (seen) return { counted: false, allowed: true };
      const row = await tx.searchAllowance.upsert({ where: { supplierId }, create: { supplierId }, update: {} });
      const max = row.limit ?? env.SEARCH_ATTEMPT_LIMIT;
      const moved = await tx.searchAllowance.updateMany({
        where: { supplierId, used: { lt: max } },
        data: { used: { increment: 1 } },
      });
      if (moved.count === 0) return { counted: false, allowed: false };
      try {
        await tx.searchAttempt.create({ data: { supplierId, query } });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new Repeat();
        throw error;
      }
      return { counted: true, allowed: true };
    })
    .catch((error) => {
      if (error instanceof Repeat) return { counted: false, allowed: true };
      throw error;
    });

  const allowance = await getAllowance(supplierId);
  if (!outcome.allowed) return { ok: false, error: "exhausted", allowance };
  return { ok: true, hits: await searchDirectory(rawQuery.trim(), limit), allowance, counted: outcome.counted };
}

/** Staff only: gives the company its attempts back (the past queries are forgotten too). */
export async function resetSearchAttempts(supplierId: string, staffActor: Actor): Promise<Allowance> {
  if (staffActor.type !== "STAFF") throw new Error("Only support staff can reset search attempts");
  return db.$transaction(async (tx) => {
    const before = await tx.searchAllowance.findUnique({ where: { supplierId } });
    await tx.supplierCompany.findUniqueOrThrow({ where: { id: supplierId }, select: { id: true } });
    const row = await tx.searchAllowance.upsert({
      where: { supplierId },
      create: { supplierId, used: 0, resetAt: new Date() },
      update: { used: 0, resetAt: new Date() },
    });
    await tx.searchAttempt.deleteMany({ where: { supplierId } });
    await audit(tx, staffActor, {
      action: "search_allowance.reset",
      entityType: "SupplierCompany",
      entityId: supplierId,
      before: { used: before?.used ?? 0 },
      after: { used: 0 },
    });
    return allowanceOf(row);
  });
}

/** Staff only: sets the company's own limit (null: back to the configured default). */
export async function setSearchLimit(supplierId: string, limit: number | null, staffActor: Actor): Promise<Allowance> {
  if (staffActor.type !== "STAFF") throw new Error("Only support staff can change the search limit");
  if (limit !== null && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) throw new Error("Invalid limit");
  return db.$transaction(async (tx) => {
    const before = await tx.searchAllowance.findUnique({ where: { supplierId } });
    const row = await tx.searchAllowance.upsert({ where: { supplierId }, create: { supplierId, limit }, update: { limit } });
    await audit(tx, staffActor, {
      action: "search_allowance.limit_set",
      entityType: "SupplierCompany",
      entityId: supplierId,
      before: { limit: before?.limit ?? null },
      after: { limit },
    });
    return allowanceOf(row);
  });
}
