import "server-only";
import { db, prisma } from "../db";
import pg from "pg";
import {
  canonicalParts,
  createVerifier,
  type TLedgerInput,
  type TVerifyResult,
} from "../domain/ledger/chain";
import { env } from "../env";
import { databaseUnavailable, isConnectionError } from "../errors";
import type { SqlClient } from "../db/sql-client";
import { currentTransaction, type Tx } from "./tx";

// Summaries are short by design (the spec's "short before/after summary"); longer text is cut.
const SUMMARY_MAX = 500;

// Lone UTF-16 surrogates cannot be stored as UTF-8: the driver would store U+FFFD while the canonical
// text escaped the surrogate, and the entry would read as edited. Replace them before either is written.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (v: string) => v.replace(LONE_SURROGATE, "\uFFFD");
const orNull = (v: string | null) => (v === null ? null : wellFormed(v));

/** The entry as it will be stored: well-formed text, the summary cut to SUMMARY_MAX. */
function stored(input: TLedgerInput): TLedgerInput {
  return {
    actorType: input.actorType,
    actorId: orNull(input.actorId),
    actorRole: orNull(input.actorRole),
    action: wellFormed(input.action),
    target: orNull(input.target),
    // Cutting may split a surrogate pair; wellFormed runs after the cut.
    summary: wellFormed(input.summary.slice(0, SUMMARY_MAX)),
    requestId: orNull(input.requestId),
    payloadHash: orNull(input.payloadHash),
    via: input.via ? { tokenId: wellFormed(input.via.tokenId), createdBy: orNull(input.via.createdBy) } : null,
  };
}

/**
 * Records one entry in the caller's transaction; it is chained when that transaction commits. The row
 * goes to `ledger_pending` without any lock; a deferred trigger (migration 20261121045000) locks the
 * `ledger_head` row inside COMMIT, assigns seq and time, hashes and inserts the entry. So concurrent
 * appends still queue behind one head lock and the chain never forks, but the lock is held for the
 * commit alone, never across a round trip to this process; and the entry commits or rolls back with
 * the change it records (also inside a savepoint that is rolled back).
 */
export async function appendLedger(tx: Tx, input: TLedgerInput): Promise<void> {
  const e = stored(input);
  const p = canonicalParts(e);
  await tx.$executeRaw`
    INSERT INTO ledger_pending (actor_type, actor_id, actor_role, action, target, summary, request_id, payload_hash,
                                via_token_id, via_token_created_by, before_at, before_seq, after_seq)
    VALUES (${e.actorType}, ${e.actorId}, ${e.actorRole}, ${e.action}, ${e.target}, ${e.summary}, ${e.requestId}, ${e.payloadHash},
            ${e.via?.tokenId ?? null}, ${e.via?.createdBy ?? null}, ${p.beforeAt}, ${p.beforeSeq}, ${p.afterSeq})`;
}

/**
 * Records an event that changes nothing else (sign-in, denial): one autocommitted statement that
 * chains the entry directly (head lock for that statement and its commit only). Inside a request
 * transaction (`withRequestTransaction`) the entry joins it instead, and commits with it.
 */
