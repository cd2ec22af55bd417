import "server-only";
import { mkdir, open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { prepareLogRow, type TLogRowError, type TShadowLogName } from "../domain/shadow/log-row";
import { shadowLogDir } from "./paths";

export type TAppendResult =
  | { ok: true; value: { written: true; line_count: number; timestamp: string; run_id: string } }
  | { ok: false; error: TLogRowError };

// Per process and per file: how many newlines the first `size` bytes hold (same inode), so each append
// counts only the bytes added since (ours and any other writer's) instead of re-reading the file.
type TCount = { ino: number; size: number; lines: number };
const holder = globalThis as typeof globalThis & {
  __shadowLogCounts?: Map<string, TCount>;
  __shadowLogQueues?: Map<string, Promise<unknown>>;
};
const counts = (holder.__shadowLogCounts ??= new Map());
const queues = (holder.__shadowLogQueues ??= new Map());

const NEWLINE = 0x0a;
const CHUNK = 1 << 20;
// A single write of ≤ 4 KB takes microseconds; an unterminated last line this old is left by a crash.
const STALE_PARTIAL_MS = 2_000;

/** The file of an allowlisted log; only names that passed `checkLogName` reach here. */
export const shadowLogFile = (name: TShadowLogName) => join(shadowLogDir(), `${name}.jsonl`);

/**
 * Validates and appends one row to `<SHADOW_LOG_DIR>/<log_name>.jsonl` as ONE write on a file opened
 * O_APPEND: concurrent writers (threads or processes) never interleave and a line is never cut. If a
 * crash left a partial last line (untouched for 2 s), it is closed with a newline first (in the same
 * write) so this row stays intact and the reader counts that one line as malformed. Returns the values written and the
 * file's line count after the append; invalid input is returned, never thrown.
 */
export async function appendShadowRow(input: { logName: unknown; fields: unknown; now: Date }): Promise<TAppendResult> {
  const prepared = prepareLogRow(input.logName, input.fields, input.now);
  if (!prepared.ok) return prepared;
  const { line, timestamp, run_id, logName } = prepared.value;
  const file = shadowLogFile(logName);
  const lineCount = await serialized(file, () => appendLine(file, line));
  return { ok: true, value: { written: true, line_count: lineCount, timestamp, run_id } };
}

// In-process order only keeps the count cache consistent; atomicity comes from O_APPEND.
function serialized<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const next = (queues.get(file) ?? Promise.resolve()).then(fn, fn);
  const settled = next.catch(() => undefined);
  queues.set(file, settled);
  void settled.then(() => queues.get(file) === settled && queues.delete(file));
  return next;
}

async function appendLine(file: string, line: string): Promise<number> {
  await mkdir(join(file, ".."), { recursive: true });
  const fh = await open(file, "a+");
  try {
    const before = await fh.stat();
    // A last byte other than a newline is either another writer's line in flight (its write updated
    // mtime when it began) or a crash remnant, which has not been touched for a while.
    const stale = Date.now() - before.mtimeMs > STALE_PARTIAL_MS;
    const partial = stale && before.size > 0 && (await lastByte(fh, before.size)) !== NEWLINE;
    const bytes = Buffer.from(partial ? `\n${line}` : line, "utf8");
    const { bytesWritten } = await fh.write(bytes, 0, bytes.length, null);
    if (bytesWritten !== bytes.length) throw new Error(`short write to ${file}: ${bytesWritten}/${bytes.length}`);
    return await countLines(fh, file);
  } finally {
    await fh.close();
  }
}

async function lastByte(fh: FileHandle, size: number): Promise<number> {
  const b = Buffer.alloc(1);
  await fh.read(b, 0, 1, size - 1);
  return b[0]!;
}

/** Newlines in the file now: the cached prefix plus whatever was appended since (by anyone). */
async function countLines(fh: FileHandle, file: string): Promise<number> {
  const { ino, size } = await fh.stat();
  let known = counts.get(file);
  if (!known || known.ino !== ino || known.size > size) known = { ino, size: 0, lines: 0 };
  let lines = known.lines;
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(1, size - known.size)));
  for (let pos = known.size; pos < size;) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) break;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === NEWLINE) lines++;
    pos += bytesRead;
  }
  counts.set(file, { ino, size, lines });
  return lines;
}
