import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isClientModule, resolveImport, root, sourceFiles, specifiers, src } from "../support/import-graph";
import { baseNamespaces } from "@/lib/i18n/provider";
import { namespaces } from "@/lib/i18n/resources";

// A page sends the browser only the namespaces declared with
// <Translations ns={[...]}> in the page, its layouts or the components they
// render (plus `common` and `errors`, always sent). This walks the imports of
// every route file, the way the bundler does, and fails when a client
// component below it calls useTranslation("x") or t("x:...") for a namespace
// nobody declared (it would still work, fetched late as its own chunk).

const app = path.join(src, "app");

/** Namespaces used by client code and namespaces declared, over the import graph from `entries`. */
function scan(entries: string[]): { used: Map<string, string>; declared: Set<string> } {
  const used = new Map<string, string>();
  const declared = new Set<string>(baseNamespaces);
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const code = fs.readFileSync(file, "utf8");
    const inClient = client || isClientModule(code);
    if (inClient) {
      const rel = path.relative(root, file);
      for (const m of code.matchAll(/useTranslation\(\s*(?:["']([\w-]+)["'])?/g)) if (!used.has(m[1] ?? "common")) used.set(m[1] ?? "common", rel);
      for (const m of code.matchAll(/\bt\(\s*["'`]([a-z][\w-]*):/g)) if (!used.has(m[1])) used.set(m[1], rel);
    } else {
      const uncommented = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
      for (const m of uncommented.matchAll(/<Translations\b[^>]*?\bns=\{\[([^\]]*)\]\}/g))
        for (const n of m[1].matchAll(/["']([\w-]+)["']/g)) declared.add(n[1]);
    }
    for (const spec of specifiers(code)) {
      const next = resolveImport(spec, file);
      if (next) visit(next, inClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return { used, declared };
}

const routeFiles = sourceFiles(app).filter((f) => /\/(page|not-found|error|default)\.tsx$/.test(f));

/** The layouts above a route file, from the root down. */
function layoutsOf(file: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(file); dir.startsWith(app); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    if (fs.existsSync(layout)) out.unshift(layout);
  }
  return out;
}

function undeclared(file: string): string[] {
  const { used, declared } = scan([...layoutsOf(file), file]);
  return [...used].filter(([ns]) => !declared.has(ns)).map(([ns, where]) => `${path.relative(root, file)}: "${ns}" (used in ${where})`);
}

describe("namespaces sent to the browser", () => {
  it("finds the route files and real namespaces", () => {
    expect(routeFiles.map((f) => path.relative(root, f))).toContain("src/app/[lng]/(portal)/setup/requests/page.tsx");
    const { used } = scan([path.join(app, "[lng]/(portal)/setup/requests/page.tsx")]);
    expect([...used.keys()]).toEqual(expect.arrayContaining(["requests", "support"]));
    for (const ns of used.keys()) expect(namespaces).toContain(ns);
  });

  it("every namespace a page's client components use is declared by the page, its layouts or their components", () => {
    expect(routeFiles.flatMap(undeclared)).toEqual([]);
  });

  it("base namespaces stay small: no feature namespace is sent to every page", () => {
    expect([...baseNamespaces].sort()).toEqual(["common", "errors"]);
  });
});
