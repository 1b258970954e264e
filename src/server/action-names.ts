import fs from "node:fs";
import path from "node:path";

/**
 * The server actions of this build, from Next's manifest, by id (the
 * `Next-Action` header): `app/[lng]/(portal)/profile/actions.ts#uploadDocumentAction`.
 * Null when there is no production build to read (dev server, tests).
 */
let actions: Map<string, string> | null | undefined;

function load(): Map<string, string> | null {
  if (actions !== undefined) return actions;
  if (process.env.NODE_ENV !== "production") return null; // the dev server adds actions as it compiles
  try {
    const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Record<string, { filename?: string; exportedName?: string }>>;
    actions = new Map();
    for (const runtime of [json.node ?? {}, json.edge ?? {}]) {
      for (const [id, v] of Object.entries(runtime)) {
        actions.set(id, `${(v.filename ?? "").replace(/^src\//, "")}#${v.exportedName ?? "?"}`);
      }
    }
  } catch {
    actions = null;
  }
  return actions;
}

export function actionName(id: string): string | null {
  return load()?.get(id) ?? null;
}

/** Whether this build has the action; null when unknown (no manifest). */
export function isKnownAction(id: string): boolean | null {
  const all = load();
  return all ? all.has(id) : null;
}
