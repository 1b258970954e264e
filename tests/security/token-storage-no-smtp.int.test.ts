// Production without an SMTP server: messages are only logged, and still no one-time
// link is stored readable (issue 10, item 1). No message is delivered, so the check is
// on the hashes: no token-shaped text anywhere in the database hashes to a live token.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

process.env.APP_ENV = "production";
process.env.MFA_ENCRYPTION_KEY = "test-encryption-key-test-encryption-key-0123";
delete process.env.SMTP_URL;
const accounts = await import("@/features/accounts/service");
const { listMail } = await import("@/features/mail-log/service");
const { mailFilterSchema } = await import("@/features/mail-log/schemas");
const { db } = await import("@/server/db");
const { hashToken } = await import("@/server/tokens");
const { PASSWORD } = await import("../support/factories");

describe("one-time links in stored email (production, no SMTP)", () => {
  it("a logged reset email holds no live token, not even for administrators", async () => {
    const admin = await accounts.createStaffUser({ email: "root@prod-nosmtp.test", name: "Root", password: PASSWORD, role: "ADMINISTRATOR" });
    await accounts.requestPasswordReset(admin.email, "10.7.0.1");
    const row = await db.outgoingMail.findFirstOrThrow({ where: { to: admin.email } });
    expect(row).toMatchObject({ status: "LOGGED", linkKind: "passwordReset", demoText: null, demoHtml: null });
    const [asAdmin] = (await listMail(mailFilterSchema.parse({ to: admin.email }), "ADMINISTRATOR")).items;
    expect(asAdmin.text).toContain("/en/reset-password/…");

    const live = new Set((await db.oneTimeToken.findMany({ where: { userId: admin.id, usedAt: null } })).map((t) => t.tokenHash));
    expect(live.size).toBe(1);
    const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { readonly: true });
    const shaped: string[] = [];
    for (const { name } of sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
      for (const r of sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]) {
        for (const v of r) if (typeof v === "string") shaped.push(...(v.match(/[A-Za-z0-9_-]{43}/g) ?? []));
      }
    }
    sqlite.close();
    expect(shaped.filter((s) => live.has(hashToken(s)))).toEqual([]);
  });
});
