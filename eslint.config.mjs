import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Lint keeps the layering of docs/architecture.md true:
 * - only feature services (non-component files under src/features/) and src/server/ reach the database;
 * - src/app holds routes; nothing else imports a route;
 * - src/lib and src/components are shared by everyone and import no feature;
 * - features depend on each other in one direction: a feature imports only features listed before it
 *   below, so there can be no cycle. A new dependency upward means the shared piece belongs lower.
 */
const FEATURES = [
  "requirements",
  "customer-search",
  "notifications",
  "relationships",
  "sessions",
  "second-factor",
  "supplier-users",
  "accounts",
  "admin",
  "customers",
  "profile",
  "onboarding",
  "customer-setup",
  "support",
  "connection-requests",
  "customer-invitations",
  "staff-accounts",
  "audit-log",
  "mail-log",
  "background-duties",
];

const database = {
  group: ["@/server/db", "@/generated/*", "**/generated/prisma/*"],
  message: "Only feature services and src/server/ touch the database: call the owning feature's service.",
};
const routes = { group: ["@/app/*"], message: "Only routes import routes: move the shared piece into a feature or src/lib." };
const features = { group: ["@/features/*"], message: "Shared code imports no feature: move the piece into src/lib or src/components." };
const serverOnly = { group: ["@/server/*"], message: "src/lib is for both sides: server code belongs in src/server." };
const later = (feature) => {
  const above = FEATURES.slice(FEATURES.indexOf(feature) + 1);
  return {
    group: above.map((f) => `@/features/${f}/*`),
    message: `${feature} may import only features listed before it in eslint.config.mjs (no cycles between features).`,
  };
};
/**
 * The patterns above see only "@/" imports. This rule makes a relative import stay inside its own folder: a feature
 * folder (src/features/<f>/) or, elsewhere, its top-level layer (src/app, src/server, src/lib, src/components).
 * Anything beyond is imported through "@/...", where the layer and feature-order patterns apply.
 */
const ownFolder = (file) => {
  const parts = path.relative(import.meta.dirname, file).split(path.sep);
  if (parts[0] !== "src" || parts.length < 3) return null; // src/proxy.ts, src/instrumentation.ts: entry points of Next
  return parts[1] === "features" ? parts.slice(0, 3).join("/") : parts.slice(0, 2).join("/");
};
const layers = {
  rules: {
    "relative-imports-stay-inside": {
      meta: {
        type: "problem",
        schema: [],
        messages: { escapes: 'Relative import "{{source}}" leaves {{folder}}/: import it as "@/{{target}}" so the layer rules see it.' },
      },
      create(context) {
        const folder = ownFolder(context.filename);
        const check = (node) => {
          const source = node.source?.value;
          if (!folder || typeof source !== "string" || !source.startsWith(".")) return;
          const target = path
            .relative(import.meta.dirname, path.resolve(path.dirname(context.filename), source))
            .split(path.sep)
            .join("/");
          if (target === folder || target.startsWith(`${folder}/`)) return;
          context.report({ node: node.source, messageId: "escapes", data: { source, folder, target: target.replace(/^src\//, "") } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns: patterns.filter((p) => p.group.length) }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "tests/bench/bare-app/.next/**",
    "node_modules/**",
    "src/generated/**",
    "test-results/**",
    "playwright-report/**",
    "data/**",
    "next-env.d.ts",
  ]),
  { files: ["src/**"], plugins: { layers }, rules: { "layers/relative-imports-stay-inside": "error" } },
  {
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/app/**"], rules: restrict(database) },
  { files: ["src/components/**"], rules: restrict(database, routes, features) },
  { files: ["src/lib/**"], rules: restrict(database, routes, features, serverOnly) },
  { files: ["src/server/**"], rules: restrict(routes) },
  ...FEATURES.flatMap((f) => [
    { files: [`src/features/${f}/**`], rules: restrict(routes, later(f)) },
    { files: [`src/features/${f}/components/**`, `src/features/${f}/*/components/**`], rules: restrict(database, routes, later(f)) },
  ]),
  {
    // Tests and scripts drive the app from outside: they may reach the database directly.
    files: ["tests/**", "prisma/**", "src/scripts/**"],
    rules: { "no-restricted-imports": "off", "react-hooks/rules-of-hooks": "off" },
  },
]);
