import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { TLedgerInput } from "../domain/ledger/chain";
import { appendLedger, ledgerHashAt, recordLedger, verifyLedger } from "./ledger";
import { withTransaction } from "./tx";

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

  it("refuses UPDATE, DELETE and TRUNCATE on ledger rows", async () => {
    await recordLedger(input("protected"));
    await expect(db().sql.exec(`UPDATE ledger_entries SET summary = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().sql.exec(`DELETE FROM ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(db().sql.exec(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
  });
});
