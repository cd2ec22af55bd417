import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../db/migrate";
import { postgresSql } from "../db/sql-client";
import {
  GENESIS_HASH,
  canonicalEntry,
  chainHash,
  createVerifier,
  type TLedgerInput,
  type TVerifyResult,
} from "../domain/ledger/chain";
import { recordLedger, verifyLedger } from "./ledger";

const server = () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = "/postgres";
  return url.toString();
};

describe.skipIf(!process.env.DATABASE_URL)("ledger reliability on PostgreSQL", () => {
  it("1 000 concurrent appends keep one unbroken chain", async () => {
    const run = randomUUID();
    const input = (i: number): TLedgerInput => ({
      actorType: "system",
      actorId: "reliability-test",
      actorRole: null,
      action: "test.concurrent_append",
      target: `run:${run}`,
      summary: `append ${i}`,
      requestId: null,
      payloadHash: null,
    });
    const appended = await Promise.all(Array.from({ length: 1000 }, (_, i) => recordLedger(input(i))));
    expect(new Set(appended.map((a) => a.seq)).size).toBe(1000);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  }, 120_000);
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
      await pool.query(
        `INSERT INTO ledger_entries (seq, at, actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash, canonical, prev_hash, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [seq, e.at, e.actorType, e.actorId, e.actorRole, e.action, e.target, e.summary, e.requestId, null, canonical, prev, hash],
      );
      prev = hash;
    }
    await pool.query(`UPDATE ledger_head SET seq = 10, hash = $1 WHERE id = 1`, [prev]);
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

async function verifyRows(c: pg.PoolClient): Promise<TVerifyResult> {
  const head = (await c.query<{ seq: string; hash: string }>(`SELECT seq, hash FROM ledger_head WHERE id = 1`)).rows[0]!;
  const verifier = createVerifier({ seq: Number(head.seq), hash: head.hash });
  const { rows } = await c.query(
    `SELECT seq::int AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
            actor_type AS "actorType", actor_id AS "actorId", actor_role AS "actorRole", action, target, summary,
            request_id AS "requestId", payload_hash AS "payloadHash", canonical, prev_hash AS "prevHash", hash
       FROM ledger_entries ORDER BY seq`,
  );
  for (const row of rows) if (!verifier.push(row)) break;
  return verifier.result();
}
