/**
 * Security headers. The static ones go on every response through
 * next.config.ts `headers()` (pages, route handlers and static assets alike);
 * the Content-Security-Policy carries a fresh nonce per request, so the proxy
 * sets it (Next reads the nonce from the request's CSP header and puts it on
 * its own scripts). Pure functions: next.config.ts and the proxy share them.
 */

/** Headers that never change per request. */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer=()",
      "autoplay=()",
      "camera=()",
      "display-capture=()",
      "encrypted-media=()",
      "fullscreen=(self)",
      "geolocation=()",
      "gyroscope=()",
      "magnetometer=()",
      "microphone=()",
      "midi=()",
      "payment=()",
      "picture-in-picture=()",
      // Passkeys (src/features/second-factor): this origin only, never a frame of another site.
      "publickey-credentials-create=(self)",
      "publickey-credentials-get=(self)",
      "screen-wake-lock=()",
      "serial=()",
      "usb=()",
      "xr-spatial-tracking=()",
      "interest-cohort=()",
    ].join(", "),
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * The referrer policy of pages whose URL holds a one-time token (invitation,
 * respond, reset, join, confirmation links), set in their metadata: the URL
 * goes to no other site, while a form on the page still sends this site's
 * `Origin`. ("no-referrer" also blanks the Origin of a form posted before the
 * page's scripts have loaded, to "null", which the action CSRF check, ours
 * and Next's, must refuse.)
 */
export const TOKEN_PAGE_REFERRER = "same-origin" as const;

/** A nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page policy. Scripts: only those carrying the nonce, and what they load
 * ('strict-dynamic'), never inline handlers or injected tags. Styles allow
 * inline attributes (React `style={}` and the ALTCHA widget's injected sheet);
 * the ALTCHA proof of work runs in a worker created from a blob: URL.
 */
export function contentSecurityPolicy(nonce: string, opts: { https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (opts.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** HSTS only when the public address is https (never on plain-http demos). */
export function hstsHeader(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}
