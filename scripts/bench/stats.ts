// Pure statistics for the benchmark report: no I/O, so the numbers the report prints are unit-tested.

/**
 * The p-th percentile (0..100) of `values` by the nearest-rank method: the smallest value such that
 * at least p % of the values are less than or equal to it. Always one of the measured values (no
 * interpolation), so "p95 = 140 ms" means 95 % of the requests really took 140 ms or less.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentile of an empty list");
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`percentile must be 0..100, got ${p}`);
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError("percentile of a non-finite value");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export type TSummary = { n: number; p50: number; p95: number; max: number; mean: number };

export function summarize(values: readonly number[]): TSummary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: percentile(values, 100),
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
  };
}

/** Groups samples by a key, keeping first-seen order of the keys (stable report rows). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
