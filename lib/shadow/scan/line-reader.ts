/**
 * JSONL framing shared by both log readers: bytes in (any chunk sizes, or read straight into the
 * reader's own buffer), complete lines out with their 1-based line number and byte offset. Keeps
 * the malformed-line bookkeeping: count, line numbers (capped), the first few reasons, and a last
 * line without its newline — a write cut short by a crash, which the spec says to skip and count.
 */

import type { TLineStats, TMalformedReason } from "../../domain/shadow/report";

const NEWLINE = 0x0a;
const DEFAULT_BUFFER_BYTES = 8 << 20;
// Shadow lines are ≤ 4096 bytes by spec; anything near this is not a log line and is skipped as malformed.
export const MAX_LINE_BYTES = 16 << 20;
// Enough to find every bad line of a slightly damaged file; a file of garbage does not become a huge report.
export const MAX_MALFORMED_LINES = 10_000;
const MAX_MALFORMED_REASONS = 20;

// The line counts are part of the report (lib/domain/shadow/report.ts), so their type lives there.
export type { TLineStats, TMalformedReason } from "../../domain/shadow/report";

export type TLineReaderOptions = {
  buffer?: Uint8Array;
  bufferBytes?: number;
  startOffset?: number;
  /** Longer lines are skipped as malformed (default MAX_LINE_BYTES). */
  maxLineBytes?: number;
};

const decoder = new TextDecoder();

export abstract class LineReader {
  lines = 0;
  blank = 0;
  malformed = 0;
  readonly malformedLines: number[] = [];
  readonly malformedReasons: TMalformedReason[] = [];
  partialLastLine = false;

  private buf: Uint8Array;
  private filled = 0;
  private base = 0; // byte offset of buf[0] in the whole input
  private skippingLongLine = false;
  private ended = false;
  private readonly maxLineBytes: number;

  /**
   * `buffer` lends a reusable read buffer (its contents are overwritten); `startOffset` is where the
   * input starts in its file, when a file is read in parts (offsets then stay file offsets; line
   * numbers still count from 1 and are shifted by the caller).
   */
  constructor(options: TLineReaderOptions = {}) {
    this.buf = options.buffer ?? new Uint8Array(options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
    this.base = options.startOffset ?? 0;
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  }

  /** Reads one complete line at b[start] (b[end] is its `\n`); returns `end` via the fast path or handles it slowly. */
  protected abstract fastLine(b: Uint8Array, start: number, line: number, offset: number): number;
  protected abstract slowLine(value: unknown, line: number, offset: number): void;

  /** Where to put the next bytes (fill `buffer[offset, offset + length)`, then call `wrote`). */
  space(): { buffer: Uint8Array; offset: number; length: number } {
    return { buffer: this.buf, offset: this.filled, length: this.buf.length - this.filled };
  }

  /** `n` bytes were written at `space().offset`: reads every line they complete. */
  wrote(n: number): void {
    this.filled += n;
    this.drain();
  }

  /** Feeds a chunk of any size (a stream's data event, an uploaded file's bytes). */
  push(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.length;) {
      const { buffer, offset, length } = this.space();
      const n = Math.min(length, chunk.length - at);
      buffer.set(chunk.subarray(at, at + n), offset);
      at += n;
      this.wrote(n);
    }
  }

  /** No more input: a remaining line without `\n` is counted as a partial (malformed) last line. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.skippingLongLine || this.filled === 0) return;
    const tail = this.buf.subarray(0, this.filled);
    if (tail.every((c) => c === 0x20 || c === 0x09 || c === 0x0d)) return;
    this.lines++;
    this.partialLastLine = true;
    this.reject(this.lines, "partial last line (no newline): skipped");
  }

  stats(): TLineStats {
    return {
      lines: this.lines,
      blank: this.blank,
      malformed: this.malformed,
      malformedLines: this.malformedLines,
      malformedReasons: this.malformedReasons,
      partialLastLine: this.partialLastLine,
    };
  }

  protected reject(line: number, reason: string): void {
    this.malformed++;
    if (this.malformedLines.length < MAX_MALFORMED_LINES) this.malformedLines.push(line);
    if (this.malformedReasons.length < MAX_MALFORMED_REASONS) this.malformedReasons.push({ line, reason });
  }

  private drain(): void {
    const b = this.buf;
    let start = 0;
    if (this.skippingLongLine) {
      const nl = b.subarray(0, this.filled).indexOf(NEWLINE);
      if (nl < 0) return this.discard(this.filled);
      this.skippingLongLine = false;
      start = nl + 1;
    }
    const last = b.subarray(0, this.filled).lastIndexOf(NEWLINE);
    if (last < start) return this.keepTail(start);
    // A UTF-8 byte-order mark before the first line is an editor's habit, not part of the JSON.
    if (this.base === 0 && start === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
    this.readLines(b, start, last);
    this.keepTail(last + 1);
  }

  private readLines(b: Uint8Array, start: number, last: number): void {
    let p = start;
    while (p <= last) {
      const line = ++this.lines;
      const offset = this.base + p;
      let end = this.fastLine(b, p, line, offset);
      if (end < 0) {
        end = b.indexOf(NEWLINE, p);
        this.slow(b, p, end, line, offset);
      }
      p = end + 1;
    }
  }

  private slow(b: Uint8Array, start: number, end: number, line: number, offset: number): void {
    const text = decoder.decode(b.subarray(start, end));
    if (text.trim() === "") {
      this.blank++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.reject(line, `not JSON: ${(error as Error).message}`);
      return;
    }
    this.slowLine(value, line, offset);
  }

  // Moves the unfinished line at buf[from, filled) to the front; a line too long for any buffer is dropped.
  private keepTail(from: number): void {
    const rest = this.filled - from;
    if (from === 0 && rest === this.buf.length) {
      if (this.buf.length < this.maxLineBytes) {
        const bigger = new Uint8Array(this.buf.length * 2);
        bigger.set(this.buf);
        this.buf = bigger;
        return;
      }
      this.lines++;
      this.reject(this.lines, `line longer than ${this.maxLineBytes} bytes: skipped`);
      this.skippingLongLine = true;
      return this.discard(rest);
    }
    this.buf.copyWithin(0, from, this.filled);
    this.base += from;
    this.filled = rest;
  }

  private discard(n: number): void {
    this.base += n;
    this.filled -= n;
  }
}
