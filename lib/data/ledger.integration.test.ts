import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { TLedgerInput } from "../domain/ledger/chain";
import { appendLedger, ledgerHashAt, recordLedger, verifyLedger } from "./ledger";
import { withRequestTransaction, withTransaction } from "./tx";

const input = (summary: string): TLedgerInput => ({
  actorType: "system",
  actorId: "test",
  actorRole: null,
  action: "test.append",
  target: "test:ledger",
  summary,
  requestId: null,
  payloadHash: null,
});

const verifyAll = verifyLedger;

describe(`ledger on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("appends entries that verify, Arabic text included", async () => {
    await recordLedger(input("first"));
    await recordLedger(input("تسجيل دخول"));
    expect(await verifyAll()).toMatchObject({ ok: true });
  });

  it("rolls the entry back with the transaction it belongs to", async () => {
    const before = await db().prisma.ledgerEntry.count();
    await expect(
      withTransaction(async (tx) => {
        await appendLedger(tx, input("doomed"));
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await db().prisma.ledgerEntry.count()).toBe(before);
    expect(await verifyAll()).toMatchObject({ ok: true });
  });

  it("serialises concurrent appends so the chain never forks", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => recordLedger(input(`concurrent ${i}`))));
    expect(await verifyAll()).toMatchObject({ ok: true });
  });

  it("keeps checkpoints: the hash at a verified head stays findable", async () => {
    const result = await verifyLedger();
    if (!result.ok) throw new Error("ledger should verify");
    await recordLedger(input("after checkpoint"));
    expect(await ledgerHashAt(result.headSeq)).toBe(result.headHash);
  });

  it("chains awkward text in the database exactly as the verifier rebuilds it", async () => {
    const awkward = ['"quoted"', "back\\slash", "ctrl\u0001\n\t\u001f", "عربي مع إيموجي 🙂", "\u2028\u2029", "", "x".repeat(600), "lone \ud800 and \udc00", `${"y".repeat(499)}🙂 split`];
    for (const text of awkward) {
      await recordLedger({ ...input(text), actorId: text, target: text || null, requestId: text });
      await withTransaction((tx) => appendLedger(tx, { ...input(text), actorRole: text, payloadHash: text }));
    }
    expect(await verifyAll()).toMatchObject({ ok: true });
    const [last] = await db().sql.query<{ summary: string }>(`SELECT summary FROM ledger_entries ORDER BY seq DESC LIMIT 1`);
    expect(last?.summary).toHaveLength(500);
  });

  it("chains several entries of one transaction in the order they were recorded, at commit", async () => {
    const before = await verifyLedger();
    await withTransaction(async (tx) => {
      for (const n of ["one", "two", "three"]) await appendLedger(tx, input(`in order ${n}`));
      // Not chained yet: the head moves only in COMMIT.
      const [head] = await tx.$queryRaw<{ seq: bigint }[]>`SELECT seq FROM ledger_head WHERE id = 1`;
      if (before.ok) expect(Number(head!.seq)).toBe(before.headSeq);
    });
    const rows = await db().sql.query<{ summary: string }>(`SELECT summary FROM ledger_entries ORDER BY seq DESC LIMIT 3`);
    expect(rows.map((r) => r.summary)).toEqual(["in order three", "in order two", "in order one"]);
    expect(await db().sql.query(`SELECT 1 FROM ledger_pending`)).toHaveLength(0);
    expect(await verifyAll()).toMatchObject({ ok: true });
  });

  it("drops the entries of a rolled-back savepoint and keeps the rest of the request", async () => {
    const count = () => db().prisma.ledgerEntry.count({ where: { action: "test.append", summary: { startsWith: "request " } } });
    const before = await count();
    await withRequestTransaction(async (tx) => {
      await appendLedger(tx, input("request kept"));
      await expect(
        withTransaction(async (inner) => {
          await appendLedger(inner, input("request doomed"));
          throw new Error("inner change failed");
        }),
      ).rejects.toThrow("inner change failed");
      await recordLedger(input("request joined"));
    });
    expect(await count()).toBe(before + 2);
    await expect(
      withRequestTransaction(async () => {
        await recordLedger(input("request rolled back"));
        throw new Error("request failed");
      }),
    ).rejects.toThrow("request failed");
    expect(await count()).toBe(before + 2);
    expect(await verifyAll()).toMatchObject({ ok: true });
  });

  it("refuses UPDATE, DELETE and TRUNCATE on ledger rows", async () => {
    await recordLedger(input("protected"));
    await expect(db().sql.exec(`UPDATE ledger_entries SET summary = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().sql.exec(`DELETE FROM ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(db().sql.exec(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
  });
});
