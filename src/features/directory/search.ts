import { db } from "@/server/db";

/** One customer found in the directory. `matched` is the name or number that matched. */
export interface DirectoryHit {
  id: string;
  name: string;
  nameZh: string;
  matched: string;
  acceptsRequests: boolean;
}

/**
 * Searches the customer directory by any name, alias, tax or registration
 * number; best matches first, at most `limit`.
 * Interim implementation (LIKE); replaced by the indexed search.
 */
export async function searchDirectory(query: string, limit = 10): Promise<DirectoryHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const rows = await db.customer.findMany({
    where: {
      OR: [
        { name: { contains: q } },
        { nameZh: { contains: q } },
        { taxId: { contains: q } },
        { registrationNumber: { contains: q } },
        { aliases: { some: { name: { contains: q } } } },
      ],
    },
    include: { aliases: true },
    take: limit,
    orderBy: { name: "asc" },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    nameZh: c.nameZh,
    acceptsRequests: c.acceptsRequests,
    matched: [c.name, c.nameZh, ...c.aliases.map((a) => a.name), c.taxId, c.registrationNumber].find((n) => n.toLowerCase().includes(q.toLowerCase())) ?? c.name,
  }));
}