export async function recordLedger(input: TLedgerInput): Promise<void> {
  const tx = currentTransaction();
  if (tx) return appendLedger(tx, input);
  const e = stored(input);
  const p = canonicalParts(e);
  try {
    await db().sql.query(`SELECT entry_seq FROM ledger_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
      e.actorType,
      e.actorId,
      e.actorRole,
      e.action,
      e.target,
      e.summary,
      e.requestId,
      e.payloadHash,
      e.via?.tokenId ?? null,
      e.via?.createdBy ?? null,
      p.beforeAt,
      p.beforeSeq,
      p.afterSeq,
    ]);
  } catch (error) {
    throw isConnectionError(error) ? databaseUnavailable(error) : error;
  }
}

// Rows per query; the database reads the next batches while this process hashes the current one.
const VERIFY_BATCH = 50_000;

// The columns are compared with the canonical text here, by the database, on its own CPU: the same
// text canonicalParts writes (JSON strings as JSON.stringify writes them; PostgreSQL's to_json escapes
// UTF-8 text identically: `"` `\\` and control characters, nothing else). What this process receives is
// seq, that verdict and the three chain columns; it recomputes every hash itself (node:crypto).
const VERIFY_SQL = `
  SELECT e.seq::text AS seq,
         (e.canonical = '{"action":' || to_json(e.action)::text
           || ',"actorId":' || coalesce(to_json(e.actor_id)::text, 'null')
           || ',"actorRole":' || coalesce(to_json(e.actor_role)::text, 'null')
           || ',"actorType":' || to_json(e.actor_type)::text
           || ',"at":"' || to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           || '","payloadHash":' || coalesce(to_json(e.payload_hash)::text, 'null')
           || ',"requestId":' || coalesce(to_json(e.request_id)::text, 'null')
           || ',"seq":' || e.seq::text
           || ',"summary":' || to_json(e.summary)::text
           || ',"target":' || coalesce(to_json(e.target)::text, 'null')
           -- "via" only when the entry has one (canonicalParts); either column set counts, so
           -- filling in a creator on an entry without a token reads as edited too.
           || CASE WHEN e.via_token_id IS NULL AND e.via_token_created_by IS NULL THEN ''
                   ELSE ',"via":{"createdBy":' || coalesce(to_json(e.via_token_created_by)::text, 'null')
                        || ',"tokenId":' || coalesce(to_json(e.via_token_id)::text, 'null') || '}' END
           || '}') IS TRUE AS columns_match,
         e.canonical, e.prev_hash, e.hash
    FROM ledger_entries e WHERE e.seq > $1 AND e.seq <= $2 ORDER BY e.seq`;

/** Runs a query and returns its rows as arrays of the wire text ("t"/"f" for booleans). */
export type TArrayQuery = (text: string, values: unknown[]) => Promise<(string | null)[][]>;

/** A `TArrayQuery` on a pg connection: no Date, BigInt or object per row, just the text. */
export function pgArrayQuery(client: pg.ClientBase): TArrayQuery {
  const types = { getTypeParser: () => (value: string) => value };
  return async (text, values) =>
    (await client.query<(string | null)[]>({ text, values, rowMode: "array", types })).rows;
}

/** A `TArrayQuery` on either engine's SqlClient (PGlite, or a transaction of a test). */
export function sqlArrayQuery(sql: Pick<SqlClient, "query">): TArrayQuery {
  return async (text, values) =>
    (await sql.query<Record<string, string | boolean | null>>(text, values)).map((r) =>
      Object.values(r).map((v) => (typeof v === "boolean" ? (v ? "t" : "f") : v)),
    );
}

/**
 * Walks the ledger in seq order up to the head read at the start (entries appended meanwhile are
 * left for the next run, so a live server never reads as "truncated") and names the first bad entry.
 */
export async function verifyLedger(): Promise<TVerifyResult> {
  const { sql, engine } = db();
  const url = env().DATABASE_URL;
  try {
    if (engine !== "postgresql" || !url) return await verifyLedgerWith([sqlArrayQuery(sql)]);
    // Connections of its own returning plain text rows; two, so the database reads and checks two
    // batches at once (on a second CPU) while this process hashes.
    const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    try {
      await Promise.all(clients.map((c) => c.connect()));
      return await verifyLedgerWith([pgArrayQuery(clients[0]!), pgArrayQuery(clients[1]!)]);
    } finally {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    }
  } catch (error) {
    throw isConnectionError(error) ? databaseUnavailable(error) : error;
  }
}

/**
 * `verifyLedger` over the given connections (tests pass one inside a transaction that tampers, then
 * rolls back). Batch i goes to connection i mod n; as many batches are in flight as connections.
 * Each connection may see a later snapshot than the head read first: harmless, the head is moved in
 * the transaction that inserts its entry, so every entry up to it is committed and never changes.
 */
export async function verifyLedgerWith(
  queries: readonly [TArrayQuery, ...TArrayQuery[]],
  batch = VERIFY_BATCH,
): Promise<TVerifyResult> {
  // The head and the first row past it (only a write around ledger_append puts one there) in one
  // snapshot, so an append committing meanwhile is never mistaken for one.
  const [head] = await queries[0](
    `SELECT h.seq::text, h.hash, (SELECT min(e.seq) FROM ledger_entries e WHERE e.seq > h.seq)::text
       FROM ledger_head h WHERE h.id = 1`,
    [],
  );
  const headSeq = Number(head?.[0] ?? 0);
  const firstBeyondHead = head?.[2] == null ? null : Number(head[2]);
  const verifier = createVerifier(head ? { seq: headSeq, hash: head[1]!, firstBeyondHead } : undefined);
  const batches = Math.ceil(headSeq / batch);
  const fetch = (i: number) => queries[i % queries.length]!(VERIFY_SQL, [i * batch, Math.min((i + 1) * batch, headSeq)]);
  const inFlight = Array.from({ length: Math.min(queries.length, batches) }, (_, i) => fetch(i));
  try {
    for (let i = 0; i < batches; i++) {
      const rows = await inFlight.shift()!;
      if (i + queries.length < batches) inFlight.push(fetch(i + queries.length));
      for (const r of rows) {
        if (!verifier.pushLinked(Number(r[0]), r[1] === "t", r[2]!, r[3]!, r[4]!)) return verifier.result();
      }
    }
    return verifier.result();
  } finally {
    await Promise.all(inFlight.map((p) => p.catch(() => undefined)));
  }
}

/**
 * Whether the connected role could switch the ledger's guards off: a superuser (session_replication_role,
 * any trigger) or a member of the role owning `ledger_entries` (ALTER TABLE … DISABLE TRIGGER). True
 * on PGlite, whose one role is a superuser; production PostgreSQL should say false (scripts/db-role.ts).
 */
export async function ledgerGuardsBypassable(
  sql: Pick<SqlClient, "query"> = db().sql,
): Promise<{ superuser: boolean; owner: boolean }> {
  const [row] = await sql.query<{ superuser: boolean; owner: boolean }>(
    `SELECT r.rolsuper AS superuser, pg_has_role(current_user, c.relowner, 'MEMBER') AS owner
       FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'ledger_entries'::regclass`,
  );
  return { superuser: row?.superuser ?? false, owner: row?.owner ?? false };
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
  viaTokenId: string | null;
  viaTokenCreatedBy: string | null;
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
  viaTokenId: true,
  viaTokenCreatedBy: true,
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
