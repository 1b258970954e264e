import path from "node:path";

/**
 * Ports and environment of the browser-test stack. Override the ports with
 * E2E_PORT / E2E_SMTP_PORT / E2E_SMTP_HTTP_PORT to run several stacks at once.
 */
export const ports = {
  app: Number(process.env.E2E_PORT ?? 3100),
  smtp: Number(process.env.E2E_SMTP_PORT ?? 2525),
  smtpHttp: Number(process.env.E2E_SMTP_HTTP_PORT ?? 2526),
};

/**
 * E2E_DATABASE_URL=postgresql://… runs the suite on PostgreSQL, on two app
 * instances (ports app+3 and app+4) behind a round-robin balancer on the app
 * port (tests/e2e/support/round-robin.ts).
 */
export const postgresUrl = process.env.E2E_DATABASE_URL;
export const instancePorts = postgresUrl ? [ports.app + 3, ports.app + 4] : [ports.app];

/**
 * On PostgreSQL a third instance (app+5), reached only by a request pinned to
 * it (`X-E2E-Instance: 2`), reaches the database through a relay a test can cut
 * (support/db-relay.ts, relay on app+6, its control on app+7): the database goes
 * away for that instance alone (tests/e2e/database-faults.e2e.ts).
 */
export const faultInstance = { index: 2, port: ports.app + 5, relayPort: ports.app + 6, relayControl: `http://127.0.0.1:${ports.app + 7}` };
export const relayedDatabaseUrl = postgresUrl && Object.assign(new URL(postgresUrl), { hostname: "127.0.0.1", port: String(faultInstance.relayPort) }).href;
/** host:port of the PostgreSQL server the relay forwards to. */
export const postgresAddress = postgresUrl && `${new URL(postgresUrl).hostname}:${new URL(postgresUrl).port || 5432}`;

/** The balancer names the instance (0, 1) that served each answer in this header, and obeys it on a request. */
export const INSTANCE_HEADER = "x-e2e-instance";

const dataDir = path.resolve(import.meta.dirname, "../../../data/e2e");

/** The app server's output (stdout and stderr), for tests that check what it logged. */
export const serverLogFile = path.join(dataDir, "server.log");

export const e2eEnv: Record<string, string> = {
  APP_ENV: "test",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: dataDir,
  DATABASE_URL: postgresUrl ?? `file:${path.join(dataDir, "e2e.db")}`,
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789abcdef",
  PUBLIC_URL: `http://localhost:${ports.app}`,
  SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
  SIGN_IN_IP_LIMIT: "10000",
  E2E_PORT: String(ports.app),
  E2E_SMTP_PORT: String(ports.smtp),
  E2E_SMTP_HTTP_PORT: String(ports.smtpHttp),
};
