// The benchmark's own PostgreSQL housekeeping, with the plain `pg` client: never through lib/db,
// whose engine is fixed once per process by the environment.
import pg from "pg";

/** The same server URL pointing at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Host and port only: safe to print (no user, password or query). */
export function hostLabel(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.hostname}${url.port ? `:${url.port}` : ""}`;
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
};

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/** After a bulk load: fresh planner statistics and visibility map, as a database in service has. */
export async function vacuumAnalyze(url: string): Promise<void> {
  await withClient(url, (c) => c.query(`VACUUM (ANALYZE) "accounts"`));
}

export async function countAccounts(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "accounts"`);
    return rows[0]?.n ?? 0;
  });
}

/** The CSM for the CSM filter: the signed-in demo CSM if they own accounts, else the busiest CSM. */
export async function pickCsm(
  url: string,
  preferEmail: string,
): Promise<{ id: string; email: string; accounts: number }> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ id: string; email: string; accounts: number }>(
      `SELECT u."id", u."email", count(*)::int AS "accounts"
         FROM "users" u JOIN "accounts" a ON a."csm_id" = u."id"
        WHERE u."role" = 'csm'
        GROUP BY u."id", u."email"
        ORDER BY (u."email" = $1) DESC, count(*) DESC
        LIMIT 1`,
      [preferEmail],
    );
    const row = rows[0];
    if (!row) throw new Error("no CSM owns any account: was the database seeded?");
    return row;
  });
}
