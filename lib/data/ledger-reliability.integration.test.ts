import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { migrate } from "../db/migrate";
import { postgresSql } from "../db/sql-client";
import { GENESIS_HASH, canonicalEntry, chainHash, type TLedgerInput, type TVerifyResult } from "../domain/ledger/chain";
import { appendLedger, pgArrayQuery, recordLedger, verifyLedger, verifyLedgerWith } from "./ledger";
import { withTransaction } from "./tx";

const server = () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/postgres";
  return url.toString();
};

describe.skipIf(!process.env.DATABASE_URL)("ledger reliability on PostgreSQL", () => {
  it("1 000 concurrent appends keep one unbroken chain", async () => {
    const run = randomUUID();
    const input = (i: number) => entry(run, i);
    const before = await verifyLedger();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => recordLedger(input(i))));
    const rows = await db().sql.query<{ n: number; seqs: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs FROM ledger_entries WHERE target = $1`,
      [`run:${run}`],
    );
    expect(rows[0]).toEqual({ n: 1000, seqs: 1000 });
    const after = await verifyLedger();
    expect(after).toMatchObject({ ok: true });
    if (before.ok && after.ok) expect(after.headSeq - before.headSeq).toBeGreaterThanOrEqual(1000);
  }, 120_000);

  it("1 000 transactions by 50 concurrent writers, each a change and its entry, keep one unbroken chain", async () => {
    // 50 at a time, as the pool would admit them anyway: 1 000 at once only measures Prisma's maxWait.
    const run = randomUUID();
    let next = 0;
    const writer = async () => {
      while (next < 1000) {
        const i = next++;
        await withTransaction(async (tx) => {
          await tx.$queryRaw`SELECT frozen FROM system_state WHERE id = 1`;
          await appendLedger(tx, { ...entry(run, i), action: "test.concurrent_transaction" });
        });
      }
    };
    await Promise.all(Array.from({ length: 50 }, writer));
    const rows = await db().sql.query<{ n: number }>(`SELECT count(DISTINCT seq)::int AS n FROM ledger_entries WHERE target = $1`, [
      `run:${run}`,
    ]);
    expect(rows[0]?.n).toBe(1000);
    expect(await db().sql.query(`SELECT 1 FROM ledger_pending`)).toHaveLength(0);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  }, 120_000);
});

const entry = (run: string, i: number): TLedgerInput => ({
  actorType: "system",
  actorId: "reliability-test",
  actorRole: null,
  action: "test.concurrent_append",
  target: `run:${run}`,
  summary: `append ${i}`,
  requestId: null,
  payloadHash: null,
});

// Tampering needs DB-level access an attacker might have; done on a scratch database so the shared
// test ledger stays valid. Each scenario runs in a transaction that is rolled back.
describe.skipIf(!process.env.DATABASE_URL)("ledger tampering on a scratch PostgreSQL database", () => {
  const name = `lifecycle_tamper_${Date.now()}_${process.pid}`;
  let pool: pg.Pool;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: server() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    await migrate(postgresSql(pool));
    // Builds a known chain row by row, so it writes around ledger_append: the guard's flag, by hand.
    const setup = await pool.connect();
    await setup.query("BEGIN");
    await setup.query(`SELECT set_config('ledger.appending', 'on', true)`);
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 10; seq++) {
      const e = {
        seq,
        at: new Date(Date.UTC(2026, 10, 21, 9, 0, seq)).toISOString(),
        actorType: "user" as const,
        actorId: `u${seq % 3}`,
        actorRole: "founder",
        action: seq % 2 ? "proposals.approve" : "auth.sign_in",
        target: `proposal:${seq}`,
        summary: seq % 2 ? `approved message ${seq}` : "تسجيل دخول",
        requestId: `r${seq}`,
        payloadHash: null,
      };
      const canonical = canonicalEntry(e);
      const hash = chainHash(prev, canonical);
      await setup.query(
        `INSERT INTO ledger_entries (seq, at, actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash, canonical, prev_hash, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [seq, e.at, e.actorType, e.actorId, e.actorRole, e.action, e.target, e.summary, e.requestId, null, canonical, prev, hash],
      );
      prev = hash;
    }
    await setup.query(`UPDATE ledger_head SET seq = 10, hash = $1 WHERE id = 1`, [prev]);
    await setup.query("COMMIT");
    setup.release();
  });

  afterAll(async () => {
    await pool?.end();
    const admin = new pg.Client({ connectionString: server() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  /** Runs `tamper` as an attacker with the triggers off, verifies, and rolls everything back. */
  async function verifyAfter(tamper: (c: pg.PoolClient) => Promise<unknown>): Promise<TVerifyResult> {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await c.query("ALTER TABLE ledger_entries DISABLE TRIGGER USER");
      await tamper(c);
      return await verifyRows(c);
    } finally {
      await c.query("ROLLBACK");
      c.release();
    }
  }

  it("verifies the intact chain", async () => {
    expect(await verifyAfter(async () => undefined)).toMatchObject({ ok: true, count: 10, headSeq: 10 });
  });

  it("names an edited row", async () => {
    const r = await verifyAfter((c) => c.query(`UPDATE ledger_entries SET summary = 'approved nothing' WHERE seq = 4`));
    expect(r).toEqual({ ok: false, count: 4, seq: 4, problem: "edited" });
  });

  it("names a deleted row", async () => {
    const r = await verifyAfter((c) => c.query(`DELETE FROM ledger_entries WHERE seq = 6`));
    expect(r).toMatchObject({ ok: false, seq: 6, problem: "missing" });
  });

  it("names the first of two rows whose contents were swapped", async () => {
    const r = await verifyAfter(async (c) => {
      const cols = `at, actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash, canonical, prev_hash, hash`;
      await c.query(`CREATE TEMP TABLE swap ON COMMIT DROP AS SELECT seq, ${cols} FROM ledger_entries WHERE seq IN (3, 7)`);
      const set = cols
        .split(", ")
        .map((col) => `${col} = s.${col}`)
        .join(", ");
      await c.query(`UPDATE ledger_entries e SET ${set} FROM swap s WHERE e.seq = 10 - s.seq`);
    });
    expect(r).toMatchObject({ ok: false, seq: 3 });
  });

  it("names entries at a batch boundary (batches of 3: entries 3 and 4 sit on either side)", async () => {
    const edit = (seq: number) => (c: pg.PoolClient) =>
      c.query(`UPDATE ledger_entries SET target = 'proposal:other' WHERE seq = $1`, [seq]);
    expect(await verifyAfter(edit(3))).toMatchObject({ ok: false, seq: 3, problem: "edited" });
    expect(await verifyAfter(edit(4))).toMatchObject({ ok: false, seq: 4, problem: "edited" });
    expect(await verifyAfter((c) => c.query(`DELETE FROM ledger_entries WHERE seq = 4`))).toMatchObject({
      ok: false,
      seq: 4,
      problem: "missing",
    });
  });

  it("names an entry whose stored canonical text or hash alone was changed", async () => {
    const canonical = await verifyAfter((c) =>
      c.query(`UPDATE ledger_entries SET canonical = replace(canonical, 'approved', 'rejected') WHERE seq = 5`),
    );
    expect(canonical).toMatchObject({ ok: false, seq: 5, problem: "edited" });
    const hash = await verifyAfter((c) => c.query(`UPDATE ledger_entries SET hash = repeat('a', 64) WHERE seq = 2`));
    expect(hash).toMatchObject({ ok: false, seq: 2, problem: "edited" });
  });

  it("names an entry edited together with its canonical text (the hash no longer fits)", async () => {
    const r = await verifyAfter((c) =>
      c.query(
        `UPDATE ledger_entries SET summary = 'approved nothing', canonical = replace(canonical, summary, 'approved nothing') WHERE seq = 9`,
      ),
    );
    expect(r).toMatchObject({ ok: false, seq: 9, problem: "edited" });
  });

  it("names where a dropped tail begins", async () => {
    const r = await verifyAfter((c) => c.query(`DELETE FROM ledger_entries WHERE seq > 7`));
    expect(r).toEqual({ ok: false, count: 7, seq: 8, problem: "truncated" });
  });

  it("the trigger refuses UPDATE, DELETE and TRUNCATE while enabled", async () => {
    await expect(pool.query(`UPDATE ledger_entries SET summary = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM ledger_entries WHERE seq = 10`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
    expect(await verifyAfter(async () => undefined)).toMatchObject({ ok: true, count: 10 });
  });
});

// The verifier itself, on the tampering transaction's connection, in batches of 3 entries fetched
// two at a time: the 10-entry chain crosses batch boundaries as a million-entry one does.
const verifyRows = (c: pg.PoolClient) => verifyLedgerWith([pgArrayQuery(c), pgArrayQuery(c)], 3);
