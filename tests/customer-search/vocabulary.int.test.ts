import { beforeAll, describe, expect, it } from "vitest";
import { db, engine } from "@/server/db";
import { parseQuery } from "@/features/customer-search/normalize";
import { correctionLookups, deletionForms, typedWords, vocabularyKeys } from "@/features/customer-search/plan";
import { searchDirectory } from "@/features/customer-search/search";
import { namesWithWords, wordsNear } from "@/server/sql/customer-search";

/**
 * Typo correction against the directory's words (decision 0015): on
 * PostgreSQL the database keeps every word of the indexed names with its
 * deletion forms, and a typed word is corrected against them before names
 * are looked up; SQLite keeps no vocabulary (its trigram look-ups suffice).
 */
const create = (name: string) => db.customer.create({ data: { name, nameZh: "", taxId: "", registrationNumber: "" } });

async function corrected(query: string) {
  const readings = typedWords(parseQuery(query)!);
  const vocabulary = await wordsNear(vocabularyKeys(readings), 200);
  return { vocabulary, lookups: correctionLookups(readings, vocabulary ?? []) };
}

let hangzhou: { id: string };

beforeAll(async () => {
  hangzhou = await create("Hangzhou Yunhui Pharmaceuticals Co., Ltd.");
  await create("Yunhai Shipping Ltd");
  await create("Microsoft Corporation");
});

describe("the directory's vocabulary", () => {
  it("corrects each typed word within its allowance, and the names are found by the corrected words", async () => {
    const { vocabulary, lookups } = await corrected("Hangzhou Yuneui Pharmacuetcials");
    if (engine === "sqlite") {
      expect(vocabulary).toBeNull();
      return;
    }
    // One typo in a 6-letter word, two in a 15-letter one; "yunhai" is two edits from "yuneui" and is not taken.
    expect(vocabulary).toEqual(expect.arrayContaining(["hangzhou", "yunhui", "pharmaceuticals"]));
    expect(lookups[0].groups).toEqual([["hangzhou"], ["yunhui"], ["pharmaceuticals"]]);
    const rows = await namesWithWords(lookups, 10);
    expect(rows.map((r) => r.customerId)).toEqual([hangzhou.id]);
  });

  it("looks names up by corrected words on either engine (whole words on PostgreSQL, text on SQLite)", async () => {
    const rows = await namesWithWords([{ groups: [["yunhui", "yunhai"], ["pharmaceuticals"]], filters: ["hang"] }], 10);
    expect(rows.map((r) => r.customerId)).toEqual([hangzhou.id]);
    expect(await namesWithWords([{ groups: [["yunhui"]], filters: ["shipping"] }], 10)).toEqual([]);
  });

  it("reads several typed words as one word too ('Micro sfot' is one typo from 'Microsoft')", async () => {
    const { lookups } = await corrected("Micro sfot");
    if (engine === "postgresql") expect(lookups).toContainEqual({ groups: [["microsoft"]], filters: [] });
    expect((await searchDirectory("Micro sfot")).map((h) => h.name)).toContain("Microsoft Corporation");
  });

  it("stores the same deletion forms as the search computes for a typed word", async () => {
    if (engine === "sqlite") return expect(await wordsNear(["yunhui"], 10)).toBeNull();
    for (const word of ["yunhui", "hangzhou", "pharmaceuticals"]) {
      const [{ forms }] = await db.$queryRaw<{ forms: string[] }[]>`SELECT "deletions" AS forms FROM "CustomerSearchWord" WHERE "word" = ${word}`;
      expect([...forms].sort(), word).toEqual(deletionForms(word, word.length >= 9 ? 2 : 1).sort());
    }
  });

  it("learns the words of new and renamed customers at once, each word once when many arrive together", async () => {
    const renamed = await create("Quorvane Textiles");
    await db.customer.update({ where: { id: renamed.id }, data: { name: "Quorvane Tekstilwerk" } });
    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => create(`Zephyrine Velloquent ${i}`)));
    expect(many).toHaveLength(20);
    if (engine === "sqlite") return expect(await wordsNear(["zephyrine"], 10)).toBeNull();
    expect(await wordsNear(deletionForms("tekstilwrek", 2), 50)).toContain("tekstilwerk");
    const [{ count }] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "CustomerSearchWord" WHERE "word" IN ('zephyrine', 'velloquent')`;
    expect(Number(count)).toBe(2);
    expect((await searchDirectory("Zephyrnie Velloquent")).length).toBe(10);
  });
});
