import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { searchDirectory } from "@/features/customer-search/search";
import { typoAt } from "../support/typos";

/**
 * Typo tolerance of the directory search on a directory of realistic,
 * similar names: generated typo queries of the kinds people make must find
 * their customer in the top 10, and exact and prefix matches always come
 * before typo matches.
 */

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(1302);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

const SYLLABLES =
  "ka ri to mo na sa el an ver tek lin dor mar bel cor fin gal hal jor kel lum nor pal ros sol tar vin wex bra cre dri gro pla stu tri vor".split(" ");
const SURNAMES = [
  "Schmidt",
  "Fischer",
  "Wagner",
  "Becker",
  "Hoffmann",
  "Laurent",
  "Ferrari",
  "Svensson",
  "Kowalski",
  "Horvath",
  "Johnson",
  "Williams",
  "Anderson",
  "Tanaka",
  "Yamamoto",
  "Patel",
  "Sharma",
  "Moreau",
  "Bianchi",
  "Nieminen",
];
const PLACES = [
  "Pacific",
  "Atlantic",
  "Nordic",
  "Baltic",
  "Alpine",
  "Western",
  "Eastern",
  "Central",
  "Global",
  "United",
  "Imperial",
  "Oriental",
  "Riverside",
  "Summit",
  "Horizon",
  "Evergreen",
];
const INDUSTRIES = [
  "Logistics",
  "Electronics",
  "Textiles",
  "Chemicals",
  "Machinery",
  "Plastics",
  "Pharmaceuticals",
  "Packaging",
  "Semiconductors",
  "Instruments",
  "Components",
  "Technologies",
  "Materials",
  "Fasteners",
  "Bearings",
  "Furniture",
  "Ceramics",
  "Robotics",
  "Aerospace",
  "Beverages",
];
const SUFFIXES = ["Inc.", "Ltd.", "GmbH", "S.A.", "Co., Ltd.", "LLC", "AG", "B.V.", ""];

function pseudoWord(syllables: number): string {
  return cap(Array.from({ length: syllables }, () => pick(SYLLABLES)).join(""));
}

type Shape = "one word" | "two words" | "three words" | "and";
function generatedName(shape: Shape): string {
  switch (shape) {
    case "one word":
      return pseudoWord(3);
    case "two words":
      return `${pick(SURNAMES)} ${pick(INDUSTRIES)}`;
    case "three words":
      return `${pick(PLACES)} ${pseudoWord(2)} ${pick(INDUSTRIES)}`;
    case "and":
      return `${pick(SURNAMES)} & ${pick(SURNAMES)} ${pick(INDUSTRIES)}`;
  }
}

interface Target {
  id: string;
  name: string;
  core: string;
}
const targets: Target[] = [];
let microsoft: { id: string };
let facebook: { id: string };
let smithJones: { id: string };
let mullerUnd: { id: string };
let dupontEt: { id: string };
let pharma: { id: string };
let siemens: { id: string };
let siemensExact: { id: string };

beforeAll(async () => {
  const seen = new Set<string>();
  const rows: { name: string }[] = [];
  const shapes: Shape[] = ["one word", "two words", "three words", "and"];
  while (rows.length < 400) {
    const core = generatedName(shapes[rows.length % shapes.length]);
    if (seen.has(core.toLowerCase())) continue;
    seen.add(core.toLowerCase());
    const suffix = pick(SUFFIXES);
    rows.push({ name: suffix ? `${core} ${suffix}` : core });
  }
  await db.customer.createMany({ data: rows.map((r) => ({ name: r.name, nameZh: "", taxId: "", registrationNumber: "" })) });
  for (const c of await db.customer.findMany({ select: { id: true, name: true } })) {
    targets.push({ id: c.id, name: c.name, core: c.name.replace(/\s+(Inc\.|Ltd\.|GmbH|S\.A\.|Co\., Ltd\.|LLC|AG|B\.V\.)$/, "") });
  }
  const create = (name: string) => db.customer.create({ data: { name, nameZh: "", taxId: "", registrationNumber: "" } });
  microsoft = await create("Microsoft Corporation");
  facebook = await create("Face Book Trading Ltd");
  smithJones = await create("Smith & Jones Logistics");
  mullerUnd = await create("Müller und Söhne GmbH");
  dupontEt = await create("Dupont et Fils S.A.");
  pharma = await create("Amberlane Pharmaceuticals");
  siemens = await create("Siemenz Tools"); // one typo away from "Siemens"
  siemensExact = await create("Siemens AG");
});

interface TypoQuery {
  kind: string;
  q: string;
  target: Target;
}

