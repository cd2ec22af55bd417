import { STEPS, STEP_COUNT, type TStepId, isStepId, UnknownStepError } from "./steps";
import { addWholeDays } from "../time/days";

export type TProgress = {
  completed: number;
  total: number;
  /** Percent to one decimal (12.5 per step). */
  percent: number;
  /** The first incomplete step in table order, or "done" after all eight. */
  current: TStepId | "done";
};

/**
 * Progress from the set of completed step ids. Order of completion does not matter: the current step
 * is the first incomplete one in the table even when later steps are already done. Duplicates count
 * once; an unknown id throws UnknownStepError instead of being silently ignored.
 */
export function progressOf(completed: Iterable<string>): TProgress {
  const done = new Set<TStepId>();
  for (const id of completed) {
    if (!isStepId(id)) throw new UnknownStepError(id);
    done.add(id);
  }
  const current = STEPS.find((s) => !done.has(s.id))?.id ?? "done";
  return { completed: done.size, total: STEP_COUNT, percent: percentOf(done.size), current };
}

/** completed / 8 as a percentage rounded to one decimal: 1 → 12.5, 3 → 37.5, 8 → 100. */
export function percentOf(completed: number): number {
  if (!Number.isInteger(completed) || completed < 0 || completed > STEP_COUNT)
    throw new RangeError(`completed must be an integer 0..${STEP_COUNT}, got ${completed}`);
  return Math.round((completed / STEP_COUNT) * 1000) / 10;
}

/** Spec "stuck on one step longer than a threshold": the default threshold and its bounds. */
export const STUCK_DEFAULT_DAYS = 3;
export const STUCK_MAX_DAYS = 365;

/**
 * Whether an account has waited on its current step for longer than `thresholdDays` (strictly: exactly
 * the threshold is not stuck). A finished checklist is never stuck.
 */
export function isStuck(current: TStepId | "done", since: Date, now: Date, thresholdDays: number): boolean {
  if (current === "done") return false;
  return now > addWholeDays(since, thresholdDays);
}
