import { simpleParser, type ParsedMail } from "mailparser";
import net from "node:net";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtpServer(port = 0) {
  const received: ParsedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          waiters.splice(0).forEach((w) => w());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    /** Resolves with the first message to `to` matching `filter` (waits up to 5 s). */
    async waitFor(to: string, filter: (m: ParsedMail) => boolean = () => true): Promise<ParsedMail> {
      const deadline = Date.now() + 5000;
      for (;;) {
        const hit = received.find((m) => addresses(m).includes(to.toLowerCase()) && filter(m));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addresses(m: ParsedMail): string[] {
  const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/** The first portal link in a message's text. */
export function firstLink(m: ParsedMail, pattern = /https?:\/\/\S+/): string {
  const match = (m.text ?? "").match(pattern);
  if (!match) throw new Error("no link in mail");
  return match[0];
}

/** A port nothing listens on right now: SMTP_URL can name it before a test starts (or never starts) a server there. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== "object") throw new Error("no port");
  return address.port;
}
