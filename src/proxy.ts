import { NextResponse, type NextRequest } from "next/server";
import { isLng, LNG_COOKIE, lngFromAcceptLanguage } from "@/lib/i18n/config";
import { checkActionRequest } from "@/server/request-guard";
import { contentSecurityPolicy, hstsHeader, newNonce } from "@/server/security-headers";

/** Paths a visitor without a session may open (after the language prefix). */
const PUBLIC = /^\/(en|zh)(\/(sign-in|sign-up|forgot-password|reset-password|email-change|invite|respond|join)(\/.*)?)?$/;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Runs before every page, route handler and server action:
 * - a request id (X-Request-Id) for the server log, on the request and the answer;
 * - malformed, oversized or cross-origin server-action posts get a 4xx here
 *   (Next would answer 500 and log a server error; see request-guard.ts);
 * - a fresh CSP nonce per request (Next puts it on its own scripts when the
 *   request carries the policy), plus HSTS when PUBLIC_URL is https;
 * - language routing: a path without /en or /zh goes to the saved choice, then
 *   the browser's; a page of /en or /zh loaded as a document saves it (the
 *   language switcher's links load the page whole);
 * - a protected path without any session cookie gets a plain 307 to sign-in.
 *   This is only a fast path: authorisation is checked by every page and
 *   action on the server.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const requestId = crypto.randomUUID();
  const csp = contentSecurityPolicy(nonce, {
    https: (process.env.PUBLIC_URL ?? "").startsWith("https://"),
    dev: process.env.NODE_ENV === "development",
  });
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    response.headers.set("X-Request-Id", requestId);
    const hsts = hstsHeader(process.env.PUBLIC_URL);
    if (hsts) response.headers.set("Strict-Transport-Security", hsts);
    return response;
  };
  const next = () => {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("x-request-id", requestId);
    return secure(NextResponse.next({ request: { headers: requestHeaders } }));
  };

  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) return next();
  const refusal = await checkActionRequest(request);
  if (refusal) {
    return secure(new NextResponse(refusal.body, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8", ...refusal.headers } }));
  }
  const first = pathname.split("/")[1];
  if (isLng(first)) {
    if (!PUBLIC.test(pathname) && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
      const url = request.nextUrl.clone();
      url.pathname = `/${first}/sign-in`;
      url.search = `?next=${encodeURIComponent(pathname + search)}`;
      return secure(NextResponse.redirect(url));
    }
    const response = next();
    // Only a page the browser loads as a document saves the choice. The router's own requests (navigations and
    // prefetches of every link in view; Next hides which is which from the proxy) may answer after a later click.
    const pageLoad = (request.headers.get("sec-fetch-dest") ?? "document") === "document";
    if (pageLoad && request.cookies.get(LNG_COOKIE)?.value !== first) {
      response.cookies.set(LNG_COOKIE, first, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    }
    return response;
  }
  const saved = request.cookies.get(LNG_COOKIE)?.value;
  const lng = isLng(saved) ? saved : lngFromAcceptLanguage(request.headers.get("accept-language"));
  const url = request.nextUrl.clone();
  url.pathname = `/${lng}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  return secure(NextResponse.redirect(url));
}

export const config = {
  matcher: ["/((?!_next/|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|css|js|txt|woff2?)$).*)"],
};
