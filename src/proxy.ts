import { NextResponse, type NextRequest } from "next/server";
import { isLng, LNG_COOKIE, lngFromAcceptLanguage } from "@/lib/i18n/config";

/** Paths a visitor without a session may open (after the language prefix). */
const PUBLIC = /^\/(en|zh)(\/(sign-in|sign-up|forgot-password|reset-password|invite|respond|join)(\/.*)?)?$/;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Language routing: a path without /en or /zh goes to the saved choice, then
 * the browser's; a visit to /en or /zh saves it. A protected path without any
 * session cookie gets a plain 307 to sign-in. This is only a fast path:
 * authorisation is checked by every page and action on the server.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split("/")[1];
  if (isLng(first)) {
    if (!PUBLIC.test(pathname) && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
      const url = request.nextUrl.clone();
      url.pathname = `/${first}/sign-in`;
      url.search = `?next=${encodeURIComponent(pathname + search)}`;
      return NextResponse.redirect(url);
    }
    const response = NextResponse.next();
    if (request.cookies.get(LNG_COOKIE)?.value !== first) {
      response.cookies.set(LNG_COOKIE, first, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
    }
    return response;
  }
  const saved = request.cookies.get(LNG_COOKIE)?.value;
  const lng = isLng(saved) ? saved : lngFromAcceptLanguage(request.headers.get("accept-language"));
  const url = request.nextUrl.clone();
  url.pathname = `/${lng}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api|_next|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|css|js|txt|woff2?)$).*)"],
};
