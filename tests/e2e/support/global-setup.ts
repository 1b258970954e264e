import { ports } from "./env";

/** Starts every run with an empty mailbox. */
export default async function globalSetup() {
  await fetch(`http://127.0.0.1:${ports.smtpHttp}/messages`, { method: "DELETE" });
}
