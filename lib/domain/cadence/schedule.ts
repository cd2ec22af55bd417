import type { TSeverity } from "../risk/score";
import { addDays, addMonths, daysBetween } from "./dates";
import type { TCadenceType, TIsoDate, TTaskDraft } from "./types";

// How far ahead tasks exist: a month and a week, so every plan always shows its next monthly review
// and the CSM can plan the coming week. Regeneration (daily tick) extends the window as days pass.
export const HORIZON_DAYS = 35;

// The rhythm of each periodic type, counted from the plan's anchor date.
const PERIODS: Partial<Record<TCadenceType, { days: number } | { months: number }>> = {
  weekly_check_in: { days: 7 },
  monthly_proof_review: { months: 1 },
  quarterly_business_review: { months: 3 },
};

// Renewal reminders: 30 and 7 days before the contract's end (spec "renewal 30/7-day tasks").
export const RENEWAL_LEAD_DAYS: Partial<Record<TCadenceType, number>> = { renewal_30_day: 30, renewal_7_day: 7 };

// The at-risk alert is due by the end of the working week (Sunday–Thursday): the spec's "business
// review this week" for high severity.
const THURSDAY = 4;

export type TPlanSchedule = {
  accountId: string;
  ownerCsmId: string;
  active: boolean;
  types: readonly TCadenceType[];
  anchorDate: TIsoDate;
  contractEnd: TIsoDate | null;
  /** The account's current at-risk severity, when a snapshot exists. */
  severity: TSeverity | null;
};

function periodicDates(anchor: TIsoDate, period: { days: number } | { months: number }, from: TIsoDate, to: TIsoDate) {
  const out: TIsoDate[] = [];
  if ("days" in period) {
    const k0 = Math.max(0, Math.ceil(daysBetween(anchor, from) / period.days));
    for (let d = addDays(anchor, k0 * period.days); d <= to; d = addDays(d, period.days)) out.push(d);
    return out;
  }
  // Months vary in length: start a little early and skip what falls before `from`.
  const k0 = Math.max(0, Math.floor(daysBetween(anchor, from) / 31 / period.months) - 1);
  for (let k = k0; ; k++) {
    const d = addMonths(anchor, k * period.months);
    if (d > to) return out;
    if (d >= from) out.push(d);
  }
}

/** The first Thursday on or after `today`: every day of one Friday–Thursday window gives the same date. */
export function alertDueDate(today: TIsoDate): TIsoDate {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (THURSDAY - dow + 7) % 7);
}

/**
 * The dated tasks a plan wants on `today` (a parameter: the CS team's calendar day), sorted by due
 * date then type. Deterministic: the same plan and day give the same list, and the dates of a
 * periodic type depend only on the anchor, so regenerating on a later day yields the same dates
 * again (the store's unique (account, type, due date) turns repeats into no-ops).
 * - periodic types: every occurrence from `today` to `today + horizonDays`, never before the anchor;
 * - renewal types: contract end minus 30 / 7 days while the contract has not ended, also when that
 *   day is already past (an overdue renewal is still work) — never for a contract that ended;
 * - at_risk_alert: one per working week while the account's severity is high.
 * An inactive plan wants nothing.
 */
export function planTasks(plan: TPlanSchedule, today: TIsoDate, horizonDays = HORIZON_DAYS): TTaskDraft[] {
  if (!plan.active || horizonDays < 0) return [];
  const until = addDays(today, horizonDays);
  const from = plan.anchorDate > today ? plan.anchorDate : today;
  const out: TTaskDraft[] = [];
  const push = (type: TCadenceType, dueDate: TIsoDate, source: TTaskDraft["source"]) =>
    out.push({ accountId: plan.accountId, csmId: plan.ownerCsmId, type, dueDate, source });
  for (const type of new Set(plan.types)) {
    const period = PERIODS[type];
    if (period) {
      for (const d of periodicDates(plan.anchorDate, period, from, until)) push(type, d, "cadence");
      continue;
    }
    const lead = RENEWAL_LEAD_DAYS[type];
    if (lead !== undefined) {
      if (!plan.contractEnd || plan.contractEnd < today) continue;
      const due = addDays(plan.contractEnd, -lead);
      if (due <= until) push(type, due, "renewal");
      continue;
    }
    if (type === "at_risk_alert" && plan.severity === "high") push(type, alertDueDate(today), "cadence");
  }
  return out.sort((a, b) => (a.dueDate === b.dueDate ? a.type.localeCompare(b.type) : a.dueDate < b.dueDate ? -1 : 1));
}
