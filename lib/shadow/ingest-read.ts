import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { TEMPLATES, TIERS } from "../domain/shadow/codes";
import { HeuristicLogReader, ShadowLogReader, type TReaderOptions } from "./scan/log-readers";
import { ROW_CHECKS } from "../domain/shadow/schemas";

/**
 * The file side of incremental ingestion: given where the last ingest stopped (a cursor), reads the
 * complete lines appended since, and nothing else. A line without its newline yet (still being
 * written, or left by a crash) is not read and not counted; once its newline arrives it is read,
 * exactly once. A file that is not the one the cursor describes — another inode, shorter than the
 * cursor's offset (truncated), or different first bytes (rewritten in place) — is read again from
 * the start and the result says `reset`, so the caller drops what it ingested from the old file.
 */

export type TLogKind = "shadow" | "heuristic";

/** Where reading stopped: the offset just after the last complete line, and which file that was. */
export type TFileCursor = {
  fileId: string | null;
  headHash: string | null;
  headBytes: number;
  offset: number;
  lines: number;
};

export const EMPTY_CURSOR: TFileCursor = { fileId: null, headHash: null, headBytes: 0, offset: 0, lines: 0 };

/** Decision rows as columns (ready for one `unnest` insert); `line` numbers count from the file's start. */
export type TChunkRows = {
  line: number[];
  offset: number[];
  org: string[];
  ts: number[];
  template: string[];
  tier: string[];
  days: number[];
  bits: number[];
};

export type TMalformedLine = { line: number; offset: number; reason: string; sample: string };

export type TLogChunk = {
  /** The file does not exist (or is not a regular file). */
  missing: boolean;
  /** The cursor described another file: everything ingested from it is to be dropped. */
  reset: boolean;
  cursor: TFileCursor;
  /** Bytes after the last complete line, waiting for their newline. */
  pendingBytes: number;
  /** More complete lines remain after this chunk. */
  more: boolean;
  rows: TChunkRows;
  blank: number;
  malformed: TMalformedLine[];
  heartbeats: { count: number; first: number | null; last: number | null };
  replayed: number;
  replayMismatches: number;
};

// The first bytes that identify a file (with its inode): enough to tell one log from another.
export const HEAD_BYTES = 4096;
// One chunk's worth of input per call (a transaction's worth for the caller); a longer line is read whole.
export const DEFAULT_CHUNK_BYTES = 8 << 20;
// Characters of a malformed line kept as its sample.
export const SAMPLE_CHARS = 500;
const NEWLINE = 0x0a;

type TCapture = { lines: number[]; offsets: number[]; rejected: { line: number; reason: string }[] };

// The log readers, also noting each row's line and offset (the heuristic rows keep neither) and every
// rejected line (the readers keep only the first reasons).
class ShadowIngestReader extends ShadowLogReader {
  readonly capture: TCapture = { lines: [], offsets: [], rejected: [] };
  protected override reject(line: number, reason: string): void {
    this.capture.rejected.push({ line, reason });
    super.reject(line, reason);
  }
}

class HeuristicIngestReader extends HeuristicLogReader {
  readonly capture: TCapture = { lines: [], offsets: [], rejected: [] };
  // `line` and `offset` are optional only because the base class's signature leaves them out.
  protected override fastLine(b: Uint8Array, start: number, line = 0, offset = 0): number {
    const end = super.fastLine(b, start);
    if (end >= 0) this.note(line, offset);
    return end;
  }
  protected override slowLine(value: unknown, line: number, offset = 0): void {
    const before = this.rows.length;
    super.slowLine(value, line);
    if (this.rows.length > before) this.note(line, offset);
  }
  protected override reject(line: number, reason: string): void {
    this.capture.rejected.push({ line, reason });
    super.reject(line, reason);
  }
  private note(line: number, offset: number): void {
    this.capture.lines.push(line);
    this.capture.offsets.push(offset);
  }
}

function hashHead(fd: number, bytes: number): string {
  const buffer = Buffer.alloc(bytes);
  const n = bytes ? readSync(fd, buffer, 0, bytes, 0) : 0;
  return createHash("sha256").update(buffer.subarray(0, n)).digest("hex");
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

// The file the cursor describes, still there: same inode, not shorter, same first bytes.
const isSameFile = (fd: number, fileId: string, size: number, cursor: TFileCursor) =>
  cursor.fileId === fileId && size >= cursor.offset && hashHead(fd, cursor.headBytes) === cursor.headHash;

/**
 * Whether there is anything to ingest, without reading it: `changed` is false when the file is the
 * cursor's and has exactly `pendingBytes` after the cursor's offset (or is still missing).
 */
export function logChanged(path: string, cursor: TFileCursor, pendingBytes: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return cursor.fileId !== null;
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return cursor.fileId !== null;
    const fileId = `${stat.dev}:${stat.ino}`;
    return !isSameFile(fd, fileId, stat.size, cursor) || stat.size - cursor.offset !== pendingBytes;
  } finally {
    closeSync(fd);
  }
}

const emptyRows = (): TChunkRows => ({
  line: [],
  offset: [],
  org: [],
  ts: [],
  template: [],
  tier: [],
  days: [],
  bits: [],
});

