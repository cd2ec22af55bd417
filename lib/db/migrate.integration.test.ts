import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { migrate, MigrationError, readMigrations } from "./migrate";

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lc-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe(`migration runner on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("is a no-op when re-run", async () => {
    expect(await migrate(db().sql)).toEqual([]);
  });

  it("records migrations in Prisma's table with the file's sha256", async () => {
    const [first] = readMigrations();
    const rows = await db().sql.query<{ checksum: string }>(
      `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1`,
      [first!.name],
    );
    expect(rows[0]?.checksum).toBe(first!.checksum);
  });

  it("rolls back a failing migration whole and names its file", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const dir = migrationsDir({
      [`29990101000000_ok_${suffix}`]: `CREATE TABLE "mig_ok_${suffix}" (id int);`,
      [`29990102000000_bad_${suffix}`]: `CREATE TABLE "mig_half_${suffix}" (id int); SELECT * FROM no_such_table;`,
    });
    const error = await migrate(db().sql, readMigrations(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(`29990102000000_bad_${suffix}`);
    const tables = await db().sql.query<{ t: string | null }>(
      `SELECT to_regclass($1)::text AS t UNION ALL SELECT to_regclass($2)::text`,
      [`mig_ok_${suffix}`, `mig_half_${suffix}`],
    );
    // The good one before it stays applied; the bad one left nothing behind.
    expect(tables.map((r) => r.t)).toEqual([`mig_ok_${suffix}`, null]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const name = `29990103000000_edit_${suffix}`;
    await migrate(db().sql, readMigrations(migrationsDir({ [name]: `CREATE TABLE "mig_e_${suffix}" (id int);` })));
    const edited = readMigrations(migrationsDir({ [name]: `CREATE TABLE "mig_e_${suffix}" (id bigint);` }));
    await expect(migrate(db().sql, edited)).rejects.toThrow(/changed after it was applied/);
  });
});
