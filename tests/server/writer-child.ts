// A writer for tests/server/killed-mid-write.int.test.ts: commits one transaction
// after another against DATABASE_URL, each writing two rows (two audit events
// through the app's own audit()), and prints the transaction's tag on stdout
// only after the commit is acknowledged. The test kills it with SIGKILL.
import { audit } from "@/server/audit";
import { db } from "@/server/db";

const prefix = process.env.WRITE_PREFIX ?? "killed";
for (let i = 0; ; i++) {
  const tag = `${prefix}-${i}`;
  await db.$transaction(async (tx) => {
    await audit(tx, { type: "SYSTEM" }, { action: tag, entityType: "Test", entityId: "first" });
    await audit(tx, { type: "SYSTEM" }, { action: tag, entityType: "Test", entityId: "second" });
  });
  process.stdout.write(`${tag}\n`);
}
