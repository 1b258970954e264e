import { Writable } from "node:stream";
import { isKnownAction } from "./action-names";
// The multipart parser Next itself uses for server actions: a body it accepts here, Next accepts too.
// @ts-expect-error -- Next's compiled copy ships without types
import busboy from "next/dist/compiled/busboy";

/**
 * Checks a POST before Next handles it as a server action. Next answers a
 * cross-origin action, a body over the limit, a broken multipart body or a
 * JSON envelope that does not parse with HTTP 500 and logs a server error;
 * these are the client's fault, so they get a 4xx here and nothing is logged.
 * Returns null when the request may go on.
 */
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024; // next.config.ts serverActions.bodySizeLimit ("6mb")

const ACTION_ID = /^[0-9a-f]{42}$/;

export interface Refusal {
  status: 400 | 403 | 409 | 413;
  body: string;
  headers?: Record<string, string>;
}

export async function checkActionRequest(request: Request, knownAction: (id: string) => boolean | null = isKnownAction): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const actionId = request.headers.get("next-action");
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.toLowerCase().startsWith("multipart/form-data");
  // Next treats any multipart or urlencoded POST to a page as a possible (no-JavaScript) action.
  if (actionId === null && !multipart && !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;

  if (!sameOrigin(request.headers)) return { status: 403, body: "Cross-origin request refused." };

  if (actionId !== null) {
    // Next's own answers to an unknown action (the client router reloads the page on them), without its log line.
    if (!ACTION_ID.test(actionId)) return { status: 400, body: "Invalid Server Action request.", headers: { "x-nextjs-action-not-found": "1" } };
    if (knownAction(actionId) === false) return { status: 409, body: "Server Action unavailable.", headers: { "x-nextjs-action-not-found": "1" } };
  }

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT_BYTES) return tooLarge();
  const body = new Uint8Array(await request.clone().arrayBuffer());
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return tooLarge();

  if (multipart) {
    if (!(await multipartParses(contentType, body))) return { status: 400, body: "Malformed multipart body." };
  } else if (actionId !== null) {
    // A fetch action without files: React's reply is JSON text.
    let args: unknown;
    try {
      args = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } catch {
      return { status: 400, body: "Malformed Server Action request." };
    }
    if (!plainReply(args)) return { status: 400, body: "Malformed Server Action request." };
  }
  return null;
}

/**
 * A reply sent as one JSON text is an argument list (at most Next's 1,000)
 * that cannot refer to other parts: only React's plain escapes ($undefined,
 * $D date, $n bigint, $$ string, numbers' special values) may appear.
 */
const PLAIN_ESCAPE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n)/;
function plainReply(args: unknown): boolean {
  if (!Array.isArray(args) || args.length > 1000) return false;
  const ok = (v: unknown, depth: number): boolean => {
    if (typeof v === "string") return !v.startsWith("$") || PLAIN_ESCAPE.test(v);
    if (v === null || typeof v !== "object") return true;
    if (depth > 32) return false;
    return Object.values(v).every((x) => ok(x, depth + 1));
  };
  return ok(args, 0);
}

function tooLarge(): Refusal {
  return { status: 413, body: "Request body too large." };
}

/** Origin (when sent) must name this host, as Next compares it: X-Forwarded-Host, else Host. */
export function sameOrigin(h: Headers): boolean {
  const origin = h.get("origin");
  if (origin === null) return true; // old browsers; Next lets these through too
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0].trim().toLowerCase();
  if (!host || origin === "null") return false;
  try {
    return new URL(origin).host.toLowerCase() === host;
  } catch {
    return false;
  }
}

function multipartParses(contentType: string, body: Uint8Array): Promise<boolean> {
  return new Promise((resolve) => {
    let parser: Writable;
    try {
      parser = busboy({ defParamCharset: "utf8", headers: { "content-type": contentType }, limits: { fieldSize: ACTION_BODY_LIMIT_BYTES } });
    } catch {
      resolve(false);
      return;
    }
    parser.on("file", (_name: string, stream: NodeJS.ReadableStream) => stream.resume());
    parser.on("error", () => resolve(false));
    parser.on("close", () => resolve(true));
    parser.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
}
