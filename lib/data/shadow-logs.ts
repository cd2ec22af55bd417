import "server-only";
import { db } from "../db";
import type { SqlClient } from "../db/sql-client";
import { MAX_MALFORMED_LINES } from "../shadow/scan/line-reader";
import type { TSentInput, TSentState } from "../domain/shadow/sent";
import type { TTemplate } from "../domain/shadow/codes";
import { isUuid, UUID_PATTERN } from "../domain/ids";
import { logChanged, readLogChunk, type TFileCursor, type TLogChunk, type TLogKind } from "../shadow/ingest-read";

/**
 * Storage of the ingested shadow and heuristic logs (migration 20261121050000_shadow_ingest). Each
 * ingest step runs in one transaction holding the log's cursor row locked (SELECT … FOR UPDATE), so
 * two ingests at once — two server processes, a CLI tick and a page view — read each line once: the
 * second waits, then starts where the first stopped. Row keys (log, line) with ON CONFLICT DO NOTHING
 * keep a replayed step harmless as well.
 */

type Tx = Omit<SqlClient, "transaction" | "close">;

type TCursorRow = {
  file_id: string | null;
  head_hash: string | null;
  head_bytes: number;
  byte_offset: string | number;
  lines: number;
  malformed: number;
  pending_bytes: string | number;
};

export type TIngestSummary = {
  log_name: string;
  /** Decision rows and malformed lines added by this call (0 and 0: nothing new). */
  rows: number;
  malformed: number;
  /** The file had been replaced or truncated, or is gone: what came from the old one was dropped. */
  reset: boolean;
  missing: boolean;
  pending_bytes: number;
};

const cursorOf = (c: TCursorRow): TFileCursor => ({
  fileId: c.file_id,
  headHash: c.head_hash,
  headBytes: c.head_bytes,
  offset: Number(c.byte_offset),
  lines: c.lines,
});

const CURSOR_COLUMNS = `"file_id", "head_hash", "head_bytes", "byte_offset", "lines", "malformed", "pending_bytes"`;

/**
 * Ingests the complete lines appended to `path` since the last ingest of `logName` (steps of at most
 * `maxBytes`, one transaction each). Cheap when nothing changed: one read of the cursor, a stat and a
 * hash of the file's first 4 KB, no transaction. Malformed lines never throw; an unreadable file does.
 */
export async function ingestLogFile(
  logName: string,
  path: string,
  kind: TLogKind,
  o: { maxBytes?: number } = {},
): Promise<TIngestSummary> {
  const sql = db().sql;
  const summary: TIngestSummary = { log_name: logName, rows: 0, malformed: 0, reset: false, missing: false, pending_bytes: 0 };
  const [known] = await sql.query<TCursorRow>(
    `SELECT ${CURSOR_COLUMNS} FROM "shadow_log_cursors" WHERE "log_name" = $1`,
    [logName],
  );
  if (known && !logChanged(path, cursorOf(known), Number(known.pending_bytes))) {
    return { ...summary, missing: known.file_id === null, pending_bytes: Number(known.pending_bytes) };
  }
  for (;;) {
    const more = await sql.transaction((tx) => ingestStep(tx, logName, path, kind, o.maxBytes, summary));
    if (!more) return summary;
  }
}

async function ingestStep(
  tx: Tx,
  logName: string,
  path: string,
  kind: TLogKind,
  maxBytes: number | undefined,
  summary: TIngestSummary,
): Promise<boolean> {
  await tx.query(`INSERT INTO "shadow_log_cursors" ("log_name", "kind") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    logName,
    kind,
  ]);
  const [locked] = await tx.query<TCursorRow>(
    `SELECT ${CURSOR_COLUMNS} FROM "shadow_log_cursors" WHERE "log_name" = $1 FOR UPDATE`,
    [logName],
  );
  // Read under the lock: a concurrent ingest has either finished (and moved the cursor) or waits.
  const chunk = readLogChunk(path, kind, cursorOf(locked!), maxBytes);
  summary.missing = chunk.missing;
  summary.pending_bytes = chunk.pendingBytes;
  if (chunk.reset) {
    summary.reset = true;
    await tx.query(`DELETE FROM "shadow_log_rows" WHERE "log_name" = $1`, [logName]);
    await tx.query(`DELETE FROM "shadow_log_malformed" WHERE "log_name" = $1`, [logName]);
  }
  const keptMalformed = chunk.reset ? 0 : locked!.malformed;
  summary.rows += await insertRows(tx, logName, chunk);
  summary.malformed += chunk.malformed.length;
  await insertMalformed(tx, logName, chunk, Math.max(0, MAX_MALFORMED_LINES - keptMalformed));
  await updateCursor(tx, logName, chunk);
  return chunk.more;
}

async function insertRows(tx: Tx, logName: string, chunk: TLogChunk): Promise<number> {
  const r = chunk.rows;
  if (r.line.length === 0) return 0;
  const inserted = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO "shadow_log_rows" ("log_name", "line", "byte_offset", "organization_id", "ts_ms", "template", "tier", "days", "bits")
       SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::int2[], $9::int2[])
       ON CONFLICT DO NOTHING RETURNING 1
     ) SELECT count(*)::int AS n FROM ins`,
    [logName, r.line, r.offset, r.org, r.ts, r.template, r.tier, r.days, r.bits],
  );
  return inserted[0]!.n;
}

