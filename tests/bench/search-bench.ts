/**
 * Customer search benchmark (issue 4, item 7): builds a directory of
 * 1,000,000 customers in its own SQLite file (once; reused afterwards), then
 * runs representative queries through the real `searchDirectory` (the app's
 * Prisma client, pointed at that file) and prints latency percentiles.
 *
 *   npm run bench:search                       # build if missing, then measure
 *   npm run bench:search -- --customers=200000 --queries=3000 --rebuild
 *   npm run bench:search -- --optimize          # merge the index segments first (persists)
 *   npm run bench:search -- --engine=postgres   # the same directory and queries on PostgreSQL
 *   npm run bench:search -- --build-only        # build the directory (and its PostgreSQL copy), measure nothing
 *   npm run bench:search -- --profile           # also time each look-up statement; on PostgreSQL EXPLAIN ANALYZE the slowest
 *   npm run bench:search -- --misses            # also list the queries that did not find their customer, with what they found
 *   npm run bench:search -- --slowest=20        # also list the slowest queries
 *
 * With --engine=postgres the SQLite file is built first (it is the source of the
 * directory and of the query mix), then copied once into the PostgreSQL database
 * `sc_bench_<customers>` (BENCH_POSTGRES_URL, default TEST_POSTGRES_URL's server):
 * customers and aliases by multi-row inserts with the triggers off, the index
 * table filled by the migration's backfill statements, its indexes built once;
 * then the queries run there.
 *
 * Query kinds include the typos people make (issue 13): one typo in a one-word
 * name, in a later word, a swapped pair at the end, two typos in a long word,
 * "and" for "&", and a missing or extra space.
 *
 * The directory is built with better-sqlite3 in large transactions, through the
 * migrations' triggers (the same way the app's writes reach the index).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { Prisma } from "@/generated/prisma/client";
import { spacedForm, stripLegalForms } from "@/features/customer-search/normalize";
import { migratePostgres } from "../../src/scripts/migrate";
import { createMigratedDatabase } from "../support/migrate";
import { TEST_POSTGRES_URL, urlFor } from "../support/postgres";
import { typoAt } from "../support/typos";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"] as const;
  }),
);
const CUSTOMERS = Number(args.get("customers") ?? 1_000_000);
const QUERIES = Number(args.get("queries") ?? 3000);
const WARMUP = 300;
const ENGINE = args.get("engine") === "postgres" ? "postgres" : "sqlite";
const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "data", "bench");
const sqliteFile = path.join(dir, `directory-${CUSTOMERS}.db`);
/**
 * On PostgreSQL the SQLite file is only the source of the rows and of the query
 * mix: an existing full file is used, otherwise one built the same way without
 * the FTS5 index (its trigger dropped first), which takes a fraction of the time.
 */
const namesOnlyFile = path.join(dir, `directory-${CUSTOMERS}-names-only.db`);
const file = ENGINE === "postgres" && !fs.existsSync(sqliteFile) ? namesOnlyFile : sqliteFile;

// ----------------------------------------------------------- random names

/** Deterministic PRNG (mulberry32), so every run builds the same directory. */
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
const random = rng(20261127);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const chance = (p: number) => random() < p;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

const SYLLABLES =
  "ka ri to mo na sa el an ver tek lin dor mar bel cor fin gal hal ion jor kel lum nor pal quin ros sol tar ul vin wex xan yor zel bra cre dri fle gro pla stu tri vor ax ex om ur is en al ba de go lu mi ne po ru si ta vo zu".split(
    " ",
  );
