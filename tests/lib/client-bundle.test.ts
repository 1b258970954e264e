import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The free-mail list (~8,700 domains) and the zxcvbn dictionaries (megabytes)
// are server-only. `import "server-only"` is not available here, so this walks
// the import graph from every "use client" file, the way the bundler does, and
// fails if one of them is reachable. After `next build` the output can be
// checked too: `grep -rl hotmail.co.uk .next/static/chunks` finds nothing.

const root = path.resolve(import.meta.dirname, "../..");
const src = path.join(root, "src");
const serverOnlyFiles = ["src/lib/free-mail.ts", "src/lib/passwords.ts"];
const serverOnlyPackages = ["email-providers", "@zxcvbn-ts/"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : walk(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Module specifiers that end up in the bundle: value imports, re-exports, dynamic imports. */
function specifiers(code: string): string[] {
  const out: string[] = [];
  const statics = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;
  const dynamics = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const re of [statics, dynamics]) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

function resolve(spec: string, from: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(src, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every path from `start` to a server-only module, as "a -> b -> c" strings. */
function leaks(start: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const rel = path.relative(root, file);
    const here = [...trail, rel];
    if (serverOnlyFiles.includes(rel)) return void found.push(here.join(" -> "));
    for (const spec of specifiers(fs.readFileSync(file, "utf8"))) {
      if (serverOnlyPackages.some((p) => spec === p || spec.startsWith(p.endsWith("/") ? p : `${p}/`))) found.push([...here, spec].join(" -> "));
      const next = resolve(spec, file);
      if (next) visit(next, here);
    }
  };
  visit(start, []);
  return found;
}

const clientFiles = walk(src).filter((f) => /^\s*["']use client["']/.test(fs.readFileSync(f, "utf8")));

describe("client bundles", () => {
  it("finds the client components", () => {
    expect(clientFiles.map((f) => path.relative(root, f))).toContain("src/features/connection-requests/components/request-dialog.tsx");
  });

  it("never reach the free-mail list or the zxcvbn dictionaries", () => {
    expect(clientFiles.flatMap(leaks)).toEqual([]);
  });

  it("would notice a client file that reaches one through a schema", () => {
    // The walker itself: a server schema that uses the password rule is a leak.
    expect(leaks(path.join(src, "features/accounts/schemas.ts"))).toEqual(["src/features/accounts/schemas.ts -> src/lib/passwords.ts"]);
  });
});
