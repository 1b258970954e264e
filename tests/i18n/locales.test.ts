import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lngFromAcceptLanguage } from "@/lib/i18n/config";

const root = path.resolve(import.meta.dirname, "../../locales");

function keys(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return [prefix];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Plural forms differ by language (zh has only _other); compare the base key. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, "");

describe("locale bundles", () => {
  const namespaces = fs.readdirSync(path.join(root, "en")).filter((f) => f.endsWith(".json"));

  it("have the same namespaces in every language", () => {
    expect(fs.readdirSync(path.join(root, "zh")).sort()).toEqual([...namespaces].sort());
  });

  for (const ns of namespaces) {
    it(`${ns}: every key exists in en and zh, with no empty text`, () => {
      const en = JSON.parse(fs.readFileSync(path.join(root, "en", ns), "utf8"));
      const zh = JSON.parse(fs.readFileSync(path.join(root, "zh", ns), "utf8"));
      const enKeys = new Set(keys(en).map(base));
      const zhKeys = new Set(keys(zh).map(base));
      expect(
        [...enKeys].filter((k) => !zhKeys.has(k)),
        `missing in zh/${ns}`,
      ).toEqual([]);
      expect(
        [...zhKeys].filter((k) => !enKeys.has(k)),
        `missing in en/${ns}`,
      ).toEqual([]);
      const empty = (obj: unknown): boolean => (typeof obj === "string" ? obj.trim() === "" : Object.values(obj as object).some(empty));
      expect(empty(en) || empty(zh)).toBe(false);
    });
  }

  it("is registered in resources.ts", () => {
    const registry = fs.readFileSync(path.resolve(root, "../src/lib/i18n/resources.ts"), "utf8");
    for (const ns of namespaces) expect(registry).toContain(`@locales/zh/${ns}`);
  });
});

describe("language from the browser", () => {
  it("picks the best supported language by quality", () => {
    expect(lngFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(lngFromAcceptLanguage("fr-FR,en;q=0.5,zh;q=0.4")).toBe("en");
    expect(lngFromAcceptLanguage("fr,de;q=0.9")).toBe("en");
    expect(lngFromAcceptLanguage("en;q=0.2,zh-TW;q=0.8")).toBe("zh");
    expect(lngFromAcceptLanguage(null)).toBe("en");
  });
});
