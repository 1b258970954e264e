import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "nodemailer", "pino"],
  experimental: {
    serverActions: { bodySizeLimit: "6mb" }, // = ACTION_BODY_LIMIT_BYTES in src/server/request-guard.ts
  },
  // On every response, static assets included. The nonce CSP and HSTS are set per request in src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
