/**
 * The approximate place of a client address, as far as it can be told without
 * an external service or a geolocation database: the computer itself
 * (loopback), a local network (private, link-local or unique-local ranges), or
 * nothing. A public address gets no place: the security page and the
 * new-device email say so instead of guessing.
 */
export type Place = "thisComputer" | "localNetwork" | null;

export function approximatePlace(address: string | null | undefined): Place {
  let a = (address ?? "").trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1];
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (v4) {
    const [o1, o2] = [Number(v4[1]), Number(v4[2])];
    if ([v4[1], v4[2], v4[3], v4[4]].some((o) => Number(o) > 255)) return null;
    if (o1 === 127) return "thisComputer";
    if (o1 === 10 || (o1 === 172 && o2 >= 16 && o2 <= 31) || (o1 === 192 && o2 === 168) || (o1 === 169 && o2 === 254)) return "localNetwork";
    return null;
  }
  if (!a.includes(":") || !/^[0-9a-f:.]+$/.test(a)) return null;
  if (a === "::1") return "thisComputer";
  // fc00::/7 (unique local) and fe80::/10 (link-local)
  if (/^f[cd][0-9a-f]{0,2}:/.test(a) || /^fe[89ab][0-9a-f]?:/.test(a)) return "localNetwork";
  return null;
}
