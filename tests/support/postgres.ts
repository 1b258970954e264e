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
/** One template per run (set by the global setup), so runs side by side do not touch each other's databases. */
export const templateName = () => process.env.TEST_POSTGRES_TEMPLATE ?? "sc_test_template";

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

/** Builds this run's migrated template; returns the teardown that drops it. */
export async function createTemplate(migrate: (url: string) => Promise<unknown>): Promise<() => Promise<void>> {
  const name = `sc_template_${process.pid}_${Date.now().toString(36)}`;
  process.env.TEST_POSTGRES_TEMPLATE = name;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  await migrate(urlFor(name));
  // A template is not connectable, so no test can change it by mistake.
  await withAdmin((c) => c.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`));
  // Teardown: the template and every test file's database made from it (named after it).
  return () =>
    withAdmin(async (c) => {
      await c.query(`ALTER DATABASE "${name}" IS_TEMPLATE false`);
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}%`]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
}

export async function createTestDatabase(name: string): Promise<string> {
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`));
  return urlFor(name);
}