const SURNAMES = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Hoffmann",
  "Schäfer",
  "García",
  "Martínez",
  "López",
  "González",
  "Rodríguez",
  "Pérez",
  "Sánchez",
  "Dubois",
  "Lefèvre",
  "Moreau",
  "Laurent",
  "Rossi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Svensson",
  "Johansson",
  "Nieminen",
  "Kowalski",
  "Nowak",
  "Wiśniewski",
  "Dvořák",
  "Novák",
  "Horváth",
  "Nagy",
  "O'Brien",
  "O'Connor",
  "McDonald",
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Miller",
  "Davis",
  "Wilson",
  "Anderson",
  "Taylor",
  "Thomas",
  "Tanaka",
  "Suzuki",
  "Takahashi",
  "Watanabe",
  "Yamamoto",
  "Nguyễn",
  "Trần",
  "Kim",
  "Park",
  "Singh",
  "Patel",
  "Sharma",
  "Gupta",
  "Öztürk",
  "Yılmaz",
  "Çelik",
  "Søndergaard",
  "Ångström",
  "Žukauskas",
];
const PLACES = [
  "Pacific",
  "Atlantic",
  "Nordic",
  "Baltic",
  "Alpine",
  "Western",
  "Eastern",
  "Northern",
  "Southern",
  "Central",
  "Global",
  "United",
  "Royal",
  "Imperial",
  "Continental",
  "Oriental",
  "Shanghai",
  "Shenzhen",
  "Bavaria",
  "Rhine",
  "Danube",
  "Iberia",
  "Andes",
  "Sahara",
  "Pearl River",
  "Yangtze",
  "Kansai",
  "Mekong",
  "Baltimore",
  "Ontario",
  "Texas",
  "Sierra",
  "Coastal",
  "Highland",
  "Lakeside",
  "Riverside",
  "Metro",
  "Summit",
  "Horizon",
  "Evergreen",
];
const INDUSTRIES = [
  "Logistics",
  "Electronics",
  "Foods",
  "Textiles",
  "Steel",
  "Chemicals",
  "Motors",
  "Machinery",
  "Plastics",
  "Pharmaceuticals",
  "Packaging",
  "Energy",
  "Solar",
  "Semiconductors",
  "Instruments",
  "Components",
  "Tools",
  "Trading",
  "Industries",
  "Systems",
  "Technologies",
  "Materials",
  "Fasteners",
  "Bearings",
  "Optics",
  "Medical",
  "Furniture",
  "Paper",
  "Glass",
  "Ceramics",
  "Rubber",
  "Cables",
  "Devices",
  "Robotics",
  "Aerospace",
  "Marine",
  "Agro",
  "Beverages",
  "Cosmetics",
  "Apparel",
];
const LATIN_SUFFIXES = [
  "Inc.",
  "Ltd.",
  "GmbH",
  "S.A.",
  "K.K.",
  "Co., Ltd.",
  "LLC",
  "AG",
  "B.V.",
  "S.p.A.",
  "Pte. Ltd.",
  "Corp.",
  "PLC",
  "S.A.S.",
  "GmbH & Co. KG",
  "Oy",
  "AB",
  "S.r.l.",
  "Pty Ltd",
  "Sdn. Bhd.",
  "N.V.",
  "Limited",
  "Corporation",
  "Co.",
  "SE",
  "",
];
const CITIES: [string, string][] = [
  ["上海", "Shanghai"],
  ["北京", "Beijing"],
  ["深圳", "Shenzhen"],
  ["广州", "Guangzhou"],
  ["杭州", "Hangzhou"],
  ["苏州", "Suzhou"],
  ["南京", "Nanjing"],
  ["天津", "Tianjin"],
  ["重庆", "Chongqing"],
  ["成都", "Chengdu"],
  ["武汉", "Wuhan"],
  ["宁波", "Ningbo"],
  ["青岛", "Qingdao"],
  ["厦门", "Xiamen"],
  ["东莞", "Dongguan"],
  ["佛山", "Foshan"],
  ["无锡", "Wuxi"],
  ["大连", "Dalian"],
  ["西安", "Xi'an"],
  ["长沙", "Changsha"],
];
const HANZI: [string, string][] = [
  ["东", "dong"],
  ["方", "fang"],
  ["明", "ming"],
  ["珠", "zhu"],
  ["华", "hua"],
  ["海", "hai"],
  ["金", "jin"],
  ["星", "xing"],
  ["龙", "long"],
  ["凤", "feng"],
  ["天", "tian"],
  ["宇", "yu"],
  ["新", "xin"],
  ["恒", "heng"],
  ["泰", "tai"],
  ["安", "an"],
  ["盛", "sheng"],
  ["达", "da"],
  ["通", "tong"],
  ["宏", "hong"],
  ["远", "yuan"],
  ["瑞", "rui"],
  ["祥", "xiang"],
  ["嘉", "jia"],
  ["信", "xin"],
  ["诚", "cheng"],
  ["德", "de"],
  ["富", "fu"],
  ["隆", "long"],
  ["昌", "chang"],
  ["永", "yong"],
  ["利", "li"],
  ["光", "guang"],
  ["辉", "hui"],
  ["源", "yuan"],
  ["丰", "feng"],
  ["鑫", "xin"],
  ["鼎", "ding"],
  ["汇", "hui"],
  ["联", "lian"],
  ["中", "zhong"],
  ["国", "guo"],
  ["立", "li"],
  ["成", "cheng"],
  ["博", "bo"],
  ["创", "chuang"],
  ["易", "yi"],
  ["美", "mei"],
  ["佳", "jia"],
  ["万", "wan"],
  ["力", "li"],
  ["亚", "ya"],
  ["环", "huan"],
  ["宝", "bao"],
  ["腾", "teng"],
  ["飞", "fei"],
  ["云", "yun"],
  ["峰", "feng"],
  ["山", "shan"],
  ["江", "jiang"],
];
const ZH_INDUSTRIES: [string, string][] = [
  ["科技", "Technology"],
  ["电子", "Electronics"],
  ["机械", "Machinery"],
  ["化工", "Chemical"],
  ["贸易", "Trading"],
  ["物流", "Logistics"],
  ["食品", "Foods"],
  ["纺织", "Textile"],
  ["汽车零部件", "Auto Parts"],
  ["医药", "Pharmaceutical"],
  ["新材料", "New Materials"],
  ["精密制造", "Precision Manufacturing"],
  ["光电", "Optoelectronics"],
  ["包装", "Packaging"],
  ["能源", "Energy"],
  ["实业", "Industrial"],
  ["塑胶", "Plastics"],
  ["五金", "Hardware"],
  ["环保", "Environmental"],
  ["智能装备", "Intelligent Equipment"],
];
const ZH_SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司", "科技有限公司"];

