/**
 * Heuristic rows grouped by organization and sorted by time (CSR layout: the rows of org k are
 * positions start[k] … start[k+1]-1 of `ts` / `template`), so the closest row is a binary search.
 */
export type THeuristicIndex = { start: Int32Array; ts: Float64Array; template: Uint8Array };

/** Heuristic rows as parallel columns (HeuristicRows, or the same arrays sent back by a worker). */
export type THeuristicColumns = { length: number; org: Int32Array; ts: Float64Array; template: Uint8Array };

/**
 * Builds the index in O(n) plus a sort only for organizations whose rows are out of time order (a log
 * is appended in time order, so usually none). Rows with equal timestamps keep their file order.
 * `orgCount` must exceed every org number in `rows`.
 */
export function indexHeuristic(rows: THeuristicColumns, orgCount: number): THeuristicIndex {
  const n = rows.length;
  const start = new Int32Array(orgCount + 1);
  for (let i = 0; i < n; i++) start[rows.org[i]! + 1]!++;
  for (let k = 0; k < orgCount; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, orgCount);
  const ts = new Float64Array(n);
  const template = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const at = next[rows.org[i]!]!++;
    ts[at] = rows.ts[i]!;
    template[at] = rows.template[i]!;
  }
  for (let k = 0; k < orgCount; k++) sortSegment(ts, template, start[k]!, start[k + 1]!);
  return { start, ts, template };
}

function sortSegment(ts: Float64Array, template: Uint8Array, lo: number, hi: number): void {
  let sorted = true;
  for (let i = lo + 1; i < hi && sorted; i++) sorted = ts[i - 1]! <= ts[i]!;
  if (sorted) return;
  // Stable: ties keep file order (the index breaks them), so "the earlier" row stays well defined.
  const order = Array.from({ length: hi - lo }, (_, i) => lo + i).sort((a, b) => ts[a]! - ts[b]! || a - b);
  const t = order.map((i) => ts[i]!);
  const c = order.map((i) => template[i]!);
  ts.set(t, lo);
  template.set(c, lo);
}

/**
 * Position in `index` of the heuristic row of organization `org` closest in time to `at`; on a tie,
 * the earlier one (spec "Agreement"), and among rows at the very same instant, the first logged.
 * -1 when the organization has no heuristic row. `hint` (optional) is a position of that org's rows
 * to search from: a shadow log visits each org in time order, so its next match is usually the
 * previous one or the one after, found in a step or two instead of a binary search.
 */
export function closestRow(index: THeuristicIndex, org: number, at: number, hint = -1): number {
  const lo0 = index.start[org]!;
  const hi0 = index.start[org + 1]!;
  if (lo0 === hi0) return -1;
  const ts = index.ts;
  const lo = hint >= lo0 && hint < hi0 ? firstAtOrAfterNear(ts, lo0, hi0, at, hint) : firstAtOrAfter(ts, lo0, hi0, at);
  if (lo === lo0) return lo;
  let before = lo - 1;
  if (lo < hi0 && ts[lo]! - at < at - ts[before]!) return lo;
  while (before > lo0 && ts[before - 1] === ts[before]) before--;
  return before;
}

// First position in [lo, hi) with ts ≥ at (hi when none).
function firstAtOrAfter(ts: Float64Array, lo: number, hi: number, at: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NEAR_STEPS = 4;

// The same, walking a few steps from `from`; a binary search when the answer is farther away.
function firstAtOrAfterNear(ts: Float64Array, lo: number, hi: number, at: number, from: number): number {
  let p = from;
  if (ts[p]! < at) {
    for (let step = 0; step < NEAR_STEPS; step++) {
      p++;
      if (p === hi || ts[p]! >= at) return p;
    }
    return firstAtOrAfter(ts, p, hi, at);
  }
  for (let step = 0; step < NEAR_STEPS; step++) {
    if (p === lo || ts[p - 1]! < at) return p;
    p--;
  }
  return firstAtOrAfter(ts, lo, p, at);
}
