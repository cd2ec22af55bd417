import "server-only";
import { prisma } from "../db";
import { canonicalEntry, chainHash, createVerifier, type TLedgerInput, type TVerifyResult } from "../domain/ledger/chain";
import { withTransaction, type Tx } from "./tx";

/**
 * Appends one entry inside the caller's transaction. The single `ledger_head` row is locked first, so
 * concurrent appends queue behind each other and the chain never forks; the entry commits or rolls
 * back with the change it records.
 */
export async function appendLedger(tx: Tx, input: TLedgerInput): Promise<{ seq: number; hash: string }> {
  const [head] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT seq, hash FROM ledger_head WHERE id = 1 FOR UPDATE`;
  if (!head) throw new Error("ledger_head row missing: run the migrations");
  const seq = Number(head.seq) + 1;
  // Millisecond precision matches timestamptz(3), so the stored time re-canonicalises identically.
  const at = new Date(Math.floor(Date.now())).toISOString();
  const summary = input.summary.slice(0, 500);
  const canonical = canonicalEntry({ ...input, summary, seq, at });
  const hash = chainHash(head.hash, canonical);
  await tx.ledgerEntry.create({
    data: { ...input, summary, seq: BigInt(seq), at: new Date(at), canonical, prevHash: head.hash, hash },
  });
  await tx.ledgerHead.update({ where: { id: 1 }, data: { seq: BigInt(seq), hash } });
  return { seq, hash };
}

/** Records an event that changes nothing else (sign-in, denial) in its own transaction. */
export function recordLedger(input: TLedgerInput): Promise<{ seq: number; hash: string }> {
  return withTransaction((tx) => appendLedger(tx, input));
}

const VERIFY_BATCH = 5000;

/** Walks the whole ledger in seq order, in batches (constant memory), against the recorded head. */
export async function verifyLedger(): Promise<TVerifyResult> {
  const head = await prisma().ledgerHead.findUnique({ where: { id: 1 } });
  const verifier = createVerifier(head ? { seq: Number(head.seq), hash: head.hash } : undefined);
  let after = BigInt(0);
  for (;;) {
    const rows = await prisma().ledgerEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: VERIFY_BATCH });
    for (const r of rows) {
      const entry = { ...r, seq: Number(r.seq), at: r.at.toISOString(), actorType: r.actorType as TLedgerInput["actorType"] };
      if (!verifier.push(entry)) return verifier.result();
    }
    if (rows.length < VERIFY_BATCH) return verifier.result();
    after = rows[rows.length - 1]!.seq;
  }
}

/** The hash stored at `seq`, to check a saved checkpoint still belongs to this ledger. */
export async function ledgerHashAt(seq: number): Promise<string | null> {
  const row = await prisma().ledgerEntry.findUnique({ where: { seq: BigInt(seq) }, select: { hash: true } });
  return row?.hash ?? null;
}