function pseudoWord(): string {
  const n = chance(0.5) ? 2 : 3;
  return cap(Array.from({ length: n }, () => pick(SYLLABLES)).join(""));
}

interface GeneratedCustomer {
  name: string;
  nameZh: string;
  taxId: string;
  registrationNumber: string;
  aliases: { name: string; kind: string }[];
}

function latinName(): string {
  const core = (() => {
    switch (Math.floor(random() * 5)) {
      case 0:
        return `${pick(SURNAMES)} ${pick(INDUSTRIES)}`;
      case 1:
        return `${pseudoWord()} ${pick(INDUSTRIES)}`;
      case 2:
        return `${pick(PLACES)} ${pseudoWord()} ${pick(INDUSTRIES)}`;
      case 3:
        return `${pseudoWord()}${pick(["", "-", " & "])}${pseudoWord()}`;
      default:
        return `${pick(SURNAMES)} & ${pick(SURNAMES)} ${pick(INDUSTRIES)}`;
    }
  })();
  const suffix = pick(LATIN_SUFFIXES);
  return suffix ? `${core} ${suffix}` : core;
}

function generateCustomer(): GeneratedCustomer {
  const aliases: { name: string; kind: string }[] = [];
  let name: string;
  let nameZh = "";
  if (chance(0.3)) {
    const [cityZh, cityEn] = pick(CITIES);
    const brand = [pick(HANZI), pick(HANZI)];
    const [indZh, indEn] = pick(ZH_INDUSTRIES);
    const sfx = pick(ZH_SUFFIXES);
    nameZh = `${cityZh}${brand[0][0]}${brand[1][0]}${indZh}${sfx}`;
    name = `${cityEn} ${cap(brand[0][1])}${brand[1][1]} ${indEn} Co., Ltd.`;
    if (chance(0.3)) aliases.push({ name: `${brand[0][0]}${brand[1][0]}${indZh}`, kind: "CHINESE" });
  } else {
    name = latinName();
    if (chance(0.05)) aliases.push({ name: `${pick(HANZI)[0]}${pick(HANZI)[0]}${pick(ZH_INDUSTRIES)[0]}有限公司`, kind: "CHINESE" });
  }
  if (chance(0.15)) aliases.push({ name: pseudoWord(), kind: "TRADING" });
  if (chance(0.08)) aliases.push({ name: latinName(), kind: "FORMER" });
  if (chance(0.03))
    aliases.push({
      name: name
        .split(/\s+/)
        .map((w) => w[0])
        .join("")
        .toUpperCase(),
      kind: "OTHER",
    });
  const taxId = chance(0.8)
    ? pick([
        () => `DE${digits(9)}`,
        () => `91${digits(6)}MA${digits(8)}${pick(["X", "Y", "0", "1"])}`,
        () => `${digits(2)}-${digits(7)}`,
        () => `FR ${digits(2)} ${digits(9)}`,
        () => `GB ${digits(3)} ${digits(4)} ${digits(2)}`,
      ])()
    : "";
  const registrationNumber = chance(0.4) ? pick([() => `HRB ${digits(6)}`, () => `${digits(8)}`, () => `RCS ${digits(9)}`])() : "";
  return { name, nameZh, taxId, registrationNumber, aliases };
}

// ------------------------------------------------------------ build

