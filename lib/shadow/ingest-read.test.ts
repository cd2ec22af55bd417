import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { heartbeatRow, heuristicRow, shadowRow } from "./scan/test-fixtures";
import { EMPTY_CURSOR, readLogChunk, type TFileCursor, type TLogChunk, type TLogKind } from "./ingest-read";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ingest-read-"));
  file = join(dir, "log.jsonl");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (org: string, minute: number, template = "none") => shadowRow({ org, minute, template });

/** Every chunk until nothing more, as the ingester does; returns the chunks and the final cursor. */
function readAll(cursor: TFileCursor, kind: TLogKind = "shadow", maxBytes?: number) {
  const chunks: TLogChunk[] = [];
  for (;;) {
    const chunk = readLogChunk(file, kind, cursor, maxBytes);
    chunks.push(chunk);
    cursor = chunk.cursor;
    if (!chunk.more) return { chunks, cursor, orgs: chunks.flatMap((c) => c.rows.org), last: chunk };
  }
}

describe("readLogChunk", () => {
  it("reports a missing file, and a reset when something had been read from it", () => {
    expect(readLogChunk(file, "shadow", EMPTY_CURSOR)).toMatchObject({ missing: true, reset: false });
    writeFileSync(file, `${row("a", 0)}\n`);
    const { cursor } = readAll(EMPTY_CURSOR);
    rmSync(file);
    expect(readLogChunk(file, "shadow", cursor)).toMatchObject({ missing: true, reset: true, cursor: EMPTY_CURSOR });
  });

  it("reads nothing from an empty file and stays at offset 0", () => {
    writeFileSync(file, "");
    const chunk = readLogChunk(file, "shadow", EMPTY_CURSOR);
    expect(chunk).toMatchObject({ missing: false, reset: false, more: false, pendingBytes: 0, blank: 0 });
    expect(chunk.cursor).toMatchObject({ offset: 0, lines: 0, headBytes: 0 });
    expect(chunk.rows.org).toEqual([]);
    expect(readLogChunk(file, "shadow", chunk.cursor).reset).toBe(false);
  });

  it("reads only what was appended since the last read", () => {
    writeFileSync(file, `${row("a", 0)}\n${row("b", 0)}\n`);
    const first = readAll(EMPTY_CURSOR);
    expect(first.orgs).toEqual(["a", "b"]);
    expect(readAll(first.cursor).orgs).toEqual([]);
    appendFileSync(file, `${row("c", 30)}\n`);
    const second = readAll(first.cursor);
    expect(second.orgs).toEqual(["c"]);
    expect(second.chunks[0]!.rows.line).toEqual([3]);
    expect(second.chunks[0]!.rows.offset).toEqual([first.cursor.offset]);
    expect(second.last.reset).toBe(false);
  });

  it("skips a partial last line until its newline arrives, then reads it exactly once", () => {
    const line = row("b", 0);
    writeFileSync(file, `${row("a", 0)}\n${line.slice(0, 40)}`);
    const first = readAll(EMPTY_CURSOR);
    expect(first.orgs).toEqual(["a"]);
    expect(first.last.pendingBytes).toBe(40);
    expect(first.last.malformed).toEqual([]); // not malformed: it is still being written
    const again = readAll(first.cursor);
    expect(again.orgs).toEqual([]);
    expect(again.cursor).toEqual(first.cursor);
    appendFileSync(file, `${line.slice(40)}\n`);
    const done = readAll(first.cursor);
    expect(done.orgs).toEqual(["b"]);
    expect(done.chunks[0]!.rows.line).toEqual([2]);
    expect(done.last.pendingBytes).toBe(0);
    expect(readAll(done.cursor).orgs).toEqual([]);
  });

  it("counts malformed lines with their number, reason and first characters, between good ones", () => {
    const long = `{"x":"${"y".repeat(3000)}`;
    writeFileSync(file, `${row("a", 0)}\n{not json\n\n${long}\n{"timestamp":"nope"}\n${row("b", 0)}\n`);
    const { last, orgs } = readAll(EMPTY_CURSOR);
    expect(orgs).toEqual(["a", "b"]);
    expect(last.blank).toBe(1);
    expect(last.malformed.map((m) => m.line)).toEqual([2, 4, 5]);
    expect(last.malformed[0]).toMatchObject({ sample: "{not json", offset: row("a", 0).length + 1 });
    expect(last.malformed[0]!.reason).toMatch(/^not JSON/);
    expect(last.malformed[1]!.sample).toHaveLength(500);
    expect(last.malformed[2]!.reason).toMatch(/^timestamp/);
    expect(last.cursor.lines).toBe(6);
  });

  it("reads a file again from the start when it was truncated", () => {
    writeFileSync(file, `${row("a", 0)}\n${row("b", 0)}\n`);
    const { cursor } = readAll(EMPTY_CURSOR);
    truncateSync(file, 0);
    appendFileSync(file, `${row("c", 0)}\n`);
    const after = readAll(cursor);
    expect(after.chunks[0]!.reset).toBe(true);
    expect(after.orgs).toEqual(["c"]);
    expect(after.chunks[0]!.rows.line).toEqual([1]);
    expect(after.cursor.lines).toBe(1);
  });

  it("reads a replaced file (another inode) again from the start, even when it is longer", () => {
    writeFileSync(file, `${row("a", 0)}\n`);
    const { cursor } = readAll(EMPTY_CURSOR);
    const other = join(dir, "other.jsonl");
    writeFileSync(other, `${row("x", 0)}\n${row("y", 0)}\n${row("z", 0)}\n`);
    renameSync(other, file);
    const after = readAll(cursor);
    expect(after.chunks[0]!.reset).toBe(true);
    expect(after.orgs).toEqual(["x", "y", "z"]);
  });

  it("notices a file rewritten in place (same inode, different first bytes)", () => {
    writeFileSync(file, `${row("a", 0)}\n`);
    const { cursor } = readAll(EMPTY_CURSOR);
    writeFileSync(file, `${row("q", 0)}\n${row("r", 0)}\n`); // truncates and rewrites the same inode
    const after = readAll(cursor);
    expect(after.chunks[0]!.reset).toBe(true);
    expect(after.orgs).toEqual(["q", "r"]);
  });

  it("reads in bounded chunks with the same result as one read", () => {
    const lines = Array.from({ length: 40 }, (_, i) => row(`o${i}`, i));
    lines.splice(7, 0, "{bad");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const whole = readAll(EMPTY_CURSOR);
    const chunked = readAll(EMPTY_CURSOR, "shadow", 1000);
    expect(chunked.chunks.length).toBeGreaterThan(5);
    expect(chunked.orgs).toEqual(whole.orgs);
    expect(chunked.chunks.flatMap((c) => c.rows.line)).toEqual(whole.chunks.flatMap((c) => c.rows.line));
    expect(chunked.chunks.flatMap((c) => c.malformed.map((m) => m.line))).toEqual([8]);
    expect(chunked.cursor).toEqual(whole.cursor);
  });

  it("reads a line longer than one chunk whole", () => {
    writeFileSync(file, `${row("a", 0)}\n${row("b", 0)}\n`);
    const { orgs, chunks } = readAll(EMPTY_CURSOR, "shadow", 16);
    expect(orgs).toEqual(["a", "b"]);
    expect(chunks.every((c) => c.malformed.length === 0)).toBe(true);
  });

  it("counts heartbeats apart from decisions", () => {
    writeFileSync(file, `${heartbeatRow(0)}\n${row("a", 10)}\n${heartbeatRow(30)}\n`);
    const { last, orgs } = readAll(EMPTY_CURSOR);
    expect(orgs).toEqual(["a"]);
    expect(last.heartbeats.count).toBe(2);
    expect(last.heartbeats.last! - last.heartbeats.first!).toBe(30 * 60_000);
  });

  it("reads heuristic rows with their line numbers, offsets and the self-replay counts", () => {
    const first = heuristicRow({ org: "a", minute: 0, template: "none", days: 3, flags: { content_uploaded: true } });
    const wrong = heuristicRow({ org: "b", minute: 0, template: "none", days: 1, flags: { screen_paired: false } });
    writeFileSync(file, `${first}\n{oops\n${wrong}\n`);
    const { last } = readAll(EMPTY_CURSOR, "heuristic");
    expect(last.rows.org).toEqual(["a", "b"]);
    expect(last.rows.line).toEqual([1, 3]);
    expect(last.rows.offset).toEqual([0, first.length + 7]);
    expect(last.rows.template).toEqual(["none", "none"]);
    expect(last.malformed.map((m) => m.line)).toEqual([2]);
    expect(last).toMatchObject({ replayed: 2, replayMismatches: 1 });
  });
});
