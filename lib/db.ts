import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "./env";
import { databaseUnavailable, isConnectionError } from "./errors";
import { PrismaClient } from "./generated/prisma/client";
import { lockPgliteDir } from "./db/pglite-lock";
import { pgliteSql, postgresSql, type SqlClient } from "./db/sql-client";

// Secrets are left out of every query unless one asks for them by name (only sign-in does).
const omit = { user: { passwordHash: true } } as const;

function withUnavailableErrors(client: PrismaClient<never, typeof omit>) {
  // One place turns "cannot reach the database" into the error the pages, routes and CLIs recognise.
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw isConnectionError(error) ? databaseUnavailable(error) : error;
        }
      },
    },
  });
}

type Client = ReturnType<typeof withUnavailableErrors>;
type Db = { prisma: Client; sql: SqlClient; engine: "pglite" | "postgresql"; release?: () => void };

// One connection set per process, kept on globalThis so dev reloads do not open PGlite twice
// (a PGlite directory may only be open once).
const holder = globalThis as typeof globalThis & { __lifecycleDb?: Db };

function open(): Db {
  const e = env();
  if (e.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: e.DATABASE_URL, max: 5 });
    pool.on("error", () => undefined); // idle-client errors surface on the next query instead
    const adapter = new PrismaPg({ connectionString: e.DATABASE_URL, max: 10 });
    return {
      prisma: withUnavailableErrors(new PrismaClient({ adapter, omit })),
      sql: postgresSql(pool),
      engine: "postgresql",
    };
  }
  const dir = e.PGLITE_DIR === "memory://" ? undefined : e.PGLITE_DIR;
  const release = dir ? lockPgliteDir(dir) : undefined;
  const lite = new PGlite(dir ?? "memory://", { extensions: { pg_trgm } });
  const prisma = withUnavailableErrors(new PrismaClient({ adapter: new PrismaPGlite(lite), omit }));
  return { prisma, sql: pgliteSql(lite), engine: "pglite", release };
}

export function db(): Db {
  holder.__lifecycleDb ??= open();
  return holder.__lifecycleDb;
}

export const prisma = (): Client => db().prisma;

export async function closeDb(): Promise<void> {
  const current = holder.__lifecycleDb;
  if (!current) return;
  holder.__lifecycleDb = undefined;
  await current.prisma.$disconnect();
  await current.sql.close();
  current.release?.();
}