function build() {
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.building`;
  createMigratedDatabase(tmp);
  const sqlite = new Database(tmp);
  if (file === namesOnlyFile) sqlite.exec(`DROP TRIGGER "CustomerSearchName_ai"`);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -1000000");
  const now = new Date().toISOString();
  const insertCustomer = sqlite.prepare(
    `INSERT INTO Customer (id, name, nameZh, taxId, registrationNumber, acceptsRequests, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAlias = sqlite.prepare(`INSERT INTO CustomerAlias (id, customerId, name, kind) VALUES (?, ?, ?, ?)`);
  const started = performance.now();
  let aliasCount = 0;
  const BATCH = 20_000;
  for (let start = 0; start < CUSTOMERS; start += BATCH) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(start + BATCH, CUSTOMERS); i++) {
        const c = generateCustomer();
        const id = `bench${i.toString(36).padStart(8, "0")}`;
        insertCustomer.run(id, c.name, c.nameZh, c.taxId, c.registrationNumber, chance(0.9) ? 1 : 0, now);
        for (const a of c.aliases) insertAlias.run(`${id}a${aliasCount++}`, id, a.name, a.kind);
      }
    })();
    process.stdout.write(
      `\r  built ${Math.min(start + BATCH, CUSTOMERS).toLocaleString("en")} customers (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const names = sqlite.prepare(`SELECT count(*) AS n FROM CustomerSearchName`).get() as { n: number };
  sqlite.pragma("journal_mode = DELETE");
  sqlite.exec("ANALYZE");
  sqlite.close();
  fs.renameSync(tmp, file);
  console.log(
    `\n  ${CUSTOMERS.toLocaleString("en")} customers, ${aliasCount.toLocaleString("en")} aliases, ${names.n.toLocaleString("en")} indexed names in ${((performance.now() - started) / 1000).toFixed(0)} s; ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`,
  );
}

/** Copies the SQLite directory into PostgreSQL once (through the search triggers); returns its URL. */
async function buildPostgres(): Promise<string> {
  const name = `sc_bench_${CUSTOMERS}`;
  const server = process.env.BENCH_POSTGRES_URL ?? TEST_POSTGRES_URL;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
  if (exists && !args.has("rebuild")) {
    await admin.end();
    console.log(`Reusing PostgreSQL database ${name}`);
    // Migrations added since it was built (new search indexes) are applied as a deployment would.
    await migratePostgres(urlFor(name), (line) => console.log(`  ${line}`));
    return urlFor(name);
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = urlFor(name);
  await migratePostgres(url, () => {});
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Bulk load: the triggers and the search indexes are switched off while the
  // customers and aliases are copied (multi-row inserts), then the index table
  // is filled by the migration's own backfill statements (the same functions the
  // triggers use) and its indexes are built once.
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`ALTER TABLE "Customer" DISABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "CustomerAlias" DISABLE TRIGGER USER`);
  const indexes = (
    await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'CustomerSearchName' AND indexname <> 'CustomerSearchName_pkey'`,
    )
  ).rows;
  for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
  const sqlite = new Database(file, { readonly: true });
  const started = performance.now();
  const BATCH = 20_000;
  let done = 0;
  let batch: unknown[][] = [];
  const insertCustomers = (b: unknown[][]) =>
    client.query(
      `INSERT INTO "Customer" ("id", "name", "nameZh", "taxId", "registrationNumber", "acceptsRequests", "updatedAt")
       SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])`,
      [0, 1, 2, 3, 4, 5].map((i) => b.map((r) => r[i])),
    );
  const insertAliases = (b: unknown[][]) =>
    client.query(
      `INSERT INTO "CustomerAlias" ("id", "customerId", "name", "kind") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [0, 1, 2, 3].map((i) => b.map((r) => r[i])),
    );
  const customers = sqlite.prepare(`SELECT id, name, nameZh, taxId, registrationNumber, acceptsRequests FROM Customer`).raw().all() as unknown[][];
  for (const c of customers) {
    batch.push([c[0], c[1], c[2], c[3], c[4], Boolean(c[5])]);
    if (batch.length === BATCH) {
      await insertCustomers(batch);
      done += batch.length;
      batch = [];
      process.stdout.write(`\r  copied ${done.toLocaleString("en")} customers to PostgreSQL (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  if (batch.length) await insertCustomers(batch);
  batch = [];
  const aliases = sqlite.prepare(`SELECT id, customerId, name, kind FROM CustomerAlias`).raw().all() as unknown[][];
  for (const a of aliases) {
    batch.push(a);
    if (batch.length === BATCH) {
      await insertAliases(batch);
      batch = [];
    }
  }
  if (batch.length) await insertAliases(batch);
  // The migration's backfill statements, split in two halves of the customers run on two
  // connections at once (the generated columns' functions are the work; one core each).
  const migration = fs.readFileSync(path.join(root, "prisma/postgresql/raw/20261127143700_customer_search.sql"), "utf8");
  const backfill = migration
    .slice(migration.indexOf("-- Existing customers and aliases."))
    .split(/;\s*$/m)
    .filter((x) => x.includes("INSERT"));
  const halves = [0, 1].map((half) =>
    backfill.map((statement) => statement.replace(/WHERE btrim\("\w+"\) <> ''/g, (where) => `${where} AND hashtext("id") & 1 = ${half}`)),
  );
  await Promise.all(
    halves.map(async (statements) => {
      const worker = new pg.Client({ connectionString: url });
      await worker.connect();
      for (const statement of statements) await worker.query(statement);
      await worker.end();
    }),
  );
  const filled = performance.now();
  for (const i of indexes) await client.query(i.def);
  await client.query(`ALTER TABLE "Customer" ENABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "CustomerAlias" ENABLE TRIGGER USER`);
  console.log(`\n  names filled in ${((filled - started) / 1000).toFixed(0)} s, indexes built in ${((performance.now() - filled) / 1000).toFixed(0)} s`);
  sqlite.close();
  await client.query(`VACUUM ANALYZE "CustomerSearchName"`);
  const { rows } = await client.query(`SELECT count(*)::int AS n, pg_size_pretty(pg_database_size(current_database())) AS size FROM "CustomerSearchName"`);
  await client.end();
  console.log(
    `\n  PostgreSQL: ${rows[0].n.toLocaleString("en")} indexed names in ${((performance.now() - started) / 1000).toFixed(0)} s; database ${rows[0].size}`,
  );
  return url;
}

// ------------------------------------------------------------ queries

interface BenchQuery {
  kind: string;
  q: string;
  /** The customer the query was derived from (null: expected to find nothing in particular). */
  target: string | null;
  /** Its name: with generated names, other customers may have exactly the same name, and finding one of them counts. */
  targetName?: string;
  /** For typo queries: the text before the typo; any result whose name starts with it is a correct find. */
  intended?: string;
}

const squash = (s: string) =>
  stripAccents(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

const stripAccents = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");

/** A name without its legal form, folded: what a query without a legal form can tell apart. */
const coreName = (s: string) => squash(stripLegalForms(spacedForm(s)));

function typo(s: string): string {
  const chars = Array.from(s);
  const letters = chars.map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i > 0);
  if (!letters.length) return s;
  const i = pick(letters);
  switch (Math.floor(random() * 4)) {
    case 0:
      chars[i] = chars[i] === "e" ? "a" : "e";
      break; // substitution
    case 1:
      chars.splice(i, 1);
      break; // missing letter
    case 2:
      chars.splice(i, 0, chars[i]);
      break; // doubled letter
    default:
      if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]]; // swapped neighbours
  }
  return chars.join("");
}

