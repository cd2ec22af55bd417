import {
  EXIT_CRITERIA,
  RENEWAL_WINDOW_DAYS,
  STAGE_WINDOWS,
  daysBetween,
  isBehindSchedule,
  nextStage,
  type TCriterion,
  type TStage,
} from "./stages";

/** Who or what caused a change: a person marking criteria, or the calendar (renewal window). */
export type TJourneyCause =
  | { type: "criteria"; criteria: TCriterion[]; by: string }
  | { type: "criteria_withdrawn"; criteria: TCriterion[]; by: string }
  | { type: "calendar"; rule: "contract_end_within_90_days" | "contract_ended" | "contract_end_moved" };

export type TJourneyChange =
  | { kind: "stage"; from: TStage; to: TStage; at: Date; cause: TJourneyCause }
  | { kind: "renewal"; entered: boolean; at: Date; cause: TJourneyCause }
  | { kind: "advocacy"; gained: boolean; at: Date; cause: TJourneyCause };

export type TJourneyPosition = { stage: TStage; enteredAt: Date; renewal: boolean; advocacy: boolean };

export type TJourneyInput = {
  contractStart: Date;
  contractEnd: Date | null;
  /** The stored position; null on an account's first evaluation (it starts in Onboarding at contract start). */
  current: TJourneyPosition | null;
  /** Criteria currently met, with when and by whom. */
  met: ReadonlyMap<TCriterion, { at: Date; by: string }>;
  now: Date;
};

export type TJourneyEvaluation = TJourneyPosition & {
  daysSinceStart: number;
  daysInStage: number;
  behindSchedule: boolean;
  /** Days to contract end (negative once it passed); null without an end date. */
  daysToEnd: number | null;
  changes: TJourneyChange[];
};

/** The criteria of `stage` still missing. */
export const missingCriteria = (stage: TStage, met: ReadonlyMap<TCriterion, unknown>): TCriterion[] =>
  EXIT_CRITERIA[stage].filter((c) => !met.has(c));

/**
 * Renewal overlay: the contract ends within 90 days (day −90 … day 0 inclusive) and was not renewed in
 * this window. A renewal marked before the window opened belongs to an earlier term and does not count.
 */
export function inRenewal(contractEnd: Date | null, met: TJourneyInput["met"], now: Date): boolean {
  if (!contractEnd) return false;
  const toEnd = daysBetween(now, contractEnd);
  if (toEnd < 0 || toEnd > RENEWAL_WINDOW_DAYS) return false;
  const renewed = met.get("contract_renewed");
  return !(renewed && daysBetween(renewed.at, contractEnd) <= RENEWAL_WINDOW_DAYS);
}

/** Advocacy is earned by an active promoter or a reference customer, and kept while either holds. */
export const hasAdvocacy = (met: TJourneyInput["met"]): boolean =>
  met.has("active_promoter") || met.has("reference_customer");

const latest = (dates: Date[], floor: Date) => dates.reduce((a, b) => (b > a ? b : a), floor);

/**
 * Evaluates an account's journey. Moves forward only when the current stage's exit criteria are all
 * met, one stage at a time (an account meeting two stages' criteria passes through the middle stage,
 * with one change each), never backward, and never because of time alone. Each move happens when its
 * last criterion was met (never before the previous stage was entered). Pure: same input, same output,
 * so re-evaluating an unchanged account yields no changes.
 */
export function evaluateJourney(input: TJourneyInput): TJourneyEvaluation {
  const { met, now } = input;
  const changes: TJourneyChange[] = [];
  let stage: TStage = input.current?.stage ?? "onboarding";
  let enteredAt = input.current?.enteredAt ?? input.contractStart;

  for (let next = nextStage(stage); next && missingCriteria(stage, met).length === 0; next = nextStage(stage)) {
    const criteria = [...EXIT_CRITERIA[stage]];
    const marks = criteria.map((c) => met.get(c)!);
    const at = latest(
      marks.map((m) => m.at),
      enteredAt,
    );
    const lastBy = marks.reduce((a, b) => (b.at >= a.at ? b : a)).by;
    changes.push({ kind: "stage", from: stage, to: next, at, cause: { type: "criteria", criteria, by: lastBy } });
    stage = next;
    enteredAt = at;
  }

  const renewal = inRenewal(input.contractEnd, met, now);
  const wasRenewal = input.current?.renewal ?? false;
  if (renewal !== wasRenewal) {
    const renewed = met.get("contract_renewed");
    const toEnd = input.contractEnd ? daysBetween(now, input.contractEnd) : null;
    const cause: TJourneyCause = renewal
      ? { type: "calendar", rule: "contract_end_within_90_days" }
      : renewed && toEnd !== null && toEnd >= 0
        ? { type: "criteria", criteria: ["contract_renewed"], by: renewed.by }
        : { type: "calendar", rule: toEnd !== null && toEnd < 0 ? "contract_ended" : "contract_end_moved" };
    changes.push({ kind: "renewal", entered: renewal, at: now, cause });
  }

  const advocacy = hasAdvocacy(met);
  const wasAdvocacy = input.current?.advocacy ?? false;
  if (advocacy !== wasAdvocacy) {
    const marks = (["active_promoter", "reference_customer"] as const).flatMap((c) => {
      const m = met.get(c);
      return m ? [{ c, ...m }] : [];
    });
    const cause: TJourneyCause = advocacy
      ? { type: "criteria", criteria: marks.map((m) => m.c), by: marks[0]!.by }
      : { type: "criteria_withdrawn", criteria: ["active_promoter", "reference_customer"], by: "journey engine" };
    changes.push({
      kind: "advocacy",
      gained: advocacy,
      at: advocacy
        ? latest(
            marks.map((m) => m.at),
            new Date(0),
          )
        : now,
      cause,
    });
  }

  const daysSinceStart = daysBetween(input.contractStart, now);
  return {
    stage,
    enteredAt,
    renewal,
    advocacy,
    daysSinceStart,
    daysInStage: Math.max(0, daysBetween(enteredAt, now)),
    behindSchedule: isBehindSchedule(stage, daysSinceStart),
    daysToEnd: input.contractEnd ? daysBetween(now, input.contractEnd) : null,
    changes,
  };
}

/** Days left in the stage's window (negative when behind); null in Maturity. */
export function daysLeftInWindow(stage: TStage, daysSinceStart: number): number | null {
  const end = STAGE_WINDOWS[stage].end;
  return end === null ? null : end - daysSinceStart;
}
