import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { migrate, readMigrations } from "../db/migrate";
import { pgliteSql, postgresSql, type SqlClient } from "../db/sql-client";
import { canonicalEntry, canonicalParts, chainHash, type TLedgerInput } from "../domain/ledger/chain";
import { appendLedger, recordLedger, sqlArrayQuery, verifyLedger, verifyLedgerWith } from "./ledger";
import { withTransaction } from "./tx";

const onPostgres = Boolean(process.env.DATABASE_URL);
const PROVENANCE_MIGRATION = "20261203120000";

const input = (summary: string, via?: TLedgerInput["via"]): TLedgerInput => ({
  actorType: "token",
  actorId: "user:founder",
  actorRole: "founder",
  action: "test.guard",
  target: "test:guard",
  summary,
  requestId: null,
  payloadHash: null,
  via,
});

const serverUrl = (database: string) => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
};

/** A fresh database of the engine under test; PGlite on a directory so a CLI can open it after. */
async function scratch(migrations = readMigrations()) {
  if (!onPostgres) {
    const dir = mkdtempSync(join(tmpdir(), "lc-ledger-guard-"));
    const lite = new PGlite(dir, { extensions: { pg_trgm } });
    const sql = pgliteSql(lite);
    await migrate(sql, migrations);
    return { sql, env: { PGLITE_DIR: dir, DATABASE_URL: "" }, close: () => sql.close(), drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `lifecycle_guard_${Date.now()}_${process.pid}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new pg.Client({ connectionString: serverUrl("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: serverUrl(name), max: 2 });
  // DROP DATABASE … WITH (FORCE) may still reach a connection the pool is closing.
  pool.on("error", () => undefined);
  const sql = postgresSql(pool);
  await migrate(sql, migrations);
  return {
    sql,
    env: { DATABASE_URL: serverUrl(name) },
    close: () => sql.close(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl("postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs `fn` in a transaction that is always rolled back; returns what `fn` returned. */
async function rolledBack<T>(sql: SqlClient, fn: (tx: Pick<SqlClient, "query" | "exec">) => Promise<T>): Promise<T> {
  const rollback = new Error("rollback");
  let out: T | undefined;
  await sql
    .transaction(async (tx) => {
      out = await fn(tx);
      throw rollback;
    })
    .catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
  return out as T;
}

/** Appends through the chaining function, as recordLedger does. */
const append = (sql: Pick<SqlClient, "query">, e: TLedgerInput) => {
  const p = canonicalParts(e);
  return sql.query(`SELECT entry_seq FROM ledger_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
    e.actorType, e.actorId, e.actorRole, e.action, e.target, e.summary, e.requestId, e.payloadHash,
    e.via?.tokenId ?? null, e.via?.createdBy ?? null, p.beforeAt, p.beforeSeq, p.afterSeq,
  ]);
};

