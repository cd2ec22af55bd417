import "server-only";
import { db, prisma } from "../db";
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
  // One statement for the row and the head: fewer round trips while the head lock is held.
  await tx.$executeRaw`
    WITH entry AS (
      INSERT INTO ledger_entries (seq, at, actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash, canonical, prev_hash, hash)
      VALUES (${seq}, ${new Date(at)}, ${input.actorType}, ${input.actorId}, ${input.actorRole}, ${input.action}, ${input.target}, ${summary},
              ${input.requestId}, ${input.payloadHash}, ${canonical}, ${head.hash}, ${hash}))
    UPDATE ledger_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`;
  return { seq, hash };
}

/** Records an event that changes nothing else (sign-in, denial) in its own transaction. */
export function recordLedger(input: TLedgerInput): Promise<{ seq: number; hash: string }> {
  return withTransaction((tx) => appendLedger(tx, input));
}

const VERIFY_BATCH = 10_000;

type TRawEntry = {
  seq: string;
  at: Date;
  actor_type: TLedgerInput["actorType"];
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  summary: string;
  request_id: string | null;
  payload_hash: string | null;
  canonical: string;
  prev_hash: string;
  hash: string;
};

/**
 * Walks the ledger in seq order up to the head read at the start (entries appended meanwhile are
 * left for the next run, so a live server never reads as "truncated"), in batches of plain rows
 * (the raw driver, not Prisma: verification is bound by row decoding and hashing).
 */
export async function verifyLedger(): Promise<TVerifyResult> {
  const { sql } = db();
  const [head] = await sql.query<{ seq: string; hash: string }>(`SELECT seq::text AS seq, hash FROM ledger_head WHERE id = 1`);
  const headSeq = Number(head?.seq ?? 0);
  const verifier = createVerifier(head ? { seq: headSeq, hash: head.hash } : undefined);
  for (let after = 0; ; ) {
    const rows = await sql.query<TRawEntry>(
      `SELECT seq::text AS seq, at, actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash, canonical, prev_hash, hash
       FROM ledger_entries WHERE seq > $1 AND seq <= $2 ORDER BY ledger_entries.seq LIMIT ${VERIFY_BATCH}`,
      [after, headSeq],
    );
    for (const r of rows) {
      const ok = verifier.push({
        seq: Number(r.seq),
        at: new Date(r.at).toISOString(),
        actorType: r.actor_type,
        actorId: r.actor_id,
        actorRole: r.actor_role,
        action: r.action,
        target: r.target,
        summary: r.summary,
        requestId: r.request_id,
        payloadHash: r.payload_hash,
        canonical: r.canonical,
        prevHash: r.prev_hash,
        hash: r.hash,
      });
      if (!ok) return verifier.result();
    }
    if (rows.length < VERIFY_BATCH) return verifier.result();
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/** The hash stored at `seq`, to check a saved checkpoint still belongs to this ledger. */
export async function ledgerHashAt(seq: number): Promise<string | null> {
  const row = await prisma().ledgerEntry.findUnique({ where: { seq: BigInt(seq) }, select: { hash: true } });
  return row?.hash ?? null;
}

export type TLedgerFilters = { actor?: string; action?: string; target?: string; from?: Date; to?: Date; before?: number };
export type TLedgerRow = {
  seq: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  target: string | null;
  summary: string;
  requestId: string | null;
  payloadHash: string | null;
  hash: string;
  prevHash: string;
};

function ledgerWhere(f: TLedgerFilters) {
  return {
    ...(f.actor ? { actorId: f.actor } : {}),
    // "proposals" matches every proposals.* action; a full name matches exactly.
    ...(f.action ? (f.action.includes(".") ? { action: f.action } : { action: { startsWith: `${f.action}.` } }) : {}),
    ...(f.target ? { target: f.target } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    ...(f.before ? { seq: { lt: BigInt(f.before) } } : {}),
  };
}

const toRow = (r: Omit<TLedgerRow, "seq"> & { seq: bigint }): TLedgerRow => ({ ...r, seq: Number(r.seq) });
const ROW_SELECT = {
  seq: true,
  at: true,
  actorType: true,
  actorId: true,
  actorRole: true,
  action: true,
  target: true,
  summary: true,
  requestId: true,
  payloadHash: true,
  hash: true,
  prevHash: true,
} as const;

/** Newest first; `before` is the seq cursor of the next page. */
export async function listLedger(f: TLedgerFilters, limit = 100): Promise<{ rows: TLedgerRow[]; next: number | null }> {
  const rows = await prisma().ledgerEntry.findMany({ where: ledgerWhere(f), orderBy: { seq: "desc" }, take: limit + 1, select: ROW_SELECT });
  const page = rows.slice(0, limit).map(toRow);
  return { rows: page, next: rows.length > limit ? (page.at(-1)?.seq ?? null) : null };
}

/** Streams matching entries oldest first in batches (for CSV export of any size). */
export async function* iterateLedger(f: Omit<TLedgerFilters, "before">, batch = 2000): AsyncGenerator<TLedgerRow> {
  let after = BigInt(0);
  for (;;) {
    const rows = await prisma().ledgerEntry.findMany({
      where: { ...ledgerWhere(f), seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: batch,
      select: ROW_SELECT,
    });
    for (const r of rows) yield toRow(r);
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.seq;
  }
}
