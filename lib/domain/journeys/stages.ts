import { calendarDaysBetween } from "../time/days";

/**
 * Journey stages (spec "Stages"): four lifecycle stages in a fixed order, each with a time window in
 * days since contract start and exit criteria. Renewal is an overlay and Advocacy a flag, not stages
 * an account moves through.
 */

export const STAGES = ["onboarding", "adoption", "growth", "maturity"] as const;
export type TStage = (typeof STAGES)[number];

// Spec table: Onboarding 0–90, Adoption 90–180, Growth 180–365, Maturity 365+. A window is
// [start, end): day 90 already belongs to Adoption's window, so an Onboarding account on day 90 is late.
export const STAGE_WINDOWS: Record<TStage, { start: number; end: number | null }> = {
  onboarding: { start: 0, end: 90 },
  adoption: { start: 90, end: 180 },
  growth: { start: 180, end: 365 },
  maturity: { start: 365, end: null },
};

export const CRITERIA = [
  "went_live",
  "adoption_started",
  "daily_use",
  "multiple_use_cases",
  "reference_customer",
  "contract_renewed",
  "active_promoter",
] as const;
export type TCriterion = (typeof CRITERIA)[number];

/** What must hold to leave each stage (spec "exit criteria"); Maturity's is what makes a reference. */
export const EXIT_CRITERIA: Record<TStage, readonly TCriterion[]> = {
  onboarding: ["went_live", "adoption_started"],
  adoption: ["daily_use"],
  growth: ["multiple_use_cases"],
  maturity: ["reference_customer"],
};

// Spec: "Renewal: 90 days before contract end → end".
export const RENEWAL_WINDOW_DAYS = 90;

/** Whole days from `from` to `to` on the UTC calendar (dates or instants); negative when `to` is earlier. */
export const daysBetween = calendarDaysBetween;

export const nextStage = (s: TStage): TStage | null => STAGES[STAGES.indexOf(s) + 1] ?? null;
export const stageIndex = (s: TStage): number => STAGES.indexOf(s);
export const isStage = (v: unknown): v is TStage => typeof v === "string" && (STAGES as readonly string[]).includes(v);
export const isCriterion = (v: unknown): v is TCriterion =>
  typeof v === "string" && (CRITERIA as readonly string[]).includes(v);

/** The stage's expected duration in days (Maturity has no end; a year is its review horizon). */
export function expectedDuration(stage: TStage): number {
  const w = STAGE_WINDOWS[stage];
  return w.end === null ? 365 : w.end - w.start;
}

/** Behind schedule: the stage's window has passed (day ≥ its end) and the account is still in it. */
export function isBehindSchedule(stage: TStage, daysSinceStart: number): boolean {
  const end = STAGE_WINDOWS[stage].end;
  return end !== null && daysSinceStart >= end;
}

/** Days past the stage's window end (0 while inside it or in Maturity). */
export function daysBehind(stage: TStage, daysSinceStart: number): number {
  const end = STAGE_WINDOWS[stage].end;
  return end === null ? 0 : Math.max(0, daysSinceStart - end);
}

export type TCriterionState = { criterion: TCriterion; metAt: Date; by: string };
