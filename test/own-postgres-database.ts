import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { closeDb } from "@/lib/db";

/**
 * Points this test file at a PostgreSQL database of its own, migrated by the usual setup. The run's
 * database is shared by every file at once, and some rules count rows another file may add at any
 * moment ("no other active founder"). Await it at the top level of the file, before anything opens
 * the database. On PGlite every file has a fresh in-memory database already: nothing to do.
 */
export async function ownPostgresDatabase(): Promise<void> {
  const shared = process.env.DATABASE_URL;
  if (!shared) return;
  const at = (database: string) => {
    const url = new URL(shared);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const name = `lifecycle_own_${Date.now()}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: at("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  process.env.DATABASE_URL = at(name);
  afterAll(async () => {
    // Runs before the setup file's own closeDb (after-hooks run innermost first), which then finds none.
    await closeDb();
    const c = new pg.Client({ connectionString: at("postgres") });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
}
