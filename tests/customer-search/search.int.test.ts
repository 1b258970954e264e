import { beforeAll, describe, expect, it } from "vitest";
import { db, engine } from "@/server/db";
import { searchDirectory } from "@/features/customer-search/search";
import { SEPARATORS, spacedForm } from "@/features/customer-search/normalize";
import { indexedSpacedForm, namesWithParts, namesWithPartsEach, optimizeIndex } from "@/server/sql/customer-search";

async function customer(name: string, more: { nameZh?: string; taxId?: string; registrationNumber?: string; aliases?: { name: string; kind: string }[] } = {}) {
  return db.customer.create({
    data: {
      name,
      nameZh: more.nameZh ?? "",
      taxId: more.taxId ?? "",
      registrationNumber: more.registrationNumber ?? "",
      aliases: { create: more.aliases ?? [] },
    },
  });
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

let muller: { id: string };
let pearl: { id: string };
let beijingPearl: { id: string };
let acme: { id: string };
let acmeInc: { id: string };
let abc: { id: string };
let societe: { id: string };
let rexroth: { id: string };
let northwind: { id: string };
let northwindAlias: { id: string };

beforeAll(async () => {
  muller = await customer("Müller Maschinenbau GmbH", { taxId: "DE 811 234 567", registrationNumber: "HRB 12345" });
  pearl = await customer("Shanghai Oriental Pearl Co., Ltd.", { nameZh: "上海东方明珠有限公司" });
  beijingPearl = await customer("Beijing Mingzhu Technology Co., Ltd.", { nameZh: "北京明珠科技有限公司" });
  acme = await customer("Acme Corporation Worldwide", {
    aliases: [
      { name: "Roadrunner Supplies", kind: "TRADING" },
      { name: "Acme Explosives Inc.", kind: "FORMER" },
      { name: "艾克米", kind: "CHINESE" },
    ],
  });
  acmeInc = await customer("ACME, Inc.");
  await customer("Best Acme Tools");
  await customer("Pacmetal Works");
  abc = await customer("A.B.C. Trading S.A.");
  societe = await customer("Société Générale Services S.A.S.");
  rexroth = await customer("Bosch Rexroth AG", { taxId: "DE 129 274 139" });
  northwind = await customer("Northwind Traders");
  northwindAlias = await customer("Southwind Holdings", { aliases: [{ name: "Northwind Traders", kind: "TRADING" }] });
  for (let i = 1; i <= 15; i++) await customer(`Limitco Alpha ${i} Ltd`);
});

describe("searchDirectory", () => {
  it("finds a customer by its name, ignoring case, accents, punctuation and legal forms", async () => {
    for (const q of ["Müller Maschinenbau", "muller maschinenbau", "MULLER-MASCHINENBAU", "Müller Maschinenbau GmbH", "muller maschinenbau gmbh & co. kg"]) {
      expect(ids(await searchDirectory(q))[0], q).toBe(muller.id);
    }
    expect(ids(await searchDirectory("Societe Generale"))[0]).toBe(societe.id);
    expect(ids(await searchDirectory("société générale services sas"))[0]).toBe(societe.id);
    expect(ids(await searchDirectory("ABC Trading"))[0]).toBe(abc.id);
    expect(ids(await searchDirectory("a b c trading sa"))[0]).toBe(abc.id);
  });

  it("treats Mueller as Müller", async () => {
    expect(ids(await searchDirectory("Mueller Maschinenbau"))[0]).toBe(muller.id);
  });

  it("matches partial words", async () => {
    expect(ids(await searchDirectory("maschinen"))).toContain(muller.id);
    expect(ids(await searchDirectory("rexro"))).toContain(rexroth.id);
    expect(ids(await searchDirectory("exrot"))).toContain(rexroth.id);
  });

  it("finds aliases of every kind and says which name matched", async () => {
    const trading = await searchDirectory("roadrunner");
    expect(trading[0]).toMatchObject({ id: acme.id, name: "Acme Corporation Worldwide", matched: "Roadrunner Supplies", acceptsRequests: true });
    expect(ids(await searchDirectory("Acme Explosives"))[0]).toBe(acme.id);
    expect(ids(await searchDirectory("艾克米"))[0]).toBe(acme.id);
  });

  it("finds Chinese names by full name, without the legal form, and by 2-4 character substrings", async () => {
    const full = await searchDirectory("上海东方明珠有限公司");
    expect(full[0]).toMatchObject({ id: pearl.id, nameZh: "上海东方明珠有限公司", matched: "上海东方明珠有限公司" });
    expect(ids(await searchDirectory("东方明珠"))[0]).toBe(pearl.id);
    expect(ids(await searchDirectory("东方明珠股份有限公司"))[0]).toBe(pearl.id);
    expect(ids(await searchDirectory("明珠")).sort()).toEqual([pearl.id, beijingPearl.id].sort());
    expect(ids(await searchDirectory("北京"))).toEqual([beijingPearl.id]);
    expect(ids(await searchDirectory("北"))).toEqual([beijingPearl.id]); // one character: names starting with it
  });

  it("finds a customer by tax or registration number in any formatting", async () => {
    expect(ids(await searchDirectory("DE811234567"))).toEqual([muller.id]);
    expect(ids(await searchDirectory("de 811-234-567"))).toEqual([muller.id]);
    expect(ids(await searchDirectory("811234567"))).toEqual([muller.id]);
    expect(ids(await searchDirectory("HRB 12345"))).toEqual([muller.id]);
    expect((await searchDirectory("DE 129274139"))[0]).toMatchObject({ id: rexroth.id, matched: "DE 129 274 139" });
  });

  it("never matches numbers with a typo", async () => {
    expect(ids(await searchDirectory("DE811234568"))).toEqual([]);
  });

  it("tolerates one typo in a Latin query", async () => {
    expect(ids(await searchDirectory("Bosch Rexorth"))[0]).toBe(rexroth.id); // swapped letters
    expect(ids(await searchDirectory("Bosch Rexrot AG"))[0]).toBe(rexroth.id); // missing letter at the end
    expect(ids(await searchDirectory("Maschinenbua"))[0]).toBe(muller.id);
    expect(ids(await searchDirectory("Roadrunnr Supplies"))[0]).toBe(acme.id);
    expect(ids(await searchDirectory("Nortwind"))).toContain(northwind.id);
    expect(ids(await searchDirectory("Zzyzx Rexroth"))).toEqual([]); // two and more typos: no
  });

  it("ranks exact > prefix > word start > substring, and the customer's own name over an alias", async () => {
    const acmeHits = ids(await searchDirectory("acme"));
    expect(acmeHits[0]).toBe(acmeInc.id); // "ACME, Inc." is exactly "acme"
    expect(acmeHits.slice(1, 2)).toEqual([acme.id]); // prefix of "Acme Corporation Worldwide"
    const names = (await searchDirectory("acme")).map((h) => h.name);
    expect(names.indexOf("Best Acme Tools")).toBeLessThan(names.indexOf("Pacmetal Works"));
    expect(names.indexOf("Pacmetal Works")).toBe(names.length - 1);

    const nw = ids(await searchDirectory("Northwind Traders"));
    expect(nw).toEqual([northwind.id, northwindAlias.id]);
  });

  it("prefers, among equal names, the one with the legal form typed", async () => {
    const gmbh = await customer("Harbor Tools GmbH");
    const ltd = await customer("Harbor Tools Ltd.");
    expect(ids(await searchDirectory("harbor tools ltd"))).toEqual([ltd.id, gmbh.id]);
    expect(ids(await searchDirectory("Harbor Tools GmbH"))).toEqual([gmbh.id, ltd.id]);
  });

  it("returns at most 10 results, or fewer when asked", async () => {
    expect(await searchDirectory("limitco")).toHaveLength(10);
    expect(await searchDirectory("limitco", 3)).toHaveLength(3);
    expect(await searchDirectory("limitco", 50)).toHaveLength(10);
    expect(await searchDirectory("limitco", 0)).toHaveLength(0);
  });

  it("answers nothing for empty or punctuation-only queries and survives FTS syntax", async () => {
    expect(await searchDirectory("")).toEqual([]);
    expect(await searchDirectory("  .,- ")).toEqual([]);
    for (const q of ['"', 'acme" OR "x', "*", "NEAR(acme", "acme)", "-acme", "acme AND", "key : acme", "^acme", "'; DROP TABLE Customer; --"]) {
      await expect(searchDirectory(q), q).resolves.toBeInstanceOf(Array);
    }
    expect(await db.customer.count()).toBeGreaterThan(10);
  });
});

describe("the index is kept by the database", () => {
  it("finds an alias as soon as it is added, renamed or deleted", async () => {
    const c = await customer("Quiet Harbor Freight");
    expect(ids(await searchDirectory("Lighthouse Logistics"))).toEqual([]);

    const alias = await db.customerAlias.create({ data: { customerId: c.id, name: "Lighthouse Logistics", kind: "TRADING" } });
    expect(ids(await searchDirectory("Lighthouse Logistics"))).toEqual([c.id]);

    await db.customerAlias.update({ where: { id: alias.id }, data: { name: "Beacon Shipping", kind: "FORMER" } });
    expect(ids(await searchDirectory("Lighthouse Logistics"))).toEqual([]);
    expect((await searchDirectory("Beacon Shipping"))[0]).toMatchObject({ id: c.id, matched: "Beacon Shipping" });

    await db.customerAlias.delete({ where: { id: alias.id } });
    expect(ids(await searchDirectory("Beacon Shipping"))).toEqual([]);
    expect(ids(await searchDirectory("Quiet Harbor"))).toEqual([c.id]);
  });

  it("follows renames, new numbers and deletion of customers", async () => {
    const c = await customer("Granite Peak Mining");
    await db.customer.update({ where: { id: c.id }, data: { name: "Granite Summit Minerals", nameZh: "花岗岩矿业", taxId: "US 98-7654321" } });
    expect(ids(await searchDirectory("Granite Peak"))).toEqual([]);
    expect(ids(await searchDirectory("Granite Summit"))).toEqual([c.id]);
    expect(ids(await searchDirectory("花岗岩"))).toEqual([c.id]);
    expect(ids(await searchDirectory("987654321"))).toEqual([c.id]);

    await db.customerAlias.create({ data: { customerId: c.id, name: "GSM Quarries", kind: "OTHER" } });
    await db.customer.delete({ where: { id: c.id } });
    expect(ids(await searchDirectory("Granite Summit"))).toEqual([]);
    expect(ids(await searchDirectory("GSM Quarries"))).toEqual([]);
  });

  it("does not touch the index for unrelated updates", async () => {
    const c = await customer("Copperfield Instruments");
    await db.customer.update({ where: { id: c.id }, data: { acceptsRequests: false } });
    expect(await searchDirectory("Copperfield")).toEqual([
      { id: c.id, name: "Copperfield Instruments", nameZh: "", matched: "Copperfield Instruments", acceptsRequests: false },
    ]);
  });

  it("answers while another request's write transaction is open, from what was committed", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const writing = db.$transaction(async (tx) => {
      await tx.customer.create({ data: { name: "Quillfeather Ledgers", nameZh: "", taxId: "", registrationNumber: "" } });
      inside();
      await held;
    });
    await started;
    // The search's reads do not queue behind the open transaction, and do not see its uncommitted row.
    const during = await Promise.race([searchDirectory("Quillfeather"), new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 3000))]);
    release();
    await writing;
    expect(during).toEqual([]);
    expect((await searchDirectory("Quillfeather")).map((h) => h.name)).toEqual(["Quillfeather Ledgers"]);
  });

  it("returns each name once when several look-ups of one search find it", async () => {
    // "acm" finds every Acme name, "exp" the former name among them: each look-up on its own, the rows merged.
    const rows = await namesWithPartsEach([[{ text: "acm" }], [{ text: "exp" }], [{ text: "acm" }]], 60);
    const rowIds = rows.map((r) => r.id);
    expect(new Set(rowIds).size).toBe(rowIds.length);
    expect(rows.map((r) => r.text)).toEqual(expect.arrayContaining(["Acme Explosives Inc.", "ACME, Inc.", "Best Acme Tools", "Pacmetal Works"]));
  });

  it("finds names by a legal form when that is all the query is", async () => {
    const quillon = await customer("Quillon Corporation");
    expect(ids(await searchDirectory("Corporation"))).toEqual(expect.arrayContaining([quillon.id, acme.id]));
    expect(ids(await searchDirectory("Quillon"))[0]).toBe(quillon.id); // otherwise legal forms are still ignored
  });

  it("takes names having a common word whole before any containing it (PostgreSQL's word index)", async () => {
    // Names containing the word inside another come first in the table, so a plain substring look-up returns them.
    for (let i = 0; i < 8; i++) await customer(`Nglassworksy ${i}`);
    for (let i = 0; i < 8; i++) await customer(`Glassworks Tarn ${i}`);
    const rows = await namesWithParts([[{ text: "gla" }, { text: "wor" }]], 5, ["glassworks"]);
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.text.toLowerCase()).toContain("glassworks");
    if (engine === "postgresql") for (const r of rows) expect(r.text).toMatch(/^Glassworks Tarn/);
  });

  it("can merge the index into one segment without changing results", async () => {
    const before = ids(await searchDirectory("acme"));
    expect((await optimizeIndex()).after).toBe(1);
    expect(ids(await searchDirectory("acme"))).toEqual(before);
  });

  it("normalizes in SQL exactly as spacedForm does for queries", async () => {
    const samples = [
      Array.from(SEPARATORS)
        .map((ch, i) => `W${i}${ch}`)
        .join("") + "END",
      "Müller  GmbH & Co. KG",
      "  ÉCOLE Ünited (Asia) Pte. Ltd. ",
      "东方明珠（上海）有限公司・分公司",
      "A.B.C.\u00a0Trading\u3000S.A.",
      "O'Brien/Smith—Jones “Quoted” ‘x’ ® ™ ©",
      "ＡＢＣ　全角",
      "tab\there\nnewline",
    ];
    for (const text of samples) {
      const c = await customer(text);
      expect(await indexedSpacedForm(c.id, "NAME"), text).toBe(spacedForm(text));
    }
  });
});
