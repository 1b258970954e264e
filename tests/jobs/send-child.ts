// A process that sends one email (MAIL_TO) through the app's sendMail against SMTP_URL, for
// tests/jobs/duties.int.test.ts: that test points it at a server that never answers and kills it
// while the message is QUEUED, as an instance dies in the middle of sending.
import { sendMail } from "@/server/mail";

await sendMail({ to: process.env.MAIL_TO ?? "", locale: "en", template: "users:joinDeclinedMail", params: { name: "Mei", company: "Harbour Bolts" } });
