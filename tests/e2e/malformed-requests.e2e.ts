import fs from "node:fs";
import path from "node:path";
import { ports } from "./support/env";
import { db, expect, factories, serverLog, serverLogMark, SESSION_COOKIE, sessionCookieValue, test, unique } from "./support/fixtures";

/**
 * Raw requests against the production server (`next start`), as an attacker
 * or a broken client would send them: each gets a 4xx, never a 500, and the
 * server logs no error for any of them.
 */
const base = `http://localhost:${ports.app}`;

/** Server action ids of this build, by exported name. */
function actionId(name: string): string {
  const file = path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { exportedName: string }> };
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!hit) throw new Error(`no action ${name} in the build`);
  return hit[0];
}

async function sessionCookie(user: { id: string; email: string; name: string; sessionVersion: number }) {
  return `${SESSION_COOKIE}=${await sessionCookieValue(user)}`;
}

/** A multipart body the way React sends a form action: (previous state, FormData). */
function formActionBody(fields: [string, string | Blob, string?][]) {
  const form = new FormData();
  form.append("1_lng", "en");
  for (const [k, v, filename] of fields) {
    if (typeof v === "string") form.append(`1_${k}`, v);
    else form.append(`1_${k}`, v, filename);
  }
  form.append("0", '["$undefined","$K1"]'); // the root last, as React sends it
  return form;
}

function errorLines(log: string): string[] {
  return log.split("\n").filter((l) => /"level":"(error|fatal)"|⨯|Error:/.test(l));
}

test("malformed, oversized and cross-origin action requests get a 4xx and log no server error", async () => {
  const { makeSupplier } = await factories();
  const s = await makeSupplier({ email: `malformed-${unique()}@malformed-${unique()}.test` });
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: s.userId } });
  const cookie = await sessionCookie(user);
  const signIn = actionId("signInAction");
  const upload = actionId("uploadDocumentAction");
  const mark = serverLogMark();

  const send = (urlPath: string, headers: Record<string, string>, body: BodyInit) =>
    fetch(base + urlPath, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: base, ...headers }, body });
  const cases: { name: string; res: Promise<Response>; status: number[] }[] = [
    {
      name: "garbage JSON envelope",
      res: send("/en/sign-in", { "Next-Action": signIn, "Content-Type": "text/plain;charset=UTF-8" }, "}{garbage"),
      status: [400],
    },
    {
      name: "envelope that is not an argument list",
      res: send("/en/sign-in", { "Next-Action": signIn, "Content-Type": "text/plain" }, '{"a":1}'),
      status: [400],
    },
    {
      name: "envelope referring to missing parts",
      res: send("/en/sign-in", { "Next-Action": signIn, "Content-Type": "text/plain" }, '["$Q1"]'),
      status: [400],
    },
    {
      name: "too many arguments",
      res: send("/en/sign-in", { "Next-Action": signIn, "Content-Type": "text/plain" }, JSON.stringify(Array(1500).fill(1))),
      status: [400],
    },
    { name: "unknown action id", res: send("/en/sign-in", { "Next-Action": "7f" + "0".repeat(40), "Content-Type": "text/plain" }, "[]"), status: [404, 409] },
    { name: "action id of the wrong shape", res: send("/en/sign-in", { "Next-Action": "not-an-id", "Content-Type": "text/plain" }, "[]"), status: [400] },
    {
      name: "truncated multipart body",
      res: send("/en/sign-in", { "Next-Action": signIn, "Content-Type": "multipart/form-data; boundary=zzz" }, "--zzz\r\nbroken"),
      status: [400],
    },
    {
      name: "cross-origin action post",
      res: send("/en/sign-in", { "Next-Action": signIn, "Content-Type": "text/plain", Origin: "https://evil.example" }, "[]"),
      status: [403],
    },
    {
      name: "cross-origin form post (no JavaScript)",
      res: send("/en/sign-in", { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" }, "email=a%40b.c"),
      status: [403],
    },
    {
      name: "8 MiB upload",
      res: send(
        "/en/profile",
        { "Next-Action": upload },
        formActionBody([["file", new Blob([new Uint8Array(8 * 1024 * 1024)], { type: "application/pdf" }), "big.pdf"]]),
      ),
      status: [413],
    },
    {
      name: "NUL byte in an upload file name",
      res: send(
        "/en/profile",
        { "Next-Action": upload },
        formActionBody([["file", new Blob([Buffer.from("%PDF-1.4\n%test\n")], { type: "application/pdf" }), "report\0.pdf"]]),
      ),
      status: [400],
    },
  ];
  const answers = [];
  for (const c of cases) {
    const res = await c.res;
    answers.push({ name: c.name, status: res.status });
    await res.text();
  }
  for (const [i, c] of cases.entries()) expect.soft(c.status, c.name).toContain(answers[i].status);

  // A well-formed action call still reaches the action through the same checks (it answers with a field error).
  const fine = await send("/en/profile", { "Next-Action": upload }, formActionBody([["note", "no file"]]));
  expect(fine.status).toBe(200);
  expect(await fine.text()).toContain("profile:documents.choose");

  await new Promise((r) => setTimeout(r, 500)); // let the server flush its output
  expect(errorLines(serverLog(mark)), "server error lines").toEqual([]);
});
