import pg from "pg";

/**
 * Creates a fresh PostgreSQL database for this run and drops it afterwards.
 * TEST_POSTGRES_URL points at the server (default: the local trust-auth server on 127.0.0.1:5432).
 */
export default async function setup() {
  const server = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `lifecycle_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  try {
    await admin.connect();
  } catch (error) {
    const host = new URL(server).host;
    throw new Error(
      `PostgreSQL integration tests need a server at ${host} (set TEST_POSTGRES_URL): ${(error as Error).message}`,
    );
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  delete process.env.PGLITE_DIR;

  return async () => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}
