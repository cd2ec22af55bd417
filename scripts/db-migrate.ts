// npm run db:migrate — applies prisma/migrations/*/migration.sql to PGlite (default) or DATABASE_URL.
import { db } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { databaseLabel } from "../lib/env";
import { runCli } from "./cli";

void runCli(async () => {
  const applied = await migrate(db().sql);
  console.log(
    applied.length
      ? `applied ${applied.length} migration(s) to ${databaseLabel()}: ${applied.join(", ")}`
      : `${databaseLabel()} is up to date`,
  );
});
