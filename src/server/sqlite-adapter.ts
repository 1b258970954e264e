import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/**
 * better-sqlite3 gives Prisma ONE connection. The stock adapter serialises
 * interactive transactions with a mutex, but a query outside any transaction
 * still runs on that connection while another request's transaction is open:
 * it becomes part of that transaction and is lost when it rolls back (seen as
 * "No record was found for an update" right after a create). This gate makes
 * every statement outside a transaction wait until the open transaction ends.
 * Consequence: inside `db.$transaction(async (tx) => ...)` use `tx`, never `db`
 * (a `db` call there would wait for its own transaction).
 */
class Gate {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => next);
    return previous.then(() => release);
  }
}

export function serialisedSqliteAdapter(url: string, options: { timeout?: number } = {}): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, ...options });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => gated(await connect());
  return factory;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). The stock
 * adapter's deferred BEGIN reads first and upgrades later, and in WAL mode that
 * upgrade fails at once (SQLITE_BUSY_SNAPSHOT, no retry) whenever another
 * process (a CLI script, a test) committed in between. IMMEDIATE waits for the
 * lock under the busy timeout instead.
 */
function beginImmediately(adapter: SqlDriverAdapter): void {
  const client = (adapter as unknown as { client?: { prepare: (sql: string) => unknown } }).client;
  if (!client) throw new Error("unexpected better-sqlite3 adapter shape");
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

function gated(adapter: SqlDriverAdapter): SqlDriverAdapter {
  beginImmediately(adapter);
  const gate = new Gate();
  const exclusive =
    <T>(run: (query: SqlQuery) => Promise<T>) =>
    async (query: SqlQuery): Promise<T> => {
      const release = await gate.acquire();
      try {
        return await run(query);
      } finally {
        release();
      }
    };
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = exclusive(queryRaw);
  adapter.executeRaw = exclusive(executeRaw);
  adapter.startTransaction = async (isolationLevel) => {
    const release = await gate.acquire();
    let tx: Transaction;
    try {
      tx = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
  return adapter;
}
