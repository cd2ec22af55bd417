import "server-only";
import { prisma } from "../db";
import { databaseUnavailable, isConnectionError } from "../errors";

export type Tx = Parameters<Parameters<ReturnType<typeof prisma>["$transaction"]>[0]>[0];

/** Runs `fn` in one database transaction (the unit the mutation wrapper and the ledger share). */
export function withTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma()
    .$transaction(fn, { timeout: 30_000, maxWait: 10_000 })
    .catch((error: unknown) => {
      throw isConnectionError(error) ? databaseUnavailable(error) : error;
    });
}
