import { readSync } from "node:fs";
import { HeuristicLogReader, ShadowLogReader, type TRowChecks } from "./scan/log-readers";
import type { TLineStats } from "./scan/line-reader";
import type { OrgInterner } from "../domain/shadow/store";

/**
 * A log file read in parts ("units") by several threads at once. A unit is a byte range whose edges
 * are moved to line starts by one rule every thread applies alike (the first line starting at or after
 * the nominal edge), so units tile the file and no line is read twice or lost. Each unit yields compact
 * rows numbered from its own first line; read.ts stitches them back in file order.
 */

export const SHADOW = 0;
export const HEURISTIC = 1;
export type TKind = typeof SHADOW | typeof HEURISTIC;

export type TUnit = { kind: TKind; index: number; from: number; to: number; last: boolean };

/**
 * Splits each file into units of about `unitBytes`, the last eighth of each into units a quarter that
 * size, and lists the large units first: threads claim in list order, so the run ends on small units
 * and no thread waits long for another's last one. `index` is a unit's place in its file.
 */
export function planUnits(sizes: readonly [number, number], unitBytes: number): TUnit[] {
  const large: TUnit[] = [];
  const small: TUnit[] = [];
  for (const kind of [SHADOW, HEURISTIC] as const) {
    const size = sizes[kind];
    const tail = Math.floor(size / 8);
    const edges = cut(0, size - tail, unitBytes);
    if (tail > 0) edges.push(...cut(size - tail, size, unitBytes / 4).slice(1));
    for (let i = 0; i + 1 < edges.length; i++) {
      const unit = { kind, index: i, from: edges[i]!, to: edges[i + 1]!, last: i + 2 === edges.length };
      (edges[i]! < size - tail ? large : small).push(unit);
    }
  }
  return [...large, ...small];
}

// Edges from `from` to `to` in about equal steps of at most `step` bytes (at least one piece).
function cut(from: number, to: number, step: number): number[] {
  const count = Math.max(1, Math.ceil((to - from) / step));
  return Array.from({ length: count + 1 }, (_, i) => from + Math.floor(((to - from) * i) / count));
}

const PROBE_BYTES = 64 << 10;

/** The first line start at or after `at` (0 stays 0; `size` when no line starts there). */
export function lineStart(
  fd: number,
  at: number,
  size: number,
  probe: Uint8Array = new Uint8Array(PROBE_BYTES),
): number {
  if (at <= 0) return 0;
  // A line starts at `at` exactly when the byte before it is a newline.
  for (let pos = at - 1; pos < size;) {
    const n = readSync(fd, probe, 0, Math.min(probe.length, size - pos), pos);
    if (n <= 0) break;
    const nl = probe.subarray(0, n).indexOf(10);
    if (nl >= 0) return pos + nl + 1;
    pos += n;
  }
  return size;
}

export type TShadowUnitResult = {
  kind: typeof SHADOW;
  index: number;
  rows: {
    length: number;
    org: Int32Array;
    ts: Float64Array;
    template: Uint8Array;
    tier: Uint8Array;
    days: Int16Array;
    bits: Uint8Array;
    line: Int32Array;
    offset: Float64Array;
  };
  stats: TLineStats;
  heartbeats: { count: number; first: number; last: number };
};

export type THeuristicUnitResult = {
  kind: typeof HEURISTIC;
  index: number;
  rows: { length: number; org: Int32Array; ts: Float64Array; template: Uint8Array };
  stats: TLineStats;
  replayed: number;
  replayMismatches: number;
};

export type TUnitResult = TShadowUnitResult | THeuristicUnitResult;

// Average line sizes are ~400–550 bytes; a first guess that rarely needs to grow.
const BYTES_PER_ROW_GUESS = 350;

/** Reads one unit of an open file with a thread's interner and read buffer. */
export function readUnit(
  fd: number,
  unit: TUnit,
  size: number,
  ctx: { interner: OrgInterner; buffer: Uint8Array; probe: Uint8Array; checks: TRowChecks },
): TUnitResult {
  const start = lineStart(fd, unit.from, size, ctx.probe);
  const end = unit.last ? size : lineStart(fd, unit.to, size, ctx.probe);
  const options = {
    checks: ctx.checks,
    interner: ctx.interner,
    buffer: ctx.buffer,
    startOffset: start,
    capacity: Math.max(1024, Math.ceil((end - start) / BYTES_PER_ROW_GUESS)),
  };
  const reader = unit.kind === SHADOW ? new ShadowLogReader(options) : new HeuristicLogReader(options);
  for (let pos = start; pos < end;) {
    const { buffer, offset, length } = reader.space();
    const n = readSync(fd, buffer, offset, Math.min(length, end - pos), pos);
    if (n <= 0) break; // the file shrank under us: read what was there
    pos += n;
    reader.wrote(n);
  }
  reader.end();
  if (reader instanceof ShadowLogReader) {
    return {
      kind: SHADOW,
      index: unit.index,
      rows: reader.rows,
      stats: reader.stats(),
      heartbeats: { count: reader.heartbeats, first: reader.firstHeartbeat, last: reader.lastHeartbeat },
    };
  }
  return {
    kind: HEURISTIC,
    index: unit.index,
    rows: reader.rows,
    stats: reader.stats(),
    replayed: reader.replayed,
    replayMismatches: reader.replayMismatches,
  };
}

/** The buffers a unit result can hand to another thread without copying. */
export function transferables(result: TUnitResult): ArrayBuffer[] {
  return Object.values(result.rows)
    .filter((v): v is Int32Array => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);
}