const LEGAL =
  /\s+(Inc\.|Ltd\.|GmbH.*|S\.A\.S?\.|K\.K\.|Co\., Ltd\.|LLC|AG|B\.V\.|S\.p\.A\.|Pte\. Ltd\.|Corp\.|PLC|Oy|AB|S\.r\.l\.|Pty Ltd|Sdn\. Bhd\.|N\.V\.|Limited|Corporation|Co\.|SE)$/;

function makeQueries(sqlite: Database.Database, count: number): BenchQuery[] {
  const ofKind = sqlite.prepare(
    `SELECT n.customerId, n.text, c.name FROM CustomerSearchName n JOIN Customer c ON c.id = n.customerId WHERE n.id >= ? AND n.kind IN (SELECT value FROM json_each(?)) LIMIT 1`,
  );
  const maxId = (sqlite.prepare(`SELECT max(id) AS m FROM CustomerSearchName`).get() as { m: number }).m;
  const sample = (kinds: string[]) =>
    ofKind.get(1 + Math.floor(random() * maxId), JSON.stringify(kinds)) as { customerId: string; text: string; name: string } | undefined;
  const mix: [string, number, () => BenchQuery | null | undefined][] = [
    [
      "exact name",
      12,
      () => {
        const r = sample(["NAME"]);
        return r && { kind: "", q: r.text, target: r.customerId, targetName: r.name };
      },
    ],
    [
      "typeahead prefix 3-8",
      22,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        return { kind: "", q: r.text.slice(0, 3 + Math.floor(random() * 6)), target: null };
      },
    ],
    [
      "name without legal form, lower case, no accents",
      10,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        return {
          kind: "",
          q: stripAccents(
            r.text.replace(
              /\s+(Inc\.|Ltd\.|GmbH.*|S\.A\.S?\.|K\.K\.|Co\., Ltd\.|LLC|AG|B\.V\.|S\.p\.A\.|Pte\. Ltd\.|Corp\.|PLC|Oy|AB|S\.r\.l\.|Pty Ltd|Sdn\. Bhd\.|N\.V\.|Limited|Corporation|Co\.|SE)$/,
              "",
            ),
          ).toLowerCase(),
          target: r.customerId,
          targetName: r.name,
        };
      },
    ],
    [
      "word inside a name",
      8,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        const words = r.text.split(/\s+/).filter((w) => w.length >= 4);
        return words.length ? { kind: "", q: pick(words), target: null } : null;
      },
    ],
    [
      "one typo (5+ letters)",
      12,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        const base = r.text.split(/\s+/).slice(0, 2).join(" ");
        return base.length >= 6 ? { kind: "", q: typo(base), target: r.customerId, targetName: r.name, intended: base } : null;
      },
    ],
    [
      "one-word name: substitution or swap",
      5,
      () => {
        const r = sample(["NAME"]);
        const core = r?.text.replace(LEGAL, "");
        if (!r || !core || /\s|-|&/.test(core) || core.length < 6) return null;
        return {
          kind: "",
          q: typoAt(core, Math.floor(random() * (core.length - 1)), chance(0.5) ? 0 : 3),
          target: r.customerId,
          targetName: r.name,
          intended: core,
        };
      },
    ],
    [
      "typo in a later word (5+ letters)",
      5,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        const ws = r.text.replace(LEGAL, "").split(/\s+/);
        const later = ws.map((w, i) => (i > 0 && /^\p{L}{5,}$/u.test(w) ? i : -1)).filter((i) => i > 0);
        if (!later.length) return null;
        const at = pick(later);
        ws[at] = typoAt(ws[at], 1 + Math.floor(random() * (ws[at].length - 2)), Math.floor(random() * 4));
        return { kind: "", q: ws.join(" "), target: r.customerId, targetName: r.name };
      },
    ],
    [
      "transposed pair at the end",
      3,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        const ws = r.text.replace(LEGAL, "").split(/\s+/);
        const last = ws.length - 1;
        if (!/^\p{L}{5,}$/u.test(ws[last])) return null;
        ws[last] = typoAt(ws[last], ws[last].length - 2, 3);
        return { kind: "", q: ws.join(" "), target: r.customerId, targetName: r.name };
      },
    ],
    [
      "two typos in a word of 9+",
      3,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        const ws = r.text.replace(LEGAL, "").split(/\s+/);
        const at = ws.findIndex((w) => /^\p{L}{9,}$/u.test(w));
        if (at < 0) return null;
        const w = ws[at];
        ws[at] = typoAt(typoAt(w, w.length - 2 - Math.floor(random() * 3), pick([0, 2, 3])), 1 + Math.floor(random() * 3), chance(0.5) ? 0 : 3);
        return { kind: "", q: ws.join(" "), target: r.customerId, targetName: r.name };
      },
    ],
    [
      '"and" for "&" (und, et, 和)',
      3,
      () => {
        const r = sample(["NAME"]);
        if (!r || !r.text.includes(" & ")) return null;
        return { kind: "", q: r.text.replace(LEGAL, "").replace(" & ", ` ${pick(["and", "und", "et", "和"])} `), target: r.customerId, targetName: r.name };
      },
    ],
    [
      "missing or extra space",
      3,
      () => {
        const r = sample(["NAME"]);
        if (!r) return null;
        const core = r.text.replace(LEGAL, "");
        const ws = core.split(/\s+/);
        if (ws.length >= 2 && chance(0.5))
          return { kind: "", q: ws[0] + ws[1] + (ws.length > 2 ? " " + ws.slice(2).join(" ") : ""), target: r.customerId, targetName: r.name };
        const long = ws.findIndex((w) => /^\p{L}{6,}$/u.test(w));
        if (long < 0) return null;
        const cut = 3 + Math.floor(random() * (ws[long].length - 5));
        ws[long] = `${ws[long].slice(0, cut)} ${ws[long].slice(cut)}`;
        return { kind: "", q: ws.join(" "), target: r.customerId, targetName: r.name };
      },
    ],
    [
      "Chinese full name",
      6,
      () => {
        const r = sample(["NAME_ZH"]);
        return r && { kind: "", q: r.text, target: r.customerId, targetName: r.name };
      },
    ],
    [
      "Chinese 2 characters (brand)",
      6,
      () => {
        const r = sample(["NAME_ZH"]);
        return r && { kind: "", q: Array.from(r.text).slice(2, 4).join(""), target: null };
      },
    ],
    [
      "Chinese 4 characters inside",
      5,
      () => {
        const r = sample(["NAME_ZH"]);
        return r && { kind: "", q: Array.from(r.text).slice(2, 6).join(""), target: null };
      },
    ],
    [
      "alias",
      6,
      () => {
        const r = sample(["TRADING", "FORMER", "CHINESE"]);
        return r && { kind: "", q: r.text, target: r.customerId, targetName: r.name };
      },
    ],
    [
      "tax / registration number",
      7,
      () => {
        const r = sample(["TAX_ID", "REGISTRATION"]);
        if (!r) return null;
        return { kind: "", q: chance(0.5) ? r.text.replace(/[\s-]/g, "") : r.text, target: r.customerId, targetName: r.name };
      },
    ],
    [
      "1-2 characters",
      3,
      () => {
        const r = sample(["NAME"]);
        return r && { kind: "", q: r.text.slice(0, chance(0.5) ? 1 : 2), target: null };
      },
    ],
    ["no match", 3, () => ({ kind: "", q: `${pseudoWord()}qx${digits(2)}`, target: null })],
  ];
  const total = mix.reduce((s, [, w]) => s + w, 0);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    let x = random() * total;
    const entry = mix.find(([, w]) => (x -= w) < 0) ?? mix[0];
    if (args.has("only") && !entry[0].includes(args.get("only")!)) continue;
    const q = entry[2]();
    if (q && q.q.trim()) queries.push({ ...q, kind: entry[0] });
  }
  return queries;
}

