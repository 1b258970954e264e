import { describe, expect, it } from "vitest";
import { approximatePlace } from "@/lib/place";

describe("approximate place of a client address (no outside service)", () => {
  it.each([
    ["127.0.0.1", "thisComputer"],
    ["::1", "thisComputer"],
    ["::ffff:127.0.0.1", "thisComputer"],
    ["10.20.30.40", "localNetwork"],
    ["172.16.0.1", "localNetwork"],
    ["172.31.255.254", "localNetwork"],
    ["192.168.1.20", "localNetwork"],
    ["169.254.10.10", "localNetwork"],
    ["fd12:3456::1", "localNetwork"],
    ["fe80::1", "localNetwork"],
  ])("%s is %s", (ip, place) => {
    expect(approximatePlace(ip)).toBe(place);
  });

  it.each(["203.0.113.7", "172.32.0.1", "8.8.8.8", "2001:db8::1", "unknown", "", "999.1.1.1"])("%s gets no place", (ip) => {
    expect(approximatePlace(ip)).toBeNull();
  });
});
