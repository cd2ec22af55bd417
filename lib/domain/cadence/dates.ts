import { DAY_MS } from "../time/days";
import type { TIsoDate } from "./types";

const toUtc = (d: TIsoDate) => Date.parse(`${d}T00:00:00Z`);
const fromUtc = (ms: number): TIsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: TIsoDate, days: number): TIsoDate => fromUtc(toUtc(d) + days * DAY_MS);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: TIsoDate, b: TIsoDate): number => Math.round((toUtc(b) - toUtc(a)) / DAY_MS);

/**
 * `d` plus `months` calendar months; a day that does not exist in the target month is clamped to its
 * last day (31 Jan + 1 month = 28/29 Feb), so every occurrence is computed from the anchor, never from
 * the previous occurrence, and the series does not drift.
 */
export function addMonths(d: TIsoDate, months: number): TIsoDate {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(day, last)));
}

/** The calendar day of `now` in `timeZone` (the CS team's day, not the server's). */
export function calendarDay(now: Date, timeZone: string): TIsoDate {
  // en-CA prints YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The Sunday starting the week of `d` (the working week in the Gulf runs Sunday to Thursday). */
export function weekStart(d: TIsoDate): TIsoDate {
  return addDays(d, -new Date(toUtc(d)).getUTCDay());
}

export const isOverdue = (due: TIsoDate, today: TIsoDate): boolean => due < today;
