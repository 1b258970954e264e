import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2eEnv, faultInstance, instancePorts, ports, postgresAddress, postgresUrl, relayedDatabaseUrl, serverLogFile } from "./tests/e2e/support/env";

// The Playwright process talks to the same SQLite file as the app (factories).
Object.assign(process.env, e2eEnv);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.e2e.ts",
  // The two-instance and database-fault checks need the PostgreSQL stack (E2E_DATABASE_URL): app instances behind the balancer.
  testIgnore: postgresUrl ? [] : ["**/two-instances.e2e.ts", "**/database-faults.e2e.ts"],
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: path.resolve(import.meta.dirname, "tests/e2e/support/global-setup.ts"),
  use: {
    baseURL: `http://localhost:${ports.app}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // The browser's zone reaches the server (the tz cookie); one zone everywhere keeps dates in
    // assertions stable. tests/e2e/time-zone.e2e.ts sets its own.
    timezoneId: "UTC",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "npx tsx tests/e2e/support/smtp-sink.ts",
      url: `http://127.0.0.1:${ports.smtpHttp}/health`,
      reuseExistingServer: false,
      env: e2eEnv,
      stdout: "ignore",
    },
    {
      // The production start script (it appends each connection's address to X-Forwarded-For);
      // its output goes to a file the tests read (error lines, reference ids). On PostgreSQL two
      // instances share the database and a round-robin balancer alternates requests between them; a
      // third, reached only when a test pins it, reaches the database through a relay a test can cut.
      command: !postgresUrl
        ? `npx tsx tests/e2e/support/prepare-db.ts && node src/scripts/start.mjs -p ${ports.app} > "${serverLogFile}" 2>&1`
        : `npx tsx tests/e2e/support/db-relay.ts ${faultInstance.relayPort} ${faultInstance.relayControl.split(":").pop()} ${postgresAddress} & ` +
          `npx tsx tests/e2e/support/prepare-db.ts && : > "${serverLogFile}" && (${instancePorts
            .map((p) => `node src/scripts/start.mjs -p ${p} >> "${serverLogFile}" 2>&1 &`)
            .join(" ")} DATABASE_URL='${relayedDatabaseUrl}' node src/scripts/start.mjs -p ${faultInstance.port} >> "${serverLogFile}" 2>&1 & ` +
          `npx tsx tests/e2e/support/round-robin.ts ${ports.app} ${instancePorts.join(" ")} --pinned ${faultInstance.port})`,
      url: `http://localhost:${ports.app}/en/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: e2eEnv,
      stdout: "ignore",
    },
  ],
});
