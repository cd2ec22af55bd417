import { MAX_MALFORMED_LINES, type TLineStats } from "./scan/line-reader";
import type { THeuristicLog, TShadowLog } from "../domain/shadow/report";
import { HeuristicRows, ShadowRows } from "../domain/shadow/store";
import type { THeuristicUnitResult, TShadowUnitResult } from "./units";

/**
 * Stitches the units of one log back together in file order: rows concatenated, line numbers shifted
 * by the lines of the units before, malformed lines and counts summed. Org numbers must already be in
 * one numbering (read.ts remaps workers' numbers as their results arrive).
 */

const MAX_REASONS = 20;

function mergeStats(units: { stats: TLineStats }[]): { stats: TLineStats; lineBase: number[] } {
  const stats: TLineStats = {
    lines: 0,
    blank: 0,
    malformed: 0,
    malformedLines: [],
    malformedReasons: [],
    partialLastLine: false,
  };
  const lineBase: number[] = [];
  for (const { stats: s } of units) {
    const base = stats.lines;
    lineBase.push(base);
    stats.lines += s.lines;
    stats.blank += s.blank;
    stats.malformed += s.malformed;
    for (const line of s.malformedLines) {
      if (stats.malformedLines.length < MAX_MALFORMED_LINES) stats.malformedLines.push(base + line);
    }
    for (const r of s.malformedReasons) {
      if (stats.malformedReasons.length < MAX_REASONS) stats.malformedReasons.push({ ...r, line: base + r.line });
    }
    stats.partialLastLine = s.partialLastLine; // only the file's last unit can end without a newline
  }
  return { stats, lineBase };
}

export function mergeShadow(units: TShadowUnitResult[], orgNames: readonly string[]): TShadowLog {
  const { stats, lineBase } = mergeStats(units);
  const rows = new ShadowRows(units.reduce((n, u) => n + u.rows.length, 0));
  let at = 0;
  let count = 0;
  let first = Infinity;
  let last = -Infinity;
  units.forEach((u, k) => {
    const r = u.rows;
    const n = r.length;
    rows.org.set(r.org.subarray(0, n), at);
    rows.ts.set(r.ts.subarray(0, n), at);
    rows.template.set(r.template.subarray(0, n), at);
    rows.tier.set(r.tier.subarray(0, n), at);
    rows.days.set(r.days.subarray(0, n), at);
    rows.bits.set(r.bits.subarray(0, n), at);
    rows.offset.set(r.offset.subarray(0, n), at);
    const base = lineBase[k]!;
    for (let i = 0; i < n; i++) rows.line[at + i] = r.line[i]! + base;
    at += n;
    count += u.heartbeats.count;
    first = Math.min(first, u.heartbeats.first);
    last = Math.max(last, u.heartbeats.last);
  });
  rows.length = at;
  return { rows, orgNames, stats, heartbeats: { count, first: count ? first : null, last: count ? last : null } };
}

export function mergeHeuristic(units: THeuristicUnitResult[], orgNames: readonly string[]): THeuristicLog {
  const { stats } = mergeStats(units);
  const rows = new HeuristicRows(units.reduce((n, u) => n + u.rows.length, 0));
  let at = 0;
  let replayed = 0;
  let replayMismatches = 0;
  for (const u of units) {
    const n = u.rows.length;
    rows.org.set(u.rows.org.subarray(0, n), at);
    rows.ts.set(u.rows.ts.subarray(0, n), at);
    rows.template.set(u.rows.template.subarray(0, n), at);
    at += n;
    replayed += u.replayed;
    replayMismatches += u.replayMismatches;
  }
  rows.length = at;
  return { rows, orgNames, stats, replayed, replayMismatches };
}
