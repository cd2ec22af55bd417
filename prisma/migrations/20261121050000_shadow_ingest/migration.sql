-- Incremental ingestion of the shadow and heuristic JSONL logs (spec "Agent tools": the console
-- ingests them for the agreement report; a partial last line is skipped until complete, then read once).

-- One row per log file: where the last complete line ended and which file that offset belongs to.
-- `file_id` (device:inode) and `head_hash` (sha256 of the first `head_bytes` bytes, complete lines only)
-- tell a replaced or truncated file from the one already read; then everything is read again.
CREATE TABLE "shadow_log_cursors" (
  "log_name" TEXT NOT NULL PRIMARY KEY,
  "kind" TEXT NOT NULL CHECK ("kind" IN ('shadow', 'heuristic')),
  "file_id" TEXT,
  "head_hash" TEXT,
  "head_bytes" INTEGER NOT NULL DEFAULT 0,
  "byte_offset" BIGINT NOT NULL DEFAULT 0,
  "lines" INTEGER NOT NULL DEFAULT 0,
  "blank_lines" INTEGER NOT NULL DEFAULT 0,
  "malformed" INTEGER NOT NULL DEFAULT 0,
  "decisions" INTEGER NOT NULL DEFAULT 0,
  "heartbeats" INTEGER NOT NULL DEFAULT 0,
  "first_heartbeat_ms" DOUBLE PRECISION,
  "last_heartbeat_ms" DOUBLE PRECISION,
  "replayed" INTEGER NOT NULL DEFAULT 0,
  "replay_mismatches" INTEGER NOT NULL DEFAULT 0,
  -- Bytes after the last complete line (a line still being written, or left by a crash).
  "pending_bytes" BIGINT NOT NULL DEFAULT 0,
  -- Bumped each time the file is found replaced or truncated and read again from the start.
  "generation" INTEGER NOT NULL DEFAULT 0,
  "ingested_at" TIMESTAMPTZ(3)
);

-- One decision row per complete, valid line (heartbeats are counted on the cursor). Values are the
-- report's: template/tier names from the spec's lists, `days` -1 when missing, `bits` = codes.ts bits.
CREATE TABLE "shadow_log_rows" (
  "log_name" TEXT NOT NULL REFERENCES "shadow_log_cursors"("log_name") ON DELETE CASCADE,
  "line" INTEGER NOT NULL,
  "byte_offset" BIGINT NOT NULL,
  "organization_id" TEXT NOT NULL,
  "ts_ms" DOUBLE PRECISION NOT NULL,
  "template" TEXT NOT NULL,
  "tier" TEXT NOT NULL,
  "days" SMALLINT NOT NULL,
  "bits" SMALLINT NOT NULL,
  PRIMARY KEY ("log_name", "line")
);
-- No secondary index: rows are read whole, in line order (the primary key), and every index would
-- slow the ingest of a large log for nothing.

-- Malformed lines: counted on the cursor, and kept here (up to 10 000 per file) with the reason and
-- the start of the line, so nothing bad is silently lost.
CREATE TABLE "shadow_log_malformed" (
  "log_name" TEXT NOT NULL REFERENCES "shadow_log_cursors"("log_name") ON DELETE CASCADE,
  "line" INTEGER NOT NULL,
  "byte_offset" BIGINT NOT NULL,
  "reason" TEXT NOT NULL,
  "sample" TEXT NOT NULL,
  PRIMARY KEY ("log_name", "line")
);
