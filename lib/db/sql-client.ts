import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The smallest raw-SQL surface both engines share: used by the migration runner, the seeder and
 * the ledger verifier, which need multi-statement scripts or bulk inserts that Prisma does not offer.
 */
export type SqlClient = {
  engine: "pglite" | "postgresql";
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: Omit<SqlClient, "transaction" | "close">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function pgliteSql(db: PGlite): SqlClient {
  return {
    engine: "pglite",
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async transaction(fn) {
      return db.transaction((tx) =>
        fn({
          engine: "pglite",
          exec: async (sql) => void (await tx.exec(sql)),
          query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}

export function postgresSql(pool: pg.Pool): SqlClient {
  const on = (c: pg.Pool | pg.PoolClient) => ({
    engine: "postgresql" as const,
    exec: async (sql: string) => void (await c.query(sql)),
    query: async <R>(sql: string, params?: unknown[]) => (await c.query(sql, params as unknown[])).rows as R[],
  });
  return {
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
