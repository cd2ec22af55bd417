import { tz } from "@date-fns/tz";
import { addDays, differenceInCalendarDays } from "date-fns";

// Whole days are counted on the UTC calendar, so a day is 24 hours whatever time zone the server runs
// in (date-fns would otherwise use the process's local calendar, where a DST change makes a day 23 or
// 25 hours). Days in a person's time zone are lib/domain/cadence/dates.ts's business.
const UTC = { in: tz("UTC") };

/** A UTC day in milliseconds: for durations and epoch-day arithmetic, never for calendar days in a zone. */
export const DAY_MS = 86_400_000;

/** `date` moved by `days` whole days (negative: back). A plain Date, not date-fns' zoned one. */
export const addWholeDays = (date: Date, days: number): Date => new Date(addDays(date, days, UTC).getTime());

/** `date` moved back by `days` whole days. */
export const subWholeDays = (date: Date, days: number): Date => addWholeDays(date, -days);

/** UTC calendar days from `from` to `to` (time of day ignored); negative when `to` is earlier. */
export const calendarDaysBetween = (from: Date, to: Date): number => differenceInCalendarDays(to, from, UTC);
