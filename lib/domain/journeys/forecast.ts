import { missingCriteria } from "./engine";
import type { TFactor, THealth } from "./health";
import { daysBehind, nextStage, STAGE_WINDOWS, type TCriterion, type TStage } from "./stages";

/**
 * Stage-progression forecast and recommendations for the journey report. The forecast is a rule, not a
 * model: the blockers are the missing exit criteria (plus an open escalation), the expected date is the
 * window end (or "now" once every criterion is met), and confidence falls with each blocker, lateness
 * and low health.
 */

export type TConfidence = "high" | "medium" | "low";
export type TForecast = {
  next: TStage | null;
  /** Day (since contract start) the move is expected by; null in Maturity. */
  expectedByDay: number | null;
  confidence: TConfidence;
  blockers: ({ type: "criterion"; criterion: TCriterion } | { type: "escalation" })[];
};

export function forecastProgression(i: {
  stage: TStage;
  daysSinceStart: number;
  met: ReadonlyMap<TCriterion, unknown>;
  escalationOpen: boolean;
  health: number;
}): TForecast {
  const next = nextStage(i.stage);
  const missing = missingCriteria(i.stage, i.met);
  const blockers: TForecast["blockers"] = [
    ...missing.map((criterion) => ({ type: "criterion" as const, criterion })),
    ...(i.escalationOpen ? [{ type: "escalation" as const }] : []),
  ];
  const end = STAGE_WINDOWS[i.stage].end;
  const late = daysBehind(i.stage, i.daysSinceStart) > 0;
  // Each blocker, lateness and health under 60 cost one level; two or more → low.
  const penalties = blockers.length + (late ? 1 : 0) + (i.health < 60 ? 1 : 0);
  const confidence: TConfidence = penalties === 0 ? "high" : penalties === 1 ? "medium" : "low";
  return {
    next,
    expectedByDay: next === null || end === null ? null : Math.max(end, i.daysSinceStart),
    confidence,
    blockers,
  };
}

export const RECOMMENDATIONS = [
  "resolve_escalation",
  "review_held_touchpoints",
  "complete_criterion",
  "catch_up_schedule",
  "re_engage",
  "plan_renewal",
  "ask_for_reference",
] as const;
export type TRecommendation = { code: (typeof RECOMMENDATIONS)[number]; criterion?: TCriterion };

/** What the CSM should do next, most urgent first; at most five. */
export function recommend(i: {
  stage: TStage;
  met: ReadonlyMap<TCriterion, unknown>;
  escalationOpen: boolean;
  heldCount: number;
  behindSchedule: boolean;
  renewal: boolean;
  advocacy: boolean;
  health: THealth;
}): TRecommendation[] {
  const out: TRecommendation[] = [];
  if (i.escalationOpen) out.push({ code: "resolve_escalation" });
  if (i.heldCount > 0) out.push({ code: "review_held_touchpoints" });
  if (i.renewal) out.push({ code: "plan_renewal" });
  if (i.behindSchedule) out.push({ code: "catch_up_schedule" });
  for (const c of missingCriteria(i.stage, i.met)) out.push({ code: "complete_criterion", criterion: c });
  const weakest: TFactor = (Object.keys(i.health.factors) as TFactor[]).reduce((a, b) =>
    i.health.factors[b].score < i.health.factors[a].score ? b : a,
  );
  if (weakest === "engagement" && i.health.factors.engagement.score < 60) out.push({ code: "re_engage" });
  if (!i.advocacy && i.health.score >= 80 && (i.stage === "growth" || i.stage === "maturity"))
    out.push({ code: "ask_for_reference" });
  return out.slice(0, 5);
}
