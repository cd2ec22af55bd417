import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SqlClient } from "./sql-client";

export class MigrationError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Migration ${file} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export type TMigrationFile = { name: string; file: string; sql: string; checksum: string };

export function readMigrations(dir = join(process.cwd(), "prisma", "migrations")): TMigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = join(dir, name, "migration.sql");
      const sql = readFileSync(file, "utf8");
      return { name, file: join("prisma", "migrations", name, "migration.sql"), sql, checksum: sha256(sql) };
    });
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// Prisma's own bookkeeping table, so `prisma migrate status/deploy` (where it can run) agrees with us.
const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Arbitrary constant: serialises concurrent migrators (two servers starting at once) on PostgreSQL.
const MIGRATION_LOCK_KEY = 7_264_193_001;

/**
 * Applies every migration not yet recorded, each in its own transaction together with its
 * bookkeeping row: re-running is a no-op, and a failing file leaves the database as it was and is
 * named in the MigrationError. Returns the names applied by this call.
 */
export async function migrate(sql: SqlClient, migrations = readMigrations()): Promise<string[]> {
  // Created only when missing: the app role of scripts/db-role.ts may not create tables, and it still
  // starts (a no-op here) once the owner role has applied every migration.
  const [bookkeeping] = await sql.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!bookkeeping?.t) await sql.exec(BOOKKEEPING);
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await sql.transaction(async (tx) => {
      if (tx.engine === "postgresql") await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const rows = await tx.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [m.name],
      );
      if (rows[0] && rows[0].checksum !== m.checksum) {
        throw new MigrationError(
          m.file,
          new Error("the file changed after it was applied; add a new migration instead"),
        );
      }
      if (rows.length > 0) return false;
      try {
        await tx.exec(m.sql);
      } catch (error) {
        throw new MigrationError(m.file, error);
      }
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
