// npx tsx scripts/db-role.ts create [--database lifecycle] [--owner lifecycle_owner] [--app lifecycle_app]
//   prints step 1 (run as a superuser):          … create | psql -U postgres -d postgres
// npx tsx scripts/db-role.ts grant [--owner …] [--app …]
//   prints step 2 (run as the owner, after db:migrate): … grant | psql -U lifecycle_owner -d lifecycle
// The server then runs as the app role: DATABASE_URL=postgresql://lifecycle_app:…@host/lifecycle
// Prints SQL only; it never connects, so it needs no credentials. See lib/db/roles.ts.
import { parseArgs } from "node:util";
import { createRolesSql, grantAppSql } from "../lib/db/roles";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: npx tsx scripts/db-role.ts create|grant [--database NAME] [--owner ROLE] [--app ROLE]";

void runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      database: { type: "string", default: "lifecycle" },
      owner: { type: "string", default: "lifecycle_owner" },
      app: { type: "string", default: "lifecycle_app" },
    },
  });
  const names = { database: values.database, owner: values.owner, app: values.app };
  let sql: string;
  try {
    if (positionals[0] === "create") sql = createRolesSql(names);
    else if (positionals[0] === "grant") sql = grantAppSql(names);
    else throw new UsageError(USAGE);
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
  console.log(sql);
  return 0;
});