function typoQueries(): TypoQuery[] {
  const out: TypoQuery[] = [];
  const words = (t: Target) => t.core.split(/\s+/);
  const byShape = (test: (t: Target) => boolean) => targets.filter(test);
  const oneWord = byShape((t) => words(t).length === 1 && t.core.length >= 6 && t.core.length <= 9);
  const multi = byShape(
    (t) =>
      words(t).length >= 2 &&
      !t.core.includes("&") &&
      words(t)
        .slice(1)
        .some((w) => w.length >= 5),
  );
  const long = byShape((t) => words(t).some((w) => w.length >= 9));
  for (let n = 0; n < 60; n++) {
    // A substitution or a swap of neighbours in a one-word name of 6-9 letters.
    const t = oneWord[n % oneWord.length];
    out.push({ kind: "one-word substitution or swap", q: typoAt(t.core, Math.floor(random() * (t.core.length - 1)), random() < 0.5 ? 0 : 3), target: t });
  }
  for (let n = 0; n < 60; n++) {
    // Any typo in the second or a later word of 5+ letters.
    const t = multi[n % multi.length];
    const ws = words(t);
    const at = pick(ws.map((w, i) => (i > 0 && w.length >= 5 ? i : -1)).filter((i) => i > 0));
    ws[at] = typoAt(ws[at], 1 + Math.floor(random() * (ws[at].length - 2)), Math.floor(random() * 4));
    out.push({ kind: "typo in a later word", q: ws.join(" "), target: t });
  }
  for (let n = 0; n < 40; n++) {
    // The last two letters swapped.
    const t = multi[(n * 7) % multi.length];
    const ws = words(t);
    const at = ws.length - 1;
    ws[at] = typoAt(ws[at], ws[at].length - 2, 3);
    out.push({ kind: "transposed pair at the end", q: ws.join(" "), target: t });
  }
  for (let n = 0; n < 40; n++) {
    // Two typos in a word of 9+ letters, apart from each other (no missing letter: the typed word keeps 9+ letters).
    const t = long[(n * 5) % long.length];
    const ws = words(t);
    const at = ws.findIndex((w) => w.length >= 9);
    const w = ws[at];
    const i = 1 + Math.floor(random() * 3);
    const j = w.length - 2 - Math.floor(random() * 3);
    ws[at] = typoAt(typoAt(w, j, pick([0, 2, 3])), i, random() < 0.5 ? 0 : 3);
    out.push({ kind: "two typos in a word of 9+", q: ws.join(" "), target: t });
  }
  return out;
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe("typo tolerance on a directory of similar names", () => {
  it("finds the customer in the top 10 for at least 95 % of 200 generated typo queries, of every kind", { timeout: 180_000 }, async () => {
    const queries = typoQueries();
    expect(queries.length).toBeGreaterThanOrEqual(200);
    const perKind = new Map<string, { found: number; total: number; missed: string[] }>();
    for (const { kind, q, target } of queries) {
      const hits = await searchDirectory(q);
      const k = perKind.get(kind) ?? { found: 0, total: 0, missed: [] };
      k.total++;
      if (hits.some((h) => h.id === target.id)) k.found++;
      else k.missed.push(`${q} -> ${target.name}`);
      perKind.set(kind, k);
    }
    const found = [...perKind.values()].reduce((s, k) => s + k.found, 0);
    const report = [...perKind].map(([kind, k]) => `${kind}: ${k.found}/${k.total} missed ${k.missed.slice(0, 5).join("; ")}`).join("\n");
    expect(found / queries.length, report).toBeGreaterThanOrEqual(0.95);
    for (const [kind, k] of perKind) expect(k.found / k.total, `${kind}\n${report}`).toBeGreaterThanOrEqual(0.9);
  });

  it("allows one typo per word of 5+ letters and two from 9, not more", async () => {
    expect(ids(await searchDirectory("Amberlane Pharmacuetcials"))).toContain(pharma.id); // two in a 15-letter word
    expect(ids(await searchDirectory("Amberlnae Pharmacueticals"))).toContain(pharma.id); // one in each word
    expect(ids(await searchDirectory("Amberlnae"))).toContain(pharma.id); // one in a 9-letter word
    expect(ids(await searchDirectory("Ambrelnae"))).toContain(pharma.id); // two in a 9-letter word
    expect(ids(await searchDirectory("Smiht Jones"))).toContain(smithJones.id); // one in a 5-letter word
    expect(ids(await searchDirectory("Smtih Joens"))).toContain(smithJones.id); // one in each of two 5-letter words
    expect(ids(await searchDirectory("Fcaebok"))).not.toContain(facebook.id); // two typos in a word of 8 or fewer: no
    expect(ids(await searchDirectory("Amebrlnea"))).not.toContain(pharma.id); // three typos in a 9-letter word: no
  });

  it("ranks exact and prefix matches above every typo match", async () => {
    const hits = ids(await searchDirectory("Siemens"));
    expect(hits[0]).toBe(siemensExact.id);
    if (hits.includes(siemens.id)) expect(hits.indexOf(siemens.id)).toBe(hits.length - 1); // a typo match only after every exact one
    const typo = ids(await searchDirectory("Siemenx"));
    expect(typo.slice(0, 2).sort()).toEqual([siemens.id, siemensExact.id].sort());
  });

  it("treats and, &, und, et and 和 as the same word", async () => {
    for (const q of ["Smith and Jones Logistics", "smith & jones logistics", "Smith und Jones", "Smith et Jones", "Smith 和 Jones", "smith jones"]) {
      expect(ids(await searchDirectory(q))[0], q).toBe(smithJones.id);
    }
    for (const q of ["Müller & Söhne", "Mueller and Soehne", "Muller Sohne"]) expect(ids(await searchDirectory(q))[0], q).toBe(mullerUnd.id);
    for (const q of ["Dupont & Fils", "Dupont and Fils", "dupont et fils sa"]) expect(ids(await searchDirectory(q))[0], q).toBe(dupontEt.id);
  });

  it("finds names with a missing or an extra space, also with a typo", async () => {
    for (const q of ["Micro soft", "Micro Soft Corporation", "microsoft", "MicroSoft"]) expect(ids(await searchDirectory(q))[0], q).toBe(microsoft.id);
    for (const q of ["Facebook", "Face Book", "facebook trading", "Face-Book"]) expect(ids(await searchDirectory(q))[0], q).toBe(facebook.id);
    expect(ids(await searchDirectory("Micro sfot"))).toContain(microsoft.id);
    expect(ids(await searchDirectory("Facebok Trading"))).toContain(facebook.id);
    // One long typed word with a typo, across the name's words: no word of the directory is near it.
    expect(ids(await searchDirectory("Facebooktradng"))).toContain(facebook.id);
  });
});
