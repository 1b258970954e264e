import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isClientModule, resolveImport, root, sourceFiles, specifiers, src } from "../support/import-graph";

// The free-mail list (~8,700 domains) and the zxcvbn dictionaries (megabytes)
// are server-only. `import "server-only"` is not available here, so this walks
// the import graph from every "use client" file, the way the bundler does, and
// fails if one of them is reachable. After `next build` the output can be
// checked too: `grep -rl hotmail.co.uk .next/static/chunks` finds nothing.

const serverOnlyFiles = ["src/lib/free-mail.ts", "src/lib/passwords.ts"];
const serverOnlyPackages = ["email-providers", "@zxcvbn-ts/"];

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
      const next = resolveImport(spec, file);
      if (next) visit(next, here);
    }
  };
  visit(start, []);
  return found;
}

const clientFiles = sourceFiles(src).filter((f) => isClientModule(fs.readFileSync(f, "utf8")));

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
