import {
  EXIT_CRITERIA,
  RENEWAL_WINDOW_DAYS,
  STAGES,
  STAGE_WINDOWS,
  daysBetween,
  isBehindSchedule,
  nextStage,
  stageIndex,
  type TCriterion,
  type TStage,
} from "./stages";
import { DAY_MS } from "../time/days";

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
  /** The criterion just withdrawn (not in `met` any more) and who withdrew it: it may move the stage back. */
  withdrawn?: { criterion: TCriterion; by: string };
  /** When the account entered each stage by meeting criteria (oldest first): a move back restores that date. */
  entries?: readonly { stage: TStage; at: Date }[];
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

/** The furthest stage the criteria reach from Onboarding, one stage's exit criteria at a time. */
export function reachedStage(met: ReadonlyMap<TCriterion, unknown>): TStage {
  let stage: TStage = "onboarding";
  for (let next = nextStage(stage); next && missingCriteria(stage, met).length === 0; next = nextStage(stage))
    stage = next;
  return stage;
}

/** The stage whose exit criteria include `criterion`, or null (renewal, promoter: overlays and flags). */
export const exitStageOf = (criterion: TCriterion): TStage | null =>
  STAGES.find((s) => EXIT_CRITERIA[s].includes(criterion)) ?? null;

/**
 * Where withdrawing a criterion leaves the account (issue 12 item 10). Only the exit criterion of a stage
 * the account has already left can move it, and then back to the furthest stage the remaining criteria
 * still reach: withdrawing the criterion that caused the last move undoes that move; withdrawing one that
 * an earlier move rested on (later moves happened since) takes the account back to where the chain of
 * criteria now breaks, in one move, since a stage not reached by its criteria cannot stand (spec: "moves
 * only when the exit criteria of its current stage are met"). Null when the stage stays.
 */
export function stageAfterWithdrawal(stage: TStage, criterion: TCriterion, met: TJourneyInput["met"]): TStage | null {
  const left = exitStageOf(criterion);
  if (left === null || stageIndex(left) >= stageIndex(stage)) return null;
  const reached = reachedStage(met);
  return stageIndex(reached) < stageIndex(stage) ? reached : null;
}

/**
 * When the account (back in `stage`) had entered it: its last entry by criteria before `before`, else
 * contract start for Onboarding; an account placed without a recorded entry (older data) gets the
 * stage's window start, never later than `before`.
 */
function entryOf(stage: TStage, input: TJourneyInput, before: Date): Date {
  if (stage === "onboarding") return input.contractStart;
  const entry = (input.entries ?? []).filter((e) => e.stage === stage && e.at <= before).at(-1);
  if (entry) return entry.at;
  const windowStart = new Date(input.contractStart.getTime() + STAGE_WINDOWS[stage].start * DAY_MS);
  return windowStart < before ? windowStart : before;
}

/**
 * Evaluates an account's journey. Moves forward only when the current stage's exit criteria are all
 * met, one stage at a time (an account meeting two stages' criteria passes through the middle stage,
 * with one change each), and never because of time alone; it moves back only when a criterion is
 * withdrawn (`stageAfterWithdrawal`). Each move happens when its
 * last criterion was met (never before the previous stage was entered). Pure: same input, same output,
 * so re-evaluating an unchanged account yields no changes.
 */
export function evaluateJourney(input: TJourneyInput): TJourneyEvaluation {
  const { met, now } = input;
  const changes: TJourneyChange[] = [];
  let stage: TStage = input.current?.stage ?? "onboarding";
  let enteredAt = input.current?.enteredAt ?? input.contractStart;

  const back = input.withdrawn ? stageAfterWithdrawal(stage, input.withdrawn.criterion, met) : null;
  if (back && input.withdrawn) {
    const cause: TJourneyCause = {
      type: "criteria_withdrawn",
      criteria: [input.withdrawn.criterion],
      by: input.withdrawn.by,
    };
    changes.push({ kind: "stage", from: stage, to: back, at: now, cause });
    enteredAt = entryOf(back, input, enteredAt);
    stage = back;
  }

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

/**
 * The stage change marking (`met`) or withdrawing `criterion` would cause now, or null when it changes
 * nothing: what the journey tab asks to confirm, by the rule the server then applies. Pure.
 */
export function stageChangeOfMark(
  input: TJourneyInput,
  criterion: TCriterion,
  met: boolean,
): { from: TStage; to: TStage } | null {
  const from = evaluateJourney(input).stage;
  if (met === input.met.has(criterion)) return null; // nothing to mark or withdraw: the server refuses it
  const after = new Map(input.met);
  if (met) after.set(criterion, { at: input.now, by: "" });
  else after.delete(criterion);
  const to = evaluateJourney({
    ...input,
    met: after,
    withdrawn: met ? undefined : { criterion, by: "" },
  }).stage;
  return to === from ? null : { from, to };
}