// ------------------------------------------------------------ profile

type Statement = { ms: number; sql: string; values: unknown[]; rows: number };
type Profile = Map<string, Statement[]>;

/** Which look-up of src/server/sql/customer-search*.ts a statement is. */
function statementKind(sql: string): string {
  if (/'%'\)/.test(sql) && !/LIKE \('%'/.test(sql)) return "namesStartingWith";
  if (/UNION ALL/.test(sql)) return "namesWithPartsEach (typo look-ups)";
  if (/"pairs" &&/.test(sql)) return "namesContainingPair";
  if (/"spaced" = ANY|spaced IN|"spaced" IN/.test(sql)) return "namesEqualTo";
  if (/LIKE|MATCH/.test(sql)) return "namesWithParts";
  if (/FROM "Customer"|FROM Customer/.test(sql)) return "customersByIds";
  return sql.replace(/\s+/g, " ").slice(0, 40);
}

/**
 * --profile: times every statement the search sends (by look-up), so the
 * slow one can be found; printProfile() shows p50/p95 per look-up and, on
 * PostgreSQL, EXPLAIN ANALYZE of the slowest of each. The search's reads go
 * through `read.statement` (src/server/db.ts), SQLite's FTS5 look-ups through
 * `$queryRaw`: both are timed.
 */
