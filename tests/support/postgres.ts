/**
 * The integration suite on PostgreSQL: a migrated template database built once
 * per run, and one database per test file created from it (CREATE DATABASE ...
 * TEMPLATE copies files: about 100 ms, no migrations per file).
 *
 * TEST_POSTGRES_URL names a role that may create databases (default: the one
 * `.ci/run` creates). `npm run test:unit` runs the PostgreSQL project only when
 * that server answers.
 */
import pg from "pg";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://supplier_connect:supplier_connect@127.0.0.1:5432/postgres";
export const TEMPLATE_DB = "sc_test_template";

export function urlFor(database: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await withAdmin((c) => c.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

/** Drops the databases a previous run left behind, then builds the migrated template. */
export async function createTemplate(migrate: (url: string) => Promise<unknown>): Promise<void> {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'sc_test_%'`);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  await migrate(urlFor(TEMPLATE_DB));
}

export async function createTestDatabase(name: string): Promise<string> {
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
  return urlFor(name);
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
