import "server-only";
import type { SqlClient } from "../db/sql-client";
import type { Tx } from "./tx";

/**
 * One raw-SQL signature for both connections journeys use: a Prisma transaction (per-account work
 * inside a mutation) and the engine's SqlClient (the set-based recompute). Parameters are positional.
 */
export type TQuery = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export const txQuery =
  (tx: Tx): TQuery =>
  <T>(sql: string, params: unknown[] = []) =>
    tx.$queryRawUnsafe<T[]>(sql, ...params);

export const sqlQuery =
  (c: Pick<SqlClient, "query">): TQuery =>
  <T>(sql: string, params: unknown[] = []) =>
    c.query<T>(sql, params);
