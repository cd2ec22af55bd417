/**
 * PostgreSQL roles for production: an owner that runs the migrations and owns every table, trigger
 * and function, and an app role that the server runs as. Neither is a superuser, so neither can set
 * `session_replication_role = replica` (which silences every trigger); the app role owns nothing, so
 * it cannot disable or drop the ledger's triggers, and it has no INSERT/UPDATE/DELETE on
 * `ledger_entries` or `ledger_head`: it appends only through `ledger_append` (SECURITY DEFINER, so it
 * runs as the owner) via `ledger_pending`. Printed by scripts/db-role.ts; tested in
 * lib/db/roles.integration.test.ts.
 */
export type TRoleNames = { database: string; owner: string; app: string };

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function checked(n: TRoleNames): TRoleNames {
  for (const [k, v] of Object.entries(n)) {
    if (!IDENTIFIER.test(v)) throw new Error(`${k} must be a lower-case SQL identifier (a-z, 0-9, _), got "${v}"`);
  }
  if (n.owner === n.app) throw new Error("owner and app must be two different roles");
  return n;
}

/** Step 1, once, as a superuser connected to the server (e.g. the `postgres` database). */
export function createRolesSql(names: TRoleNames): string {
  const { database, owner, app } = checked(names);
  const plain = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
  return [
    `CREATE ROLE ${owner} ${plain};`,
    `CREATE ROLE ${app} ${plain};`,
    `CREATE DATABASE ${database} OWNER ${owner};`,
    `REVOKE ALL ON DATABASE ${database} FROM PUBLIC;`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${app};`,
    `-- Then give both a password (\\password ${owner}, \\password ${app}) unless they sign in otherwise.`,
  ].join("\n");
}

/**
 * Step 2, as the owner in the database, after `npm run db:migrate` (run as the owner): what the app
 * role may do. Tables added by later migrations get the same rights through the default privileges;
 * running this again after an upgrade is harmless.
 */
export function grantAppSql(names: TRoleNames): string {
  const { owner, app } = checked(names);
  return [
    // PostgreSQL 15+ already keeps CREATE on public from PUBLIC; older servers do not.
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC;`,
    `GRANT USAGE ON SCHEMA public TO ${app};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app};`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app};`,
    // The chain is written by ledger_append alone; the migrations table by the owner alone.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ledger_entries, ledger_head, "_prisma_migrations" FROM ${app};`,
  ].join("\n");
}
