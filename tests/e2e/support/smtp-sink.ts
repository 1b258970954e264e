// The browser tests' mail server: real SMTP on loopback, plus a small HTTP API
// to read what arrived (GET /messages?to=, DELETE /messages, GET /health).
import http from "node:http";
import { startSmtpServer } from "../../support/smtp";
import { ports } from "./env";

const smtp = await startSmtpServer(ports.smtp);

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname === "/health") return void res.end("ok");
  if (url.pathname === "/messages" && req.method === "DELETE") {
    smtp.received.length = 0;
    return void res.end("[]");
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    const list = smtp.received
      .map((m) => ({
        to: (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase())),
        subject: m.subject,
        text: m.text,
        html: typeof m.html === "string" ? m.html : "",
        date: m.date,
      }))
      .filter((m) => !to || m.to.includes(to));
    res.setHeader("content-type", "application/json");
    return void res.end(JSON.stringify(list));
  }
  res.statusCode = 404;
  res.end();
});
server.listen(ports.smtpHttp, "127.0.0.1");

const stop = () => {
  server.close();
  void smtp.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