function missingChunk(cursor: TFileCursor): TLogChunk {
  return {
    missing: true,
    reset: cursor.fileId !== null,
    cursor: EMPTY_CURSOR,
    pendingBytes: 0,
    more: false,
    rows: emptyRows(),
    blank: 0,
    malformed: [],
    heartbeats: { count: 0, first: null, last: null },
    replayed: 0,
    replayMismatches: 0,
  };
}

/**
 * Reads the complete lines after `cursor` (at most about `maxBytes` of them; `more` says whether
 * others follow). Never throws for bad content: malformed lines come back with their line number,
 * reason and first characters. Throws only when the file exists but cannot be read.
 */
export function readLogChunk(
  path: string,
  kind: TLogKind,
  cursor: TFileCursor,
  maxBytes = DEFAULT_CHUNK_BYTES,
): TLogChunk {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return missingChunk(cursor);
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return missingChunk(cursor);
    const fileId = `${stat.dev}:${stat.ino}`;
    const size = stat.size;
    const same = isSameFile(fd, fileId, size, cursor);
    const reset = cursor.fileId !== null && !same;
    const start = same ? cursor.offset : 0;
    const lineBase = same ? cursor.lines : 0;

    // The complete lines in [start, size): up to maxBytes, or further when one line is longer.
    let length = Math.min(size - start, maxBytes);
    let data = readAt(fd, start, length);
    let last = data.lastIndexOf(NEWLINE);
    while (last < 0 && start + length < size) {
      length = Math.min(size - start, Math.max(length * 2, 64 << 10));
      data = readAt(fd, start, length);
      last = data.lastIndexOf(NEWLINE);
    }
    const complete = data.subarray(0, last + 1);
    const end = start + complete.length;

    const options: TReaderOptions = {
      checks: ROW_CHECKS,
      startOffset: start,
      bufferBytes: Math.max(64 << 10, Math.min(complete.length + 1, DEFAULT_CHUNK_BYTES)),
    };
    const reader = kind === "shadow" ? new ShadowIngestReader(options) : new HeuristicIngestReader(options);
    reader.push(complete); // whole lines only: nothing is left over, so there is no `end()` to call

    const headBytes = Math.min(end, HEAD_BYTES);
    const headHash = same && headBytes === cursor.headBytes ? cursor.headHash : hashHead(fd, headBytes);
    return {
      missing: false,
      reset,
      cursor: { fileId, headHash, headBytes, offset: end, lines: lineBase + reader.lines },
      pendingBytes: size - end,
      more: last >= 0 && start + data.length < size,
      rows: rowsOf(reader, lineBase),
      blank: reader.blank,
      malformed: malformedOf(reader.capture.rejected, complete, start, lineBase),
      heartbeats:
        reader instanceof ShadowIngestReader && reader.heartbeats > 0
          ? { count: reader.heartbeats, first: reader.firstHeartbeat, last: reader.lastHeartbeat }
          : { count: 0, first: null, last: null },
      replayed: reader instanceof HeuristicIngestReader ? reader.replayed : 0,
      replayMismatches: reader instanceof HeuristicIngestReader ? reader.replayMismatches : 0,
    };
  } finally {
    closeSync(fd);
  }
}

function rowsOf(reader: ShadowIngestReader | HeuristicIngestReader, lineBase: number): TChunkRows {
  const out = emptyRows();
  const names = reader.interner.names;
  const r = reader.rows;
  for (let i = 0; i < r.length; i++) {
    out.org.push(names[r.org[i]!]!);
    out.ts.push(r.ts[i]!);
    out.template.push(TEMPLATES[r.template[i]!]!);
  }
  if (reader instanceof ShadowIngestReader) {
    const s = reader.rows;
    for (let i = 0; i < s.length; i++) {
      out.line.push(lineBase + s.line[i]!);
      out.offset.push(s.offset[i]!);
      out.tier.push(TIERS[s.tier[i]!]!);
      out.days.push(s.days[i]!);
      out.bits.push(s.bits[i]!);
    }
  } else {
    for (let i = 0; i < r.length; i++) {
      out.line.push(lineBase + reader.capture.lines[i]!);
      out.offset.push(reader.capture.offsets[i]!);
      out.tier.push("free"); // the report reads no tier from the heuristic log
      out.days.push(-1);
      out.bits.push(0);
    }
  }
  return out;
}

const decoder = new TextDecoder();

// Finds each rejected line's bytes in `complete` (line numbers ascending, counted from 1 there).
function malformedOf(
  rejected: readonly { line: number; reason: string }[],
  complete: Uint8Array,
  start: number,
  lineBase: number,
): TMalformedLine[] {
  const out: TMalformedLine[] = [];
  let line = 1;
  let at = 0;
  for (const r of rejected) {
    while (line < r.line) {
      at = complete.indexOf(NEWLINE, at) + 1;
      line++;
    }
    const nl = complete.indexOf(NEWLINE, at);
    const bytes = complete.subarray(at, nl < 0 ? complete.length : Math.min(nl, at + SAMPLE_CHARS * 4));
    out.push({
      line: lineBase + r.line,
      offset: start + at,
      reason: r.reason,
      sample: decoder.decode(bytes).slice(0, SAMPLE_CHARS),
    });
  }
  return out;
}