function profileStatements(client: { $queryRaw: (...a: never[]) => Promise<unknown> }, reads: { statement: (sql: Prisma.Sql) => Promise<unknown[]> }): Profile {
  const profile: Profile = new Map();
  const timed = async <T>(sql: Prisma.Sql, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    let rows = 0;
    try {
      const result = await run();
      rows = Array.isArray(result) ? result.length : 0;
      return result;
    } finally {
      const kind = statementKind(sql.text);
      if (!profile.has(kind)) profile.set(kind, []);
      profile.get(kind)!.push({ ms: performance.now() - t0, sql: sql.text, values: sql.values, rows });
    }
  };
  const original = client.$queryRaw.bind(client) as (...a: unknown[]) => Promise<unknown>;
  (client as { $queryRaw: unknown }).$queryRaw = (strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
    timed(strings instanceof Prisma.Sql ? strings : new Prisma.Sql(strings as readonly string[], values as never[]), () => original(strings, ...values));
  const read = reads.statement;
  reads.statement = (sql) => timed(sql, () => read(sql));
  return profile;
}

async function printProfile(client: { $queryRawUnsafe: (sql: string, ...values: unknown[]) => Promise<unknown> }, profile: Profile) {
  console.log(`\nStatements (wall-clock ms per statement: p50 p95 max; rows returned: mean, max):`);
  for (const [kind, list] of profile) {
    const t = list.map((x) => x.ms).sort((a, b) => a - b);
    const rows = list.map((x) => x.rows);
    console.log(
      `${kind.padEnd(48)} ${String(list.length).padStart(5)} ${ms(pct(t, 50))} ${ms(pct(t, 95))} ${ms(t[t.length - 1])}  ${(rows.reduce((a, b) => a + b, 0) / rows.length).toFixed(0).padStart(5)} ${String(Math.max(...rows)).padStart(5)}`,
    );
  }
  if (ENGINE !== "postgres") return;
  // Where a look-up's time goes on the server: planning or execution (EXPLAIN ANALYZE of up to 50 of each, re-run now).
  console.log(`\nOn the server (EXPLAIN ANALYZE of up to 50 statements of each look-up, re-run): planning / execution ms, p50 and p95`);
  for (const [kind, list] of profile) {
    const planning: number[] = [];
    const execution: number[] = [];
    for (const st of list.filter((_, i) => i % Math.max(1, Math.floor(list.length / 50)) === 0).slice(0, 50)) {
      const plan = (await client.$queryRawUnsafe(`EXPLAIN (ANALYZE, FORMAT JSON) ${st.sql}`, ...st.values)) as {
        "QUERY PLAN": [{ "Planning Time": number; "Execution Time": number }];
      }[];
      planning.push(plan[0]["QUERY PLAN"][0]["Planning Time"]);
      execution.push(plan[0]["QUERY PLAN"][0]["Execution Time"]);
    }
    const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(48)} ${String(planning.length).padStart(5)}  planning ${ms(pct(sorted(planning), 50))} ${ms(pct(planning, 95))}  execution ${ms(pct(sorted(execution), 50))} ${ms(pct(execution, 95))}`,
    );
  }
  for (const [kind, list] of profile) {
    const worst = list.reduce((a, b) => (b.ms > a.ms ? b : a));
    const plan = (await client.$queryRawUnsafe(`EXPLAIN (ANALYZE, BUFFERS) ${worst.sql}`, ...worst.values)) as { "QUERY PLAN": string }[];
    console.log(`\n-- slowest ${kind} (${worst.ms.toFixed(1)} ms when measured), values ${JSON.stringify(worst.values).slice(0, 300)}`);
    console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
  }
}

// ------------------------------------------------------------ measure

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const ms = (x: number) => x.toFixed(2).padStart(7);

async function main() {
  if (args.has("rebuild")) fs.rmSync(file, { force: true });
  if (fs.existsSync(file)) console.log(`Reusing ${path.relative(root, file)}`);
  else {
    console.log(`Building ${path.relative(root, file)} ...`);
    build();
  }

  if (args.has("optimize")) {
    // Merge the FTS5 segments into one (the recommended nightly maintenance); persists in the file.
    const rw = new Database(file);
    const t0 = performance.now();
    rw.exec(`INSERT INTO CustomerSearchIndex(CustomerSearchIndex) VALUES('optimize')`);
    rw.close();
    console.log(`  optimize: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  if (args.has("build-only")) {
    if (ENGINE === "postgres") await buildPostgres();
    return;
  }
  const sqlite = new Database(file, { readonly: true });
  const segments = file === namesOnlyFile ? 0 : (sqlite.prepare(`SELECT count(DISTINCT segid) AS n FROM CustomerSearchIndex_idx`).get() as { n: number }).n;
  const queries = makeQueries(sqlite, WARMUP + QUERIES);
  sqlite.close();

  process.env.DATABASE_URL = ENGINE === "postgres" ? await buildPostgres() : `file:${file}`;
  process.env.DATA_DIR = dir;
  process.env.APP_ENV = "test";
  const { searchDirectory } = await import("@/features/customer-search/search");
  const { db, read } = await import("@/server/db");

  const profiled = args.has("profile") ? profileStatements(db, read) : null;
  for (const q of queries.slice(0, WARMUP)) await searchDirectory(q.q);
  profiled?.clear();
  const results: { kind: string; q: string; ms: number; cpu: number; found: boolean | null; strict: boolean | null; count: number }[] = [];
  const misses: string[] = [];
  for (const q of queries.slice(WARMUP)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const hits = await searchDirectory(q.q);
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const strict = q.target
      ? hits.some((h) => h.id === q.target || h.name === q.targetName || (q.intended !== undefined && squash(h.matched).startsWith(squash(q.intended))))
      : null;
    // A query without a legal form cannot tell "Suzuki Aerospace AB" from "Suzuki Aerospace Oy": either is a right answer.
    const found = strict === null ? null : strict || hits.some((h) => coreName(h.name) === coreName(q.targetName ?? ""));
    results.push({ kind: q.kind, q: q.q, ms: t, cpu: (c.user + c.system) / 1000, found, strict, count: hits.length });
    if (found === false && args.has("misses"))
      misses.push(`${q.kind}: "${q.q}" for "${q.targetName}" -> ${hits.map((h) => `"${h.matched}"`).join(", ") || "nothing"}`);
  }
  if (misses.length) console.log(`\nQueries that did not find their customer (--misses):\n${misses.join("\n")}`);
  if (args.has("slowest")) {
    console.log(`\nSlowest queries (--slowest):`);
    for (const r of [...results].sort((a, b) => b.ms - a.ms).slice(0, Number(args.get("slowest")) || 20))
      console.log(`${ms(r.ms)}  ${r.kind}: ${JSON.stringify(r.q)} (${r.count} hits)`);
  }
  if (profiled) await printProfile(db, profiled);
  await db.$disconnect();

  const line = (label: string, rs: typeof results) => {
    const t = rs.map((r) => r.ms).sort((a, b) => a - b);
    const cpu = rs.map((r) => r.cpu).sort((a, b) => a - b);
    const withTarget = rs.filter((r) => r.found !== null);
    const share = (n: number) => (withTarget.length ? `${((100 * n) / withTarget.length).toFixed(0)}%` : "-");
    const avgHits = rs.reduce((s, r) => s + r.count, 0) / rs.length;
    console.log(
      `${label.padEnd(48)} ${String(rs.length).padStart(5)} ${ms(pct(t, 50))} ${ms(pct(t, 95))} ${ms(pct(t, 99))} ${ms(t[t.length - 1])}  ${ms(pct(cpu, 50))} ${ms(pct(cpu, 95))}  ${avgHits.toFixed(1).padStart(4)}  ${share(withTarget.filter((r) => r.found).length).padStart(5)}  ${share(withTarget.filter((r) => r.strict).length).padStart(6)}`,
    );
  };
  console.log(
    `\n${ENGINE === "postgres" ? "PostgreSQL" : "SQLite"}: ${CUSTOMERS.toLocaleString("en")} customers, FTS5 segments: ${ENGINE === "postgres" ? "-" : segments}, ${QUERIES} measured queries (after ${WARMUP} warm-up), one at a time, through searchDirectory()`,
  );
  console.log(
    `load average before: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; wall-clock ms (p50 p95 p99 max), then CPU ms of this process per query (p50 p95)`,
  );
  console.log(
    `${"query kind".padEnd(48)} ${"n".padStart(5)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"max".padStart(7)}  ${"cpu50".padStart(7)} ${"cpu95".padStart(7)}  hits  found  strict  (found: the target, or a customer of the same name apart from its legal form; strict: the target or one of exactly its name)`,
  );
  for (const kind of [...new Set(results.map((r) => r.kind))])
    line(
      kind,
      results.filter((r) => r.kind === kind),
    );
  line("ALL (ms)", results);
}

await main();
