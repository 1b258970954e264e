import net from "node:net";

/**
 * Which hops in front of the app may be believed about the client's address:
 * a number of proxies (the nearest N hops), or a list of proxy addresses and
 * CIDR ranges. Read from TRUSTED_PROXIES (src/server/env.ts).
 */
export type TrustedProxies = { hops: number } | { ranges: net.BlockList; text: string };

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = (value ?? "").trim();
  if (text === "") return { hops: 0 };
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const ranges = new net.BlockList();
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split("/");
    const type = net.isIPv4(address) ? "ipv4" : net.isIPv6(address) ? "ipv6" : null;
    const max = type === "ipv4" ? 32 : 128;
    if (!type || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    if (bits === undefined) ranges.addAddress(address, type);
    else ranges.addSubnet(address, Number(bits), type);
  }
  return { ranges, text };
}

/** One X-Forwarded-For entry as a plain address: no brackets or port, IPv4-mapped IPv6 as IPv4. Null if it is none. */
export function normaliseAddress(entry: string): string | null {
  let a = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1];
  return net.isIP(a) ? a : null;
}

function isTrusted(entry: string, trust: { ranges: net.BlockList }): boolean {
  const address = normaliseAddress(entry);
  return address !== null && trust.ranges.check(address, net.isIPv4(address) ? "ipv4" : "ipv6");
}

/**
 * The client's address from an X-Forwarded-For chain whose LAST entry is the
 * address of the connection itself (the app's start script appends it,
 * src/scripts/start.mjs). Read from the right: every hop appends the address
 * it received the request from, so only entries added by trusted proxies can
 * be believed, and the first one that is not a trusted proxy is the client.
 * Entries further left were written by the client and are ignored, so a
 * forged header cannot change the answer.
 */
export function clientAddress(forwardedFor: string | null, trust: TrustedProxies): string {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!chain.length) return "unknown";
  let index: number;
  if ("hops" in trust) {
    index = Math.max(0, chain.length - 1 - trust.hops);
  } else {
    index = chain.length - 1;
    while (index > 0 && isTrusted(chain[index], trust)) index--;
  }
  return normaliseAddress(chain[index]) ?? chain[index].slice(0, 100);
}
