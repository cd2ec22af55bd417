import { z } from "zod";
import { daysBehind, expectedDuration, STAGE_WINDOWS, type TStage } from "./stages";

/**
 * Journey health 0–100 (spec "Journey health"): four factors, each 0–100, weighted by settings.
 * Each factor carries a note code and values so the page can say in one line why it scored so.
 */

export const FACTORS = ["progression", "engagement", "milestones", "risk"] as const;
export type TFactor = (typeof FACTORS)[number];
export type TWeights = Record<TFactor, number>;

// Spec defaults: progression speed 30%, engagement 30%, milestone completion 25%, risk indicators 15%.
export const DEFAULT_WEIGHTS: TWeights = { progression: 30, engagement: 30, milestones: 25, risk: 15 };

export const ZWeights = z
  .object({
    progression: z.int().min(0).max(100),
    engagement: z.int().min(0).max(100),
    milestones: z.int().min(0).max(100),
    risk: z.int().min(0).max(100),
  })
  .refine((w) => w.progression + w.engagement + w.milestones + w.risk === 100, {
    message: "weights_sum_100",
    path: ["progression"],
  });

// Engagement: product activity within a week counts fully, none for 30 days counts nothing.
export const ACTIVE_WITHIN_DAYS = 7;
export const INACTIVE_AFTER_DAYS = 30;
// Progression inside the window slides from 100 (just entered) to 80 (window ending); lateness then
// costs the remaining 80 points over one more expected duration.
const IN_WINDOW_FLOOR = 80;
// Risk penalties (higher risk → lower score): an open escalation is the strongest signal.
export const RISK_PENALTY = { escalation: 50, behindSchedule: 30, atRiskPerPoint: 0.4 } as const;

export type TFactorScore = { score: number; note: string; values: Record<string, number | string> };

export type THealthInput = {
  stage: TStage;
  daysSinceStart: number;
  daysInStage: number;
  /** Days since the last product activity; null when never active. */
  daysSinceActivity: number | null;
  /** Touchpoints completed and those the customer responded to (last 90 days). */
  touchpointsDone: number;
  touchpointsResponded: number;
  criteriaMet: number;
  criteriaTotal: number;
  /** CSM touchpoints due so far in this stage and those done. */
  tasksDue: number;
  tasksDone: number;
  escalationOpen: boolean;
  behindSchedule: boolean;
  /** 0–100 at-risk score (higher = more risk) when the at-risk model has one for the account. */
  atRiskScore: number | null;
};

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

export function progressionFactor(i: THealthInput): TFactorScore {
  const expected = expectedDuration(i.stage);
  const late = daysBehind(i.stage, i.daysSinceStart);
  if (late > 0)
    return {
      score: clamp(IN_WINDOW_FLOOR - (late / expected) * IN_WINDOW_FLOOR),
      note: "behind",
      values: { days: late },
    };
  const end = STAGE_WINDOWS[i.stage].end;
  if (end === null) return { score: 100, note: "maturity", values: { days: i.daysInStage } };
  const used = Math.min(1, Math.max(0, i.daysSinceStart - STAGE_WINDOWS[i.stage].start) / expected);
  return {
    score: clamp(100 - used * (100 - IN_WINDOW_FLOOR)),
    note: "on_schedule",
    values: { days: Math.max(0, end - i.daysSinceStart) },
  };
}

export function engagementFactor(i: THealthInput): TFactorScore {
  const d = i.daysSinceActivity;
  const activity =
    d === null
      ? 0
      : d <= ACTIVE_WITHIN_DAYS
        ? 100
        : d >= INACTIVE_AFTER_DAYS
          ? 0
          : 100 * (1 - (d - ACTIVE_WITHIN_DAYS) / (INACTIVE_AFTER_DAYS - ACTIVE_WITHIN_DAYS));
  if (i.touchpointsDone === 0)
    return { score: clamp(activity), note: d === null ? "no_activity" : "activity_only", values: { days: d ?? 0 } };
  const rate = (100 * i.touchpointsResponded) / i.touchpointsDone;
  return {
    score: clamp((activity + rate) / 2),
    note: "activity_and_response",
    values: { days: d ?? 0, rate: Math.round(rate) },
  };
}

export function milestonesFactor(i: THealthInput): TFactorScore {
  const expected = i.criteriaTotal + i.tasksDue;
  const done = i.criteriaMet + i.tasksDone;
  if (expected === 0) return { score: 100, note: "none_expected", values: { done: 0, expected: 0 } };
  return { score: clamp((100 * done) / expected), note: "completed_of_expected", values: { done, expected } };
}

export function riskFactor(i: THealthInput): TFactorScore {
  const penalty =
    (i.escalationOpen ? RISK_PENALTY.escalation : 0) +
    (i.behindSchedule ? RISK_PENALTY.behindSchedule : 0) +
    (i.atRiskScore === null ? 0 : i.atRiskScore * RISK_PENALTY.atRiskPerPoint);
  const signals = [
    i.escalationOpen ? "escalation" : null,
    i.behindSchedule ? "behind" : null,
    i.atRiskScore !== null ? "at_risk" : null,
  ].filter(Boolean);
  return {
    score: clamp(100 - penalty),
    note: signals.length === 0 ? (i.atRiskScore === null ? "none_no_score" : "none") : signals.join("+"),
    values: { atRisk: i.atRiskScore ?? "" },
  };
}

export type THealth = { score: number; factors: Record<TFactor, TFactorScore> };

/**
 * Weighted health. Weights must sum to 100 (ZWeights); a factor weighted 0 does not count. Throws on
 * weights that do not sum to 100, so a bad setting cannot silently shrink every score.
 */
export function journeyHealth(i: THealthInput, weights: TWeights = DEFAULT_WEIGHTS): THealth {
  const sum = FACTORS.reduce((s, f) => s + weights[f], 0);
  if (sum !== 100) throw new RangeError(`weights must sum to 100, got ${sum}`);
  const factors = {
    progression: progressionFactor(i),
    engagement: engagementFactor(i),
    milestones: milestonesFactor(i),
    risk: riskFactor(i),
  };
  const score = clamp(FACTORS.reduce((s, f) => s + (factors[f].score * weights[f]) / 100, 0));
  return { score, factors };
}

export type TTrend = "up" | "down" | "flat";
// A move of fewer than 3 points in 30 days is noise on a 0–100 scale.
export const TREND_THRESHOLD = 3;

/** Up/down/flat against the value 30 days ago; null without a value then (no trend is shown, none invented). */
export function trendOf(now: number, before: number | null | undefined): TTrend | null {
  if (before === null || before === undefined) return null;
  const diff = now - before;
  return diff >= TREND_THRESHOLD ? "up" : diff <= -TREND_THRESHOLD ? "down" : "flat";
}
