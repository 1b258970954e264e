import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@locales": path.join(root, "locales"),
      "@": path.join(root, "src"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-file.ts"],
    // Each file gets its own copy of the migrated template database.
    pool: "forks",
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