async function insertMalformed(tx: Tx, logName: string, chunk: TLogChunk, room: number): Promise<void> {
  const kept = chunk.malformed.slice(0, room);
  if (kept.length === 0) return;
  await tx.query(
    `INSERT INTO "shadow_log_malformed" ("log_name", "line", "byte_offset", "reason", "sample")
     SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[])
     ON CONFLICT DO NOTHING`,
    [
      logName,
      kept.map((m) => m.line),
      kept.map((m) => m.offset),
      // PostgreSQL text cannot hold NUL; a sample is for reading, so it is dropped there.
      kept.map((m) => m.reason.replaceAll("\u0000", "")),
      kept.map((m) => m.sample.replaceAll("\u0000", "")),
    ],
  );
}

async function updateCursor(tx: Tx, logName: string, chunk: TLogChunk): Promise<void> {
  const c = chunk.cursor;
  const hb = chunk.heartbeats;
  // A reset (or a vanished file) starts every running total again from this chunk's.
  const keep = chunk.reset || chunk.missing ? "0 *" : "";
  const prior = (column: string) => (chunk.reset || chunk.missing ? "NULL" : `"${column}"`);
  await tx.query(
    `UPDATE "shadow_log_cursors" SET
       "file_id" = $2, "head_hash" = $3, "head_bytes" = $4, "byte_offset" = $5, "lines" = $6,
       "blank_lines" = ${keep} "blank_lines" + $7,
       "malformed" = ${keep} "malformed" + $8,
       "decisions" = ${keep} "decisions" + $9,
       "heartbeats" = ${keep} "heartbeats" + $10,
       "first_heartbeat_ms" = LEAST(${prior("first_heartbeat_ms")}, $11::float8),
       "last_heartbeat_ms" = GREATEST(${prior("last_heartbeat_ms")}, $12::float8),
       "replayed" = ${keep} "replayed" + $13,
       "replay_mismatches" = ${keep} "replay_mismatches" + $14,
       "pending_bytes" = $15,
       "generation" = "generation" + $16,
       "ingested_at" = now()
     WHERE "log_name" = $1`,
    [
      logName,
      c.fileId,
      c.headHash,
      c.headBytes,
      c.offset,
      c.lines,
      chunk.blank,
      chunk.malformed.length,
      chunk.rows.line.length,
      hb.count,
      hb.first,
      hb.last,
      chunk.replayed,
      chunk.replayMismatches,
      chunk.pendingBytes,
      chunk.reset ? 1 : 0,
    ],
  );
}

/**
 * A fingerprint of what is ingested for these logs (each one's generation, offset and line count):
 * equal fingerprints mean equal rows, so a report computed from them can be reused.
 */
export async function ingestedState(logNames: readonly string[]): Promise<string> {
  const rows = await db().sql.query<{ s: string }>(
    `SELECT "log_name" || ':' || coalesce("file_id", '-') || ':' || "generation" || ':' || "byte_offset" || ':' || "lines" AS "s"
       FROM "shadow_log_cursors" WHERE "log_name" = ANY($1::text[]) ORDER BY "log_name"`,
    [logNames],
  );
  return rows.map((r) => r.s).join("|");
}

/** What the report needs of one ingested log; null when it was never ingested or its file is gone. */
export type TIngestedLog = {
  kind: TLogKind;
  lines: number;
  blank: number;
  malformed: number;
  decisions: number;
  heartbeats: number;
  firstHeartbeat: number | null;
  lastHeartbeat: number | null;
  replayed: number;
  replayMismatches: number;
  pendingBytes: number;
  malformedLines: { line: number; reason: string; sample: string }[];
  /** Rows in file order, as columns. */
  rows: { org: string[]; ts: number[]; template: TTemplate[]; tier: string[]; days: number[]; bits: number[]; line: number[]; offset: number[] };
};

type TLogRow = {
  kind: TLogKind;
  file_id: string | null;
  lines: number;
  blank_lines: number;
  malformed: number;
  decisions: number;
  heartbeats: number;
  first_heartbeat_ms: number | null;
  last_heartbeat_ms: number | null;
  replayed: number;
  replay_mismatches: number;
  pending_bytes: string | number;
};

