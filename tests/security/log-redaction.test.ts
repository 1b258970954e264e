import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskEmail, scrub } from "@/server/log";

/** A logger writing into an array of parsed lines. */
function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: "info", destination }), lines };
}

describe("server log redaction", () => {
  const secrets = {
    password: "Harbour-lights-7",
    token: "Zq3kV9xY2wLmN8pR4tU6sA1bC5dE7fG0hJ",
    email: "jane.doe@northwind-parts.test",
  };

  it("never writes a password, token or full email, at any depth, in fields, messages or errors", () => {
    const { logger, lines } = capture();
    const err = new Error(`lookup failed for ${secrets.email} with /reset-password/${secrets.token}`);
    logger.error(
      {
        userId: "u1",
        password: secrets.password,
        input: { email: secrets.email, newPassword: secrets.password, nested: { token: secrets.token, sessionToken: secrets.token } },
        headers: { cookie: `authjs.session-token=${secrets.token}`, authorization: `Bearer ${secrets.token}` },
        link: `https://portal.example/en/invite/${secrets.token}?token=${secrets.token}`,
        err,
      },
      `sign-in failed for ${secrets.email}`,
    );
    logger.info(`respond link /respond/${secrets.token} sent to %s`, secrets.email);
    expect(lines).toHaveLength(2);
    const all = lines.join("\n");
    expect(all).not.toContain(secrets.password);
    expect(all).not.toContain(secrets.token);
    expect(all).not.toContain(secrets.email);
    // What stays useful: the masked address, the user id, the error's type, one JSON object per line.
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ level: "error", userId: "u1", msg: "sign-in failed for j***@northwind-parts.test" });
    expect(first.input.email).toBe("j***@northwind-parts.test");
    expect(first.err.message).toContain("/reset-password/[redacted]");
    expect(JSON.parse(lines[1]).msg).toBe("respond link /respond/[redacted] sent to j***@northwind-parts.test");
  });

  it("masks emails and link tokens in free text", () => {
    expect(maskEmail("to a@b.co and Zhang.San@例子.test")).toBe("to a***@b.co and Z***@例子.test");
    expect(scrub("GET /zh/join/abcdefghijklmnop?x=1")).toBe("GET /zh/join/[redacted]?x=1");
  });

  it("honours the level", () => {
    const { lines } = capture();
    const quiet = createLogger({ level: "warn", destination: new Writable({ write: (c, _e, d) => (lines.push(String(c)), d()) }) });
    quiet.info("hidden");
    quiet.warn("shown");
    expect(lines).toHaveLength(1);
  });
});
