/**
 * Portfolio metrics and their targets (spec "Portfolio metrics (targets)"). The values are counted in
 * SQL (lib/data/journeys-portfolio.ts); this module owns what "meets the target" means.
 */

export const METRICS = ["progression_rate", "time_to_value", "engagement", "completion", "drop_off"] as const;
export type TMetric = (typeof METRICS)[number];

// Spec targets: progression > 75 %, time to value < 90 days, engagement > 40 %, completion > 60 %,
// drop-off < 15 %. `unit` says how to format the value.
export const METRIC_TARGETS: Record<TMetric, { target: number; better: "higher" | "lower"; unit: "percent" | "days" }> =
  {
    progression_rate: { target: 75, better: "higher", unit: "percent" },
    time_to_value: { target: 90, better: "lower", unit: "days" },
    engagement: { target: 40, better: "higher", unit: "percent" },
    completion: { target: 60, better: "higher", unit: "percent" },
    drop_off: { target: 15, better: "lower", unit: "percent" },
  };

/** Strictly beyond the target in the better direction (the spec's ">" and "<"); null value → null. */
export function meetsTarget(metric: TMetric, value: number | null): boolean | null {
  if (value === null) return null;
  const t = METRIC_TARGETS[metric];
  return t.better === "higher" ? value > t.target : value < t.target;
}

/** A percentage of `part` in `whole` with one decimal; null when there is nothing to measure. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

/** Whether a change from `before` to `now` is an improvement for this metric (null when either is missing or equal). */
export function improved(metric: TMetric, now: number | null, before: number | null): boolean | null {
  if (now === null || before === null || now === before) return null;
  return METRIC_TARGETS[metric].better === "higher" ? now > before : now < before;
}
