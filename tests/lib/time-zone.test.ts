import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "@/lib/format";
import { timeZoneFromCookieHeader, validTimeZone } from "@/lib/time-zone";

// One stored moment: 1 Dec 2026 23:30 UTC is already 2 December in Shanghai and still 1 December in New York.
const moment = new Date("2026-12-01T23:30:00Z");

describe("dates in the reader's time zone", () => {
  it("shows one stored moment in each reader's zone, naming the zone", () => {
    expect(formatDateTime(moment, "en", "Asia/Shanghai")).toBe("2 Dec 2026, 07:30 GMT+8");
    expect(formatDateTime(moment, "en", "America/New_York")).toBe("1 Dec 2026, 18:30 GMT-5");
    expect(formatDateTime(moment, "zh", "Asia/Shanghai")).toBe("2026年12月2日 GMT+8 07:30");
    expect(formatDateTime(moment, "zh", "America/New_York")).toBe("2026年12月1日 GMT-5 18:30");
    expect(formatDateTime(moment, "en")).toBe("1 Dec 2026, 23:30 UTC");
  });

  it("puts a day on the reader's calendar", () => {
    expect(formatDate(moment, "en", "Asia/Shanghai")).toBe("2 Dec 2026");
    expect(formatDate(moment, "en", "America/New_York")).toBe("1 Dec 2026");
    expect(formatDate(moment, "zh", "Asia/Shanghai")).toBe("2026年12月2日");
  });
});

describe("validTimeZone", () => {
  it("accepts Intl's zones and the aliases browsers report", () => {
    expect(validTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(validTimeZone("UTC")).toBe("UTC");
    expect(validTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(validTimeZone("Asia/Calcutta")).not.toBeNull();
  });

  it("refuses anything else", () => {
    for (const bad of ["", "Mars/Olympus_Mons", "Asia/Shanghai; path=/", "<script>", "../../etc", "x".repeat(65), 42, null, undefined, {}]) {
      expect(validTimeZone(bad), String(bad)).toBeNull();
    }
  });

  it("reads the tz cookie from a Cookie header", () => {
    expect(timeZoneFromCookieHeader("a=1; tz=America%2FNew_York; b=2")).toBe("America/New_York");
    expect(timeZoneFromCookieHeader("tz=Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(timeZoneFromCookieHeader("xtz=Asia/Shanghai")).toBeNull();
    expect(timeZoneFromCookieHeader("tz=Nowhere%2FAtAll")).toBeNull();
    expect(timeZoneFromCookieHeader("tz=%E0%A4%A")).toBeNull();
    expect(timeZoneFromCookieHeader(null)).toBeNull();
  });
});
