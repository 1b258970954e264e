/**
 * The app's import graph read the way the bundler reads it, for the tests that
 * check what reaches the browser (tests/lib/client-bundle, client-namespaces).
 */
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const src = path.join(root, "src");

/** Every .ts/.tsx file under `dir`, the generated Prisma clients apart. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Module specifiers that end up in the bundle: value imports, re-exports, dynamic imports. */
export function specifiers(code: string): string[] {
  const out: string[] = [];
  const statics = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;
  const dynamics = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const re of [statics, dynamics]) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** The file an app import points at (`@/…` or relative), or null for a package. */
export function resolveImport(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(src, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export const isClientModule = (code: string) => /^\s*["']use client["']/.test(code);
