import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "@/server/client-address";
import { appendPeerAddress } from "../../src/scripts/start.mjs";

// X-Forwarded-For as the app sees it: whatever the client and proxies wrote,
// then the connection's own address, appended by the start script.
const noProxy = parseTrustedProxies("");
const FORGERIES = [undefined, "1.2.3.4", "10.0.0.1, 127.0.0.1", "unknown", "::1", "198.51.100.9, 198.51.100.10, 198.51.100.11"];
const withForgery = (forged: string | undefined, ...appended: string[]) => [forged, ...appended].filter(Boolean).join(", ");

describe("the client address behind TRUSTED_PROXIES", () => {
  it("without proxies (the default) is the connection's own address, whatever the client forged", () => {
    const keys = FORGERIES.map((forged) => clientAddress(withForgery(forged, "203.0.113.5"), noProxy));
    expect(new Set(keys)).toEqual(new Set(["203.0.113.5"]));
    expect(clientAddress(withForgery("1.2.3.4", "::ffff:203.0.113.5"), noProxy)).toBe("203.0.113.5");
  });

  it("behind one trusted proxy is the address that proxy appended, whatever the client forged", () => {
    const oneHop = parseTrustedProxies("1");
    // The client sends a forged header; the proxy (10.0.0.2) appends the real client; the app appends the proxy.
    const keys = FORGERIES.map((forged) => clientAddress(withForgery(forged, "203.0.113.5", "10.0.0.2"), oneHop));
    expect(new Set(keys)).toEqual(new Set(["203.0.113.5"]));
    // Two hops: a CDN in front of the load balancer.
    expect(clientAddress("6.6.6.6, 203.0.113.5, 192.0.2.10, 10.0.0.2", parseTrustedProxies("2"))).toBe("203.0.113.5");
  });

  it("with a CIDR list skips only the listed proxies from the right", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, 192.0.2.10, fd00::/8");
    const keys = FORGERIES.map((forged) => clientAddress(withForgery(forged, "203.0.113.5", "192.0.2.10", "10.1.2.3"), trust));
    expect(new Set(keys)).toEqual(new Set(["203.0.113.5"]));
    expect(clientAddress("6.6.6.6, 2001:db8::1, fd00::7", trust)).toBe("2001:db8::1");
    expect(clientAddress("6.6.6.6, 203.0.113.5, ::ffff:10.0.0.2", trust)).toBe("203.0.113.5");
    // A connection that does not come from a listed proxy is the client, whatever its header says.
    expect(clientAddress("10.9.9.9, 203.0.113.5", trust)).toBe("203.0.113.5");
    // Every hop trusted: the leftmost one.
    expect(clientAddress("10.0.0.5, 10.0.0.2", trust)).toBe("10.0.0.5");
  });

  it("refuses a malformed TRUSTED_PROXIES instead of guessing", () => {
    for (const bad of ["proxy.example.com", "10.0.0.0/33", "10.0.0.0/8/1", "fd00::/129", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/not an IP address or CIDR range/);
    }
    expect(parseTrustedProxies(" 2 ")).toEqual({ hops: 2 });
  });
});

describe("the start script", () => {
  it("appends the connection's own address, so a forged header cannot change the key", async () => {
    const { clientIpFrom } = await import("@/server/request");
    const server = http.createServer((req, res) => {
      appendPeerAddress(req);
      const h = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") h.set(name, value);
      res.end(JSON.stringify({ forwardedFor: h.get("x-forwarded-for"), key: clientIpFrom(h) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const ask = (headers: Record<string, string>) =>
      new Promise<{ forwardedFor: string; key: string }>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, headers }, (res) => {
            let body = "";
            res.on("data", (c) => (body += c));
            res.on("end", () => resolve(JSON.parse(body)));
          })
          .on("error", reject);
      });
    try {
      expect(await ask({})).toEqual({ forwardedFor: "127.0.0.1", key: "127.0.0.1" });
      expect(await ask({ "X-Forwarded-For": "203.0.113.7, 198.51.100.2" })).toEqual({
        forwardedFor: "203.0.113.7, 198.51.100.2, 127.0.0.1",
        key: "127.0.0.1",
      });
      expect((await ask({ "X-Forwarded-For": "unknown", "X-Real-IP": "203.0.113.9" })).key).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
