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

function gated(adapter: SqlDriverAdapter): SqlDriverAdapter {
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