/** Reads one ingested log back: its totals, its malformed lines (first 10 000) and its rows. */
export async function readIngestedLog(logName: string): Promise<TIngestedLog | null> {
  const sql = db().sql;
  const [c] = await sql.query<TLogRow>(`SELECT * FROM "shadow_log_cursors" WHERE "log_name" = $1`, [logName]);
  if (!c || c.file_id === null) return null;
  const [malformed, columns] = await Promise.all([
    sql.query<{ line: number; reason: string; sample: string }>(
      `SELECT "line", "reason", "sample" FROM "shadow_log_malformed" WHERE "log_name" = $1 ORDER BY "line"`,
      [logName],
    ),
    // One row of arrays instead of a row per line: the drivers decode a million rows far slower.
    sql.query<TIngestedLog["rows"]>(
      `SELECT coalesce(array_agg("organization_id" ORDER BY "line"), '{}') AS "org",
              coalesce(array_agg("ts_ms" ORDER BY "line"), '{}') AS "ts",
              coalesce(array_agg("template" ORDER BY "line"), '{}') AS "template",
              coalesce(array_agg("tier" ORDER BY "line"), '{}') AS "tier",
              coalesce(array_agg("days" ORDER BY "line"), '{}') AS "days",
              coalesce(array_agg("bits" ORDER BY "line"), '{}') AS "bits",
              coalesce(array_agg("line" ORDER BY "line"), '{}') AS "line",
              coalesce(array_agg("byte_offset"::float8 ORDER BY "line"), '{}') AS "offset"
         FROM "shadow_log_rows" WHERE "log_name" = $1`,
      [logName],
    ),
  ]);
  return {
    kind: c.kind,
    lines: c.lines,
    blank: c.blank_lines,
    malformed: c.malformed,
    decisions: c.decisions,
    heartbeats: c.heartbeats,
    firstHeartbeat: c.first_heartbeat_ms,
    lastHeartbeat: c.last_heartbeat_ms,
    replayed: c.replayed,
    replayMismatches: c.replay_mismatches,
    pendingBytes: Number(c.pending_bytes),
    malformedLines: malformed,
    rows: columns[0]!,
  };
}

const ms = (column: string) => `(extract(epoch FROM a."${column}") * 1000)::float8`;

type TSentRow = {
  organization_id: string;
  shadow_template: TTemplate;
  known: boolean;
  day1: number | null;
  day3: number | null;
  day7: number | null;
};

const sentInput = (r: TSentRow): TSentInput => ({
  organization_id: r.organization_id,
  shadow_template: r.shadow_template,
  sent: r.known ? { day1: r.day1, day3: r.day3, day7: r.day7 } : null,
});

/**
 * Comparison 2's input for an ingested shadow log: per organization (in order of first appearance)
 * its latest suggested nudge — the latest decision that was not `none`, else `none` — and when each
 * nudge was sent to its account, null for an organization that is not an account here.
 */
export async function ingestedSentInputs(shadowLogName: string): Promise<TSentInput[]> {
  const rows = await db().sql.query<TSentRow>(
    `WITH orgs AS (
       SELECT "organization_id", min("line") AS first_line
         FROM "shadow_log_rows" WHERE "log_name" = $1
        GROUP BY "organization_id"
     ), suggested AS (
       SELECT DISTINCT ON ("organization_id") "organization_id", "template"
         FROM "shadow_log_rows" WHERE "log_name" = $1 AND "template" <> 'none'
        ORDER BY "organization_id", "ts_ms" DESC, "line" DESC
     )
     SELECT o."organization_id", coalesce(s."template", 'none') AS "shadow_template", a."id" IS NOT NULL AS "known",
            ${ms("nudge_day1_sent_at")} AS "day1", ${ms("nudge_day3_sent_at")} AS "day3", ${ms("nudge_day7_sent_at")} AS "day7"
       FROM orgs o
       LEFT JOIN suggested s ON s."organization_id" = o."organization_id"
       LEFT JOIN "accounts" a ON a."id" = CASE WHEN o."organization_id" ~ '${UUID_PATTERN}' THEN o."organization_id"::uuid END
      ORDER BY o.first_line`,
    [shadowLogName],
  );
  return rows.map(sentInput);
}

/** When each nudge went out, for the given organization ids that are accounts here (others are left out). */
export async function sentStates(organizationIds: readonly string[]): Promise<Map<string, TSentState>> {
  const ids = organizationIds.filter((id) => isUuid(id));
  const out = new Map<string, TSentState>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db().sql.query<{ id: string; day1: number | null; day3: number | null; day7: number | null }>(
      `SELECT a."id"::text AS "id", ${ms("nudge_day1_sent_at")} AS "day1", ${ms("nudge_day3_sent_at")} AS "day3",
              ${ms("nudge_day7_sent_at")} AS "day7"
         FROM "accounts" a WHERE a."id" = ANY($1::uuid[])`,
      [ids.slice(i, i + 5000)],
    );
    for (const r of rows) out.set(r.id, { day1: r.day1, day3: r.day3, day7: r.day7 });
  }
  return out;
}
