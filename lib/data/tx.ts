import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { prisma } from "../db";
import { databaseUnavailable, isConnectionError } from "../errors";

export type Tx = Parameters<Parameters<ReturnType<typeof prisma>["$transaction"]>[0]>[0];

// The transaction of the surrounding `withRequestTransaction`, if any; nested units queue on `turn`
// because savepoints on one connection must not interleave.
type TScope = { tx: Tx; turn: Promise<unknown>; savepoints: { n: number } };
const scope = new AsyncLocalStorage<TScope>();

/**
 * Runs `fn` in one database transaction (the unit the mutation wrapper and the ledger share). Inside
 * `withRequestTransaction` it runs in a savepoint of that transaction instead: its failure rolls back
 * only its own work, its success commits with the enclosing transaction.
 */
export function withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = scope.getStore();
  if (outer) return joinAsSavepoint(outer, fn);
  return prisma()
    .$transaction(fn, { timeout: 30_000, maxWait: 10_000 })
    .catch((error: unknown) => {
      throw isConnectionError(error) ? databaseUnavailable(error) : error;
    });
}

/**
 * One transaction around a whole request: every `withTransaction` called inside joins it (as a
 * savepoint), so the request's effects and whatever `fn` writes last (an idempotency record) commit
 * together or not at all. Database work inside must go through `withTransaction`, `tx` or
 * `currentTransaction()`: the root client uses another connection and does not see this transaction.
 */
export function withRequestTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (scope.getStore()) throw new Error("withRequestTransaction cannot be nested");
  return withTransaction((tx) => scope.run({ tx, turn: Promise.resolve(), savepoints: { n: 0 } }, () => fn(tx)));
}

/** The enclosing request transaction, for code that must write in it rather than beside it. */
export function currentTransaction(): Tx | undefined {
  return scope.getStore()?.tx;
}

function joinAsSavepoint<T>(outer: TScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const run = async () => {
    const name = `lc_sp_${++outer.savepoints.n}`;
    await outer.tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const inner: TScope = { tx: outer.tx, turn: Promise.resolve(), savepoints: outer.savepoints };
      const result = await scope.run(inner, () => fn(outer.tx));
      await outer.tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await outer.tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      throw isConnectionError(error) ? databaseUnavailable(error) : error;
    }
  };
  const result = outer.turn.then(run, run);
  outer.turn = result.catch(() => undefined);
  return result;
}

/**
 * Runs `fn` in a savepoint of `tx`: PostgreSQL aborts a transaction at its first error, so work that
 * may fail on its own (one outbox row) runs here. On success the savepoint is released; on an error
 * for which `rollbackIf` holds, the transaction is rolled back to the savepoint (still usable) and the
 * error rethrown; any other error is rethrown as is (the whole transaction is lost anyway).
 */
export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>, rollbackIf: (error: unknown) => boolean): Promise<T> {
  await tx.$executeRaw`SAVEPOINT lc_row`;
  try {
    const result = await fn();
    await tx.$executeRaw`RELEASE SAVEPOINT lc_row`;
    return result;
  } catch (error) {
    if (rollbackIf(error)) await tx.$executeRaw`ROLLBACK TO SAVEPOINT lc_row`;
    throw error;
  }
}
