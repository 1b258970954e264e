import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../support/smtp";

const smtp = await startSmtpServer();
process.env.SMTP_URL = smtp.url;
const { setPreferences, getPreferences, recipientsWanting, kindOfEvent } = await import("@/features/notifications/preferences");
const { preferencesSchema } = await import("@/features/notifications/schemas");
const { notify } = await import("@/features/notifications/service");
const { replyToTicket } = await import("@/features/support/staff");
const { createTicket } = await import("@/features/support/service");
const { decideRequest } = await import("@/features/connection-requests/service");
const { approveOnboarding } = await import("@/features/onboarding/review");
const { createStaffUser, requestPasswordReset } = await import("@/features/accounts/service");
const { afterSignIn } = await import("@/features/sessions/devices");
const { db } = await import("@/server/db");
const { makeCustomer, makeSupplier, PASSWORD } = await import("../support/factories");
const { connect } = await import("../customer-setup/fixtures");

afterAll(() => smtp.close());

const uid = () => crypto.randomBytes(4).toString("hex");
const all = (channel: "BOTH" | "EMAIL" | "IN_APP") => ({
  connections: channel,
  invitations: channel,
  tickets: channel,
  onboarding: channel,
  joinRequests: channel,
});
const me = (id: string) => ({ type: "USER" as const, id });
const mailsTo = (to: string, subject: RegExp) => smtp.received.filter((m) => JSON.stringify(m.to ?? "").includes(to) && subject.test(m.subject ?? ""));
const settle = () => new Promise((r) => setTimeout(r, 300));
let staffId = "";
async function staff() {
  staffId ||= (await createStaffUser({ email: `support-${uid()}@prefs.test`, name: "Sam Support", password: PASSWORD, role: "SUPPORT" })).id;
  return { type: "STAFF" as const, id: staffId };
}

describe("notification preferences", () => {
  it("default to both, save only what changed (audited), and map every notification key to its kind", async () => {
    const s = await makeSupplier();
    expect(await getPreferences(s.userId)).toEqual(all("BOTH"));
    expect(await setPreferences(s.userId, { ...all("BOTH"), tickets: "EMAIL" }, me(s.userId))).toBe(1);
    expect(await setPreferences(s.userId, { ...all("BOTH"), tickets: "EMAIL" }, me(s.userId))).toBe(0);
    expect((await getPreferences(s.userId)).tickets).toBe("EMAIL");
    expect(await db.auditEvent.count({ where: { action: "user.notification_preferences_changed", entityId: s.userId } })).toBe(1);
    expect(kindOfEvent("requests:events.approved")).toBe("connections");
    expect(kindOfEvent("invitations:events.accepted")).toBe("invitations");
    expect(kindOfEvent("users:events.joined")).toBe("invitations");
    expect(kindOfEvent("invitations:events.joinRequested")).toBe("joinRequests");
    expect(kindOfEvent("support:events.reply")).toBe("tickets");
    expect(kindOfEvent("onboarding:events.changesRequested")).toBe("onboarding");
    expect(kindOfEvent("accounts:resetMail")).toBeNull();
  });

  it("offers no way to switch a kind off entirely", () => {
    expect(preferencesSchema.safeParse({ ...all("BOTH"), tickets: "NONE" }).success).toBe(false);
    expect(preferencesSchema.safeParse({ ...all("IN_APP") }).success).toBe(true);
  });

  it("in-app notifications go only to users who want them in the portal", async () => {
    const a = await makeSupplier();
    const b = await makeSupplier();
    await setPreferences(a.userId, all("EMAIL"), me(a.userId));
    for (const key of [
      "requests:events.approved",
      "invitations:events.accepted",
      "users:events.joined",
      "invitations:events.joinRequested",
      "support:events.reply",
      "onboarding:events.approved",
    ]) {
      await notify(db, [a.userId, b.userId], key, {});
    }
    expect(await db.notification.count({ where: { userId: a.userId } })).toBe(0);
    expect(await db.notification.count({ where: { userId: b.userId } })).toBe(6);
    expect(await recipientsWanting(db, [a.userId, b.userId], "tickets", "email")).toEqual([a.userId, b.userId]);
  });

  it("a support reply follows the ticket author's choice", async () => {
    const s = await makeSupplier({ email: `tickets-${uid()}@prefs-t.test` });
    await setPreferences(s.userId, { ...all("BOTH"), tickets: "IN_APP" }, me(s.userId));
    const t1 = await createTicket({ topic: "OTHER", message: "Help with one" }, { userId: s.userId, supplierId: s.supplierId });
    await replyToTicket({ id: t1.id, body: "Answer one" }, await staff());
    await settle();
    expect(mailsTo(s.email, /./)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: s.userId, kind: "support:events.reply" } })).toBe(1);

    await setPreferences(s.userId, { ...all("BOTH"), tickets: "EMAIL" }, me(s.userId));
    const t2 = await createTicket({ topic: "OTHER", message: "Help with two" }, { userId: s.userId, supplierId: s.supplierId });
    await replyToTicket({ id: t2.id, body: "Answer two" }, await staff());
    await smtp.waitFor(s.email);
    expect(await db.notification.count({ where: { userId: s.userId, kind: "support:events.reply" } })).toBe(1);
  });

  it("a connection decision follows the requesters' choice", async () => {
    const s = await makeSupplier({ email: `conn-${uid()}@prefs-c.test` });
    await setPreferences(s.userId, { ...all("BOTH"), connections: "IN_APP" }, me(s.userId));
    const c = await makeCustomer();
    const r = await db.connectionRequest.create({
      data: {
        supplierId: s.supplierId,
        customerId: c.id,
        requestedById: s.userId,
        contactEmail: "buyer@prefs.test",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect((await decideRequest(r.id, "APPROVED", "Welcome", await staff())).ok).toBe(true);
    await settle();
    expect(mailsTo(s.email, /./)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: s.userId, kind: "requests:events.approved" } })).toBe(1);
  });

  it("an onboarding review follows each recipient's choice", async () => {
    const s = await makeSupplier({ email: `onb-${uid()}@prefs-o.test` });
    await setPreferences(s.userId, { ...all("BOTH"), onboarding: "EMAIL" }, me(s.userId));
    const c = await makeCustomer();
    const rel = await connect(s.supplierId, c.id, { onboardingState: "SUBMITTED" });
    expect((await approveOnboarding({ id: (await staff()).id }, rel.id)).ok).toBe(true);
    await smtp.waitFor(s.email);
    expect(await db.notification.count({ where: { userId: s.userId } })).toBe(0);
  });

  it("security emails are sent whatever the user chose", async () => {
    const s = await makeSupplier({ email: `sec-${uid()}@prefs-s.test` });
    await setPreferences(s.userId, all("IN_APP"), me(s.userId));
    await requestPasswordReset(s.email, "10.2.0.1");
    await smtp.waitFor(s.email, (m) => /Reset your/.test(m.subject ?? ""));
    await afterSignIn(s.userId, { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", ip: "10.2.0.1" });
    await afterSignIn(s.userId, {
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
      ip: "10.2.0.1",
    });
    await smtp.waitFor(s.email, (m) => /New sign-in/.test(m.subject ?? ""));
  });
});
