import { describe, expect, it } from "vitest";
import { safeFilename } from "@/features/profile/documents";
import { ACTION_BODY_LIMIT_BYTES, checkActionRequest } from "@/server/request-guard";
import { contentSecurityPolicy, hstsHeader } from "@/server/security-headers";

/** The checks in front of Next's action handling; the production server is tested in tests/e2e/malformed-requests.e2e.ts. */
const ID = "7f" + "a".repeat(40);
const known = (id: string) => id === ID;
const post = (body: BodyInit, headers: Record<string, string>) =>
  new Request("http://portal.test/en/profile", { method: "POST", body, headers: { host: "portal.test", ...headers } });

async function multipart(fields: [string, string | Blob, string?][]) {
  const form = new FormData();
  for (const [k, v, name] of fields) {
    if (typeof v === "string") form.append(k, v);
    else form.append(k, v, name);
  }
  const res = new Response(form);
  return { body: new Uint8Array(await res.arrayBuffer()), type: res.headers.get("content-type")! };
}

describe("action request guard", () => {
  it("lets a well-formed action through", async () => {
    const m = await multipart([
      ["0", '["$undefined","$K1"]'],
      ["1_file", new Blob(["%PDF-1.4"]), "ok.pdf"],
    ]);
    expect(await checkActionRequest(post(m.body, { "next-action": ID, "content-type": m.type, origin: "http://portal.test" }), known)).toBeNull();
    expect(await checkActionRequest(post('["$undefined",1,"$D2026-01-01"]', { "next-action": ID, "content-type": "text/plain" }), known)).toBeNull();
  });

  it("answers 403 to another origin, 400 to broken envelopes, 409 to unknown actions, 413 over the limit", async () => {
    const h = { "next-action": ID, "content-type": "text/plain" };
    const status = async (r: Request) => (await checkActionRequest(r, known))?.status;
    expect(await status(post("[]", { ...h, origin: "https://evil.example" }))).toBe(403);
    expect(await status(post("[]", { ...h, origin: "null" }))).toBe(403);
    expect(await status(post("a=1", { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }))).toBe(403);
    for (const bad of ["}{", '{"a":1}', '"x"', '["$Q1"]', '["$@2"]', JSON.stringify(Array(1001).fill(0))]) {
      expect(await status(post(bad, h)), bad.slice(0, 20)).toBe(400);
    }
    expect(await status(post("[]", { ...h, "next-action": "nope" }))).toBe(400);
    expect(await status(post("[]", { ...h, "next-action": "7f" + "b".repeat(40) }))).toBe(409);
    expect(await status(post("--zzz\r\nbroken", { ...h, "content-type": "multipart/form-data; boundary=zzz" }))).toBe(400);
    const nul = await multipart([["1_file", new Blob(["%PDF-1.4"]), "a\0b.pdf"]]);
    expect(await status(post(nul.body, { ...h, "content-type": nul.type }))).toBe(400);
    const big = await multipart([["1_file", new Blob([new Uint8Array(ACTION_BODY_LIMIT_BYTES)]), "big.pdf"]]);
    expect(await status(post(big.body, { ...h, "content-type": big.type }))).toBe(413);
  });

  it("ignores what is not an action post", async () => {
    expect(await checkActionRequest(new Request("http://portal.test/en/x"), known)).toBeNull();
    expect(await checkActionRequest(post("{}", { "content-type": "application/json", origin: "https://evil.example" }), known)).toBeNull();
  });
});

describe("upload file names", () => {
  it("keep the extension when shortened to 120 characters", () => {
    const long = safeFilename(`${"报告".repeat(100)}.pdf`);
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(safeFilename(`${"a".repeat(300)}.jpeg`)).toBe(`${"a".repeat(115)}.jpeg`);
  });

  it("replace control characters and path parts", () => {
    expect(safeFilename("report\0.pdf")).toBe("report_.pdf");
    expect(safeFilename("..\\..\\etc\\passwd.pdf")).toBe("passwd.pdf");
    expect(safeFilename("")).toBe("document");
  });
});

describe("security headers", () => {
  it("a strict script policy with the nonce, no inline scripts, no framing", () => {
    const csp = contentSecurityPolicy("abc123", { https: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(script).toContain("'nonce-abc123'");
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("HSTS only behind https", () => {
    expect(hstsHeader("https://suppliers.example.com")).toMatch(/^max-age=\d{8}/);
    expect(hstsHeader("http://localhost:3000")).toBeNull();
    expect(hstsHeader(undefined)).toBeNull();
  });
});
