import "server-only";
import type { SqlClient } from "../db/sql-client";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "./tx";

/**
 * One query signature for both connections journeys use: a Prisma transaction (per-account work inside
 * a mutation) and the engine's SqlClient (the set-based recompute, page by page on its own connection).
 * Queries are tagged `Prisma.sql` templates either way, so values are always parameters, never text.
 */
export type TQuery = <T = Record<string, unknown>>(sql: Prisma.Sql) => Promise<T[]>;

export const txQuery =
  (tx: Tx): TQuery =>
  <T>(sql: Prisma.Sql) =>
    tx.$queryRaw<T[]>(sql);

// `text` is the template with PostgreSQL's $n placeholders, `values` its parameters in order.
export const sqlQuery =
  (c: Pick<SqlClient, "query">): TQuery =>
  <T>(sql: Prisma.Sql) =>
    c.query<T>(sql.text, sql.values);
