import { afterAll, beforeAll } from "vitest";
import { closeDb, db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";

// Each test file migrates the database it runs against (a no-op after the first on PostgreSQL,
// a fresh in-memory database on PGlite) and closes its connections at the end.
beforeAll(async () => {
  await migrate(db().sql);
});

afterAll(async () => {
  await closeDb();
});
