/** SLA health verdicts (spec "SLA health report"). */
export const VERDICTS = ["healthy", "watch", "critical"] as const;
export type TVerdict = (typeof VERDICTS)[number];

// Spec thresholds on the breach rate rounded to 3 decimals.
export const WATCH_FROM = 0.1;
export const CRITICAL_FROM = 0.25;

export const HEALTH_PERIODS = ["7d", "30d", "quarter"] as const;
export type THealthPeriod = (typeof HEALTH_PERIODS)[number];
// A quarter is read as the last 90 days, so the three windows nest and move with `now`.
export const PERIOD_DAYS: Record<THealthPeriod, number> = { "7d": 7, "30d": 30, quarter: 90 };

/** breaches / count rounded to 3 decimals; null when there are no tickets (no rate, no verdict). */
export function breachRate(breaches: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((breaches / count) * 1000) / 1000;
}

/** healthy < 0.10 ≤ watch < 0.25 ≤ critical, on the rounded rate; null without tickets. */
export function verdictOf(rate: number | null): TVerdict | null {
  if (rate === null) return null;
  if (rate < WATCH_FROM) return "healthy";
  if (rate < CRITICAL_FROM) return "watch";
  return "critical";
}

/** Share of tickets that met both targets, 0…1; null without tickets. */
export const metShare = (breaches: number, count: number): number | null =>
  count <= 0 ? null : (count - breaches) / count;

export type THealthRow = {
  key: string;
  label: string;
  count: number;
  breaches: number;
  rate: number | null;
  met: number | null;
  verdict: TVerdict | null;
  firstResponseMeanMs: number | null;
  firstResponseP90Ms: number | null;
  resolutionMeanMs: number | null;
  resolutionP90Ms: number | null;
};

/** A row from SQL aggregates, with the rate, share met and verdict derived here (one rule). */
export function healthRow(r: Omit<THealthRow, "rate" | "met" | "verdict">): THealthRow {
  const rate = breachRate(r.breaches, r.count);
  return { ...r, rate, met: metShare(r.breaches, r.count), verdict: verdictOf(rate) };
}
