import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const { afterSignIn, rememberDevice, deviceKey } = await import("@/features/sessions/devices");
const { db } = await import("@/server/db");
const { makeSupplier } = await import("../support/factories");

afterAll(() => smtp.close());

const WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const WINDOWS_CHROME_NEWER = WINDOWS_CHROME.replace("131.0.0.0", "132.0.0.0");
const IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

const newDeviceMails = (to: string) => smtp.received.filter((m) => m.to && JSON.stringify(m.to).includes(to) && /New sign-in/.test(m.subject ?? ""));

describe("new-device sign-in email", () => {
  it("stays quiet for the first device and a browser update, and emails a device not seen before", async () => {
    const s = await makeSupplier({ email: "dev@devices-one.test" });
    await afterSignIn(s.userId, { userAgent: WINDOWS_CHROME, ip: "192.168.1.20" });
    await afterSignIn(s.userId, { userAgent: WINDOWS_CHROME_NEWER, ip: "192.168.1.21" });
    expect(await db.userDevice.count({ where: { userId: s.userId } })).toBe(1);

    await afterSignIn(s.userId, { userAgent: IPHONE_SAFARI, ip: "192.168.1.30" });
    const mail = await smtp.waitFor("dev@devices-one.test", (m) => /New sign-in/.test(m.subject ?? ""));
    expect(mail.text).toContain("Safari on iOS");
    expect(mail.text).toContain("192.168.1.30");
    expect(mail.text).toContain("Local network");
    expect(await db.auditEvent.count({ where: { action: "user.new_device", entityId: s.userId } })).toBe(1);

    // Known now: the next sign-in from it sends nothing.
    await afterSignIn(s.userId, { userAgent: IPHONE_SAFARI, ip: "203.0.113.9" });
    await new Promise((r) => setTimeout(r, 300));
    expect(newDeviceMails("dev@devices-one.test")).toHaveLength(1);
  });

  it("says honestly that a public address gets no place, in Chinese too", async () => {
    const s = await makeSupplier({ email: "zh@devices-two.test", locale: "zh" });
    await afterSignIn(s.userId, { userAgent: WINDOWS_CHROME, ip: "10.0.0.1" });
    await afterSignIn(s.userId, { userAgent: IPHONE_SAFARI, ip: "203.0.113.7" });
    const mail = await smtp.waitFor("zh@devices-two.test");
    expect(mail.subject).toContain("新的登录");
    expect(mail.text).toContain("不显示位置");
  });

  it("counts concurrent sign-ins from one new device once", async () => {
    const s = await makeSupplier({ email: "race@devices-three.test" });
    await rememberDevice(s.userId, { userAgent: WINDOWS_CHROME });
    const results = await Promise.allSettled([1, 2, 3].map(() => rememberDevice(s.userId, { userAgent: IPHONE_SAFARI })));
    expect(await db.userDevice.count({ where: { userId: s.userId, deviceKey: deviceKey(IPHONE_SAFARI) } })).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled" && r.value === "new")).toHaveLength(1);
  });
});
