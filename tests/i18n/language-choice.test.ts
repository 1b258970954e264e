import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const visit = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));

describe("the saved language choice", () => {
  it("is saved by a page of the other language loaded as a document (typed, a link of the switcher, no JavaScript)", async () => {
    for (const headers of [{ "sec-fetch-dest": "document" }, {}] as Record<string, string>[]) {
      const response = await visit("/zh/sign-in", { cookie: "lng=en", ...headers });
      expect(response.cookies.get("lng")?.value).toBe("zh");
    }
  });

  it("is not changed by the router's own requests, which may answer after a later click (prefetches of links in view)", async () => {
    const response = await visit("/zh/sign-in", { cookie: "lng=en", "sec-fetch-dest": "empty", "sec-fetch-mode": "cors" });
    expect(response.cookies.get("lng")).toBeUndefined();
    expect(response.headers.get("set-cookie") ?? "").not.toContain("lng=");
  });

  it("sends a path without a language to the saved choice before the browser's", async () => {
    const response = await visit("/setup", { cookie: "lng=en", "accept-language": "zh-CN,zh;q=0.9" });
    expect(response.headers.get("location")).toBe("http://localhost:3000/en/setup");
  });
});