/** A correctly hashed row for `seq` on top of `prev`, as someone writing around ledger_append would make it. */
function forgedRow(seq: number, prev: string) {
  const e = { ...input(`forged ${seq}`), seq, at: new Date().toISOString().replace(/\d{3}Z$/, "000Z") };
  const canonical = canonicalEntry(e);
  return [seq, e.at, e.actorType, e.actorId, e.actorRole, e.action, e.target, e.summary, canonical, prev, chainHash(prev, canonical)];
}
const INSERT_ROW = `INSERT INTO ledger_entries (seq, at, actor_type, actor_id, actor_role, action, target, summary, canonical, prev_hash, hash)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
const head = async (sql: Pick<SqlClient, "query">) =>
  (await sql.query<{ seq: string; hash: string }>(`SELECT seq::text, hash FROM ledger_head WHERE id = 1`))[0]!;

describe(`ledger token provenance on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  it("records the token and its creator on an entry, and the entry verifies", async () => {
    const via = { tokenId: "6f1e0c55-token", createdBy: "user:founder-id" };
    await recordLedger(input("through a token", via));
    await withTransaction((tx) => appendLedger(tx, input("through a token, in a transaction", { tokenId: "t2", createdBy: null })));
    const rows = await db().prisma.ledgerEntry.findMany({
      where: { action: "test.guard" },
      orderBy: { seq: "desc" },
      take: 2,
      select: { viaTokenId: true, viaTokenCreatedBy: true, canonical: true },
    });
    expect(rows.map((r) => [r.viaTokenId, r.viaTokenCreatedBy])).toEqual([["t2", null], [via.tokenId, via.createdBy]]);
    expect(rows[1]!.canonical).toContain(`"via":{"createdBy":"user:founder-id","tokenId":"6f1e0c55-token"}`);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("keeps entries written before the migration verifiable after it, next to entries with a token", async () => {
    const all = readMigrations();
    const s = await scratch(all.filter((m) => m.name < PROVENANCE_MIGRATION));
    try {
      // The previous ledger_append, as every entry before this change was written.
      for (const summary of ["old one", "تسجيل دخول"]) {
        const e = { ...input(summary), actorType: "user" as const };
        const p = canonicalParts(e);
        await s.sql.query(`SELECT ledger_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, [
          e.actorType, e.actorId, e.actorRole, e.action, e.target, e.summary, e.requestId, e.payloadHash, p.beforeAt, p.beforeSeq, p.afterSeq,
        ]);
      }
      expect(await migrate(s.sql, all)).toContain(all.find((m) => m.name.startsWith(PROVENANCE_MIGRATION))!.name);
      await append(s.sql, input("new, through a token", { tokenId: "tok-1", createdBy: "user:maker" }));
      await append(s.sql, input("new, no token"));
      expect(await verifyLedgerWith([sqlArrayQuery(s.sql)])).toMatchObject({ ok: true, count: 4, headSeq: 4 });

      // Tampering with the provenance (triggers off, as a superuser could) reads as an edit.
      const tamper = (statement: string) =>
        rolledBack(s.sql, async (tx) => {
          await tx.exec(`ALTER TABLE ledger_entries DISABLE TRIGGER USER`);
          await tx.exec(statement);
          return verifyLedgerWith([sqlArrayQuery(tx)]);
        });
      expect(await tamper(`UPDATE ledger_entries SET via_token_created_by = 'user:someone-else' WHERE seq = 3`)).toMatchObject({
        ok: false,
        seq: 3,
        problem: "edited",
      });
      expect(await tamper(`UPDATE ledger_entries SET via_token_id = NULL, via_token_created_by = NULL WHERE seq = 3`)).toMatchObject({
        ok: false,
        seq: 3,
        problem: "edited",
      });
      expect(await tamper(`UPDATE ledger_entries SET via_token_created_by = 'user:x' WHERE seq = 1`)).toMatchObject({
        ok: false,
        seq: 1,
        problem: "edited",
      });
    } finally {
      await s.close();
      await s.drop();
    }
  });
});

describe(`only the chaining path writes the ledger, on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  it("refuses a direct INSERT at head + 1 and any write to the head; the next append still chains", async () => {
    await recordLedger(input("before the attempt"));
    const h = await head(db().sql);
    await expect(db().sql.query(INSERT_ROW, forgedRow(Number(h.seq) + 1, h.hash))).rejects.toThrow(/only ledger_append/);
    await expect(db().sql.query(`UPDATE ledger_head SET seq = seq + 1 WHERE id = 1`)).rejects.toThrow(/only ledger_append/);
    await expect(db().sql.query(`DELETE FROM ledger_head`)).rejects.toThrow(/only ledger_append/);
    await expect(db().sql.exec(`TRUNCATE ledger_head`)).rejects.toThrow(/append-only/);
    await expect(
      db().prisma.ledgerEntry.create({
        data: { seq: BigInt(Number(h.seq) + 1), at: new Date(), actorType: "user", action: "x", summary: "x", canonical: "x", prevHash: h.hash, hash: "x" },
      }),
    ).rejects.toThrow();
    // The function's flag does not outlive it: after an append in the same transaction, still refused.
    await expect(
      withTransaction(async (tx) => {
        await tx.$queryRawUnsafe(`SELECT 1 FROM ledger_append('system', NULL, NULL, 'test.guard', NULL, 'x', NULL, NULL, NULL, NULL, '{"a":"', '","s":', '}')`);
        const next = await tx.$queryRawUnsafe<{ seq: string; hash: string }[]>(`SELECT seq::text, hash FROM ledger_head WHERE id = 1`);
        await tx.$executeRawUnsafe(INSERT_ROW, ...forgedRow(Number(next[0]!.seq) + 1, next[0]!.hash));
      }),
    ).rejects.toThrow(/only ledger_append/);
    // The append-only guarantees still hold.
    await expect(db().sql.exec(`UPDATE ledger_entries SET summary = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().sql.exec(`DELETE FROM ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(db().sql.exec(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
    await recordLedger(input("after the attempt"));
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  describe("a row past the head, present anyway", () => {
    let s: Awaited<ReturnType<typeof scratch>>;
    beforeAll(async () => {
      s = await scratch();
      for (const n of [1, 2, 3]) await append(s.sql, input(`entry ${n}`));
    });
    afterAll(async () => {
      await s.close();
      await s.drop();
    });

    it("is named by verify whichever way the guard was bypassed", async () => {
      for (const bypass of [`SET LOCAL session_replication_role = replica`, `SELECT set_config('ledger.appending', 'on', true)`]) {
        const r = await rolledBack(s.sql, async (tx) => {
          await tx.exec(bypass);
          const h = await head(tx);
          const first = forgedRow(Number(h.seq) + 1, h.hash);
          await tx.query(INSERT_ROW, first);
          await tx.query(INSERT_ROW, forgedRow(Number(h.seq) + 2, first[10] as string));
          return verifyLedgerWith([sqlArrayQuery(tx)]);
        });
        expect(r).toEqual({ ok: false, count: 3, seq: 4, problem: "beyond_head" });
      }
    });

    it("makes `npm run ledger -- verify` exit 1 naming that entry", async () => {
      await s.sql.transaction(async (tx) => {
        await tx.exec(`SELECT set_config('ledger.appending', 'on', true)`);
        const h = await head(tx);
        await tx.query(INSERT_ROW, forgedRow(Number(h.seq) + 1, h.hash));
      });
      // One process at a time may open a PGlite directory: the CLI gets it to itself.
      if (!onPostgres) await s.sql.close();
      const run = await promisify(execFile)("npm", ["run", "--silent", "ledger", "--", "verify"], {
        env: { ...process.env, ...s.env },
      }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/FAILED at entry 4: it lies past the recorded head/);
      // The suite connects as a superuser, which verify points out on PostgreSQL.
      if (onPostgres) expect(run.stderr).toMatch(/warning: connected as a superuser/);
      if (!onPostgres) s.close = async () => undefined;
    }, 60_000);
  });
});
