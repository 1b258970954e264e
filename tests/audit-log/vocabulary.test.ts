import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requestStatuses } from "@/features/connection-requests/state-machine";
import { auditActionLabel, auditEntityLabel } from "@/features/audit-log/labels";
import { i18nFor } from "@/lib/i18n/instance";

const src = path.resolve(import.meta.dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The text of every `audit(...)` call in src (balanced parentheses from the call on), with its file's code. */
function auditCalls(): { file: string; code: string; text: string }[] {
  const calls: { file: string; code: string; text: string }[] = [];
  for (const file of sourceFiles(src)) {
    const code = fs.readFileSync(file, "utf8");
    for (const m of code.matchAll(/\baudit\(/g)) {
      let depth = 0;
      let end = m.index;
      for (let i = m.index + "audit".length; i < code.length; i++) {
        if (code[i] === "(") depth++;
        if (code[i] === ")" && --depth === 0) {
          end = i;
          break;
        }
      }
      calls.push({ file: path.relative(src, file), code, text: code.slice(m.index, end + 1) });
    }
  }
  return calls.filter((c) => !c.text.startsWith("audit(tx: Tx"));
}

const actionLiteral = /"([a-z_]+)\.([a-z_]+)"/g;

/**
 * Every action an `audit(...)` call can write: the string literals of its `action:` expression
 * (ternaries give two); a template `prefix.${status.toLowerCase()}` over the request statuses; for
 * `action` passed in as a parameter, the literals of the same groups ("user.…") in the file.
 */
function writtenVocabulary() {
  const literal = new Set<string>();
  const passedIn: { file: string; code: string }[] = [];
  const entityTypes = new Set<string>();
  const unreadable: string[] = [];
  for (const { file, code, text } of auditCalls()) {
    const entity = text.match(/\bentityType:\s*"([A-Za-z]+)"/)?.[1];
    if (entity) entityTypes.add(entity);
    else unreadable.push(`${file}: entityType of ${text.slice(0, 120)}`);
    const m = text.match(/\baction(?::\s*([^\n]*?))?,\s*entityType/);
    if (!m) {
      unreadable.push(`${file}: action of ${text.slice(0, 120)}`);
      continue;
    }
    const expr = m[1];
    const template = expr?.match(/^`([a-z_]+)\.\$\{\w+\.toLowerCase\(\)\}`$/);
    const literals = [...(expr ?? "").matchAll(actionLiteral)].map((l) => `${l[1]}.${l[2]}`);
    if (expr === undefined) passedIn.push({ file, code });
    else if (template) for (const s of requestStatuses.filter((s) => s !== "PENDING")) literal.add(`${template[1]}.${s.toLowerCase()}`);
    else if (literals.length > 0) literals.forEach((a) => literal.add(a));
    else unreadable.push(`${file}: action of ${text.slice(0, 120)}`);
  }
  const groups = new Set([...literal].map((a) => a.split(".")[0]));
  const actions = new Set(literal);
  for (const { code } of passedIn) {
    for (const l of code.matchAll(actionLiteral)) if (groups.has(l[1])) actions.add(`${l[1]}.${l[2]}`);
  }
  return { actions: [...actions].sort(), entityTypes: [...entityTypes].sort(), unreadable };
}

describe("audit log vocabulary", () => {
  const written = writtenVocabulary();

  it("reads the action and object type of every audit call in src", () => {
    expect(written.actions.length).toBeGreaterThan(40);
    expect(written.actions).toContain("connection_request.rejected");
    expect(written.entityTypes).toContain("ConnectionRequest");
    expect(written.unreadable, "write action and entityType as literals (or extend this test)").toEqual([]);
  });

  for (const lng of ["en", "zh"] as const) {
    const has = (key: string) => i18nFor(lng).exists(key, { ns: "staff", lng, fallbackLng: false });
    it(`${lng}: every action written anywhere in src has a translation`, () => {
      expect(written.actions.filter((a) => !has(`audit.actions.${a}`))).toEqual([]);
      expect(auditActionLabel("connection_request.rejected", lng)).not.toBe("connection_request.rejected");
    });
    it(`${lng}: every object type written has a translation`, () => {
      expect(written.entityTypes.filter((e) => !has(`audit.entityTypes.${e}`))).toEqual([]);
    });
  }

  it("shows an unknown action or type as written", () => {
    expect(auditActionLabel("nothing.known", "zh")).toBe("nothing.known");
    expect(auditEntityLabel("Unknown", "en")).toBe("Unknown");
  });
});
