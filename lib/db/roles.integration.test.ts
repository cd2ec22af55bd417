import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalParts, type TLedgerInput } from "../domain/ledger/chain";
import { ledgerGuardsBypassable, pgArrayQuery, verifyLedgerWith } from "../data/ledger";
import { migrate } from "./migrate";
import { createRolesSql, grantAppSql } from "./roles";
import { postgresSql } from "./sql-client";

// Roles are per server, so the names are unique per run; the database and both roles are dropped after.
const suffix = `${Date.now().toString(36)}_${process.pid}`;
const names = { database: `lc_roles_${suffix}`, owner: `lc_owner_${suffix}`, app: `lc_app_${suffix}` };

const urlAs = (user: string, database: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.username = user;
  url.pathname = `/${database}`;
  return url.toString();
};
const superuser = () => urlAs(new URL(process.env.DATABASE_URL!).username || "postgres", "postgres");

async function runAs(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // One statement at a time: CREATE DATABASE may not run inside the implicit transaction of a batch.
    for (const statement of sql.split("\n").filter((l) => l.trim() && !l.startsWith("--"))) await c.query(statement);
  } finally {
    await c.end();
  }
}

const entry: TLedgerInput = {
  actorType: "system",
  actorId: "roles-test",
  actorRole: null,
  action: "test.roles",
  target: null,
  summary: "appended by the app role",
  requestId: null,
  payloadHash: null,
  via: { tokenId: "t1", createdBy: "u1" },
};

describe.skipIf(!process.env.DATABASE_URL)("the documented PostgreSQL roles (scripts/db-role.ts)", () => {
  let app: pg.Client;

  beforeAll(async () => {
    await runAs(superuser(), createRolesSql(names));
    const ownerPool = new pg.Pool({ connectionString: urlAs(names.owner, names.database), max: 1 });
    ownerPool.on("error", () => undefined);
    await migrate(postgresSql(ownerPool));
    await ownerPool.end();
    await runAs(urlAs(names.owner, names.database), grantAppSql(names));
    app = new pg.Client({ connectionString: urlAs(names.app, names.database) });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end().catch(() => undefined);
    await runAs(
      superuser(),
      [
        `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`,
        `DROP ROLE IF EXISTS ${names.app}`,
        `DROP ROLE IF EXISTS ${names.owner}`,
      ].join("\n"),
    );
  });

  it("lets the app role start (migrations up to date) and append through the chaining path", async () => {
    const appPool = new pg.Pool({ connectionString: urlAs(names.app, names.database), max: 1 });
    expect(await migrate(postgresSql(appPool))).toEqual([]);
    // What `npm run ledger -- verify` checks before it warns; the suite's own superuser reads true.
    expect(await ledgerGuardsBypassable(postgresSql(appPool))).toEqual({ superuser: false, owner: false });
    expect(await ledgerGuardsBypassable()).toMatchObject({ superuser: true });
    await appPool.end();
    const p = canonicalParts(entry);
    const values = [
      entry.actorType,
      entry.actorId,
      entry.actorRole,
      entry.action,
      entry.target,
      entry.summary,
      null,
      null,
      "t1",
      "u1",
    ];
    await app.query(`SELECT ledger_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
      ...values,
      p.beforeAt,
      p.beforeSeq,
      p.afterSeq,
    ]);
    await app.query(
      `INSERT INTO ledger_pending (actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash,
                                   via_token_id, via_token_created_by, before_at, before_seq, after_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [...values, p.beforeAt, p.beforeSeq, p.afterSeq],
    );
    expect(await verifyLedgerWith([pgArrayQuery(app)])).toMatchObject({ ok: true, count: 2, headSeq: 2 });
  });

  it("refuses the app role every way around the chain, even with the guard's flag raised", async () => {
    const refused = async (sql: string) => {
      await app.query("BEGIN");
      try {
        await app.query(`SELECT set_config('ledger.appending', 'on', true)`);
        await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner|must be superuser|not allowed/);
      } finally {
        await app.query("ROLLBACK");
      }
    };
    await refused(
      `INSERT INTO ledger_entries (seq, at, actor_type, action, summary, canonical, prev_hash, hash) VALUES (3, now(), 'user', 'x', 'x', 'x', 'x', 'x')`,
    );
    await refused(`UPDATE ledger_head SET seq = 3 WHERE id = 1`);
    await refused(`UPDATE ledger_entries SET summary = 'x'`);
    await refused(`DELETE FROM ledger_entries`);
    await refused(`TRUNCATE ledger_entries`);
    await refused(`SET session_replication_role = replica`);
    await refused(`ALTER TABLE ledger_entries DISABLE TRIGGER USER`);
    await refused(`DROP TRIGGER ledger_entries_only_by_append ON ledger_entries`);
    await refused(
      `CREATE OR REPLACE FUNCTION ledger_chain_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    );
    await refused(`CREATE TABLE sneaky (id int)`);
    await refused(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'x', 'x')`);
    const [row] = (await app.query<{ rolsuper: boolean }>(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`))
      .rows;
    expect(row?.rolsuper).toBe(false);
  });
});
