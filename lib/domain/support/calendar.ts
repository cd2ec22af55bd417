import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { DAY_MS } from "../time/days";

/**
 * A business-hours calendar: working days (0 = Sunday … 6 = Saturday), one daily window in the
 * calendar's time zone, and holidays (local dates). The window must not cross midnight.
 */
export type TCalendar = { days: number[]; start: string; end: string; timeZone: string; holidays: string[] };

// Spec default: Sunday–Thursday 09:00–17:00 Asia/Riyadh (no DST there, so every day is 8 h).
export const DEFAULT_CALENDAR: TCalendar = {
  days: [0, 1, 2, 3, 4],
  start: "09:00",
  end: "17:00",
  timeZone: "Asia/Riyadh",
  holidays: [],
};

// Longest walk a computation may take: a year of windows covers every target (one week at most)
// even across long holiday runs; a calendar with no working day at all is refused by the schema.
const MAX_DAYS = 400;

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.time");
const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "validation.date",
  );

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZCalendar = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1, "validation.no_working_day").max(7),
    start: ZTime,
    end: ZTime,
    timeZone: z.string().min(1).max(64).refine(isTimeZone, "validation.time_zone"),
    holidays: z.array(ZDate).max(366),
  })
  .refine((c) => c.start < c.end, { message: "validation.hours_order", path: ["end"] })
  .transform((c) => ({
    ...c,
    days: [...new Set(c.days)].sort((a, b) => a - b),
    holidays: [...new Set(c.holidays)].sort(),
  }));

const hm = (s: string) => s.split(":").map(Number) as [number, number];
type TLocalDay = { y: number; m: number; d: number };

function localDay(ms: number, tz: string): TLocalDay {
  const l = new TZDate(ms, tz);
  return { y: l.getFullYear(), m: l.getMonth(), d: l.getDate() };
}

const nextDay = ({ y, m, d }: TLocalDay): TLocalDay => {
  const u = new Date(Date.UTC(y, m, d + 1));
  return { y: u.getUTCFullYear(), m: u.getUTCMonth(), d: u.getUTCDate() };
};

const iso = ({ y, m, d }: TLocalDay) =>
  `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

// Working out a window's instants in a time zone is the costly step of every clock (two zone lookups
// per day); a 2 000-row import walks the same few hundred days thousands of times. The windows of a
// calendar object are therefore remembered per day; calendars are values read fresh from settings and
// never changed in place, so a remembered window cannot go stale.
const windowMemo = new WeakMap<TCalendar, Map<number, [number, number] | null>>();

/** The working window of one local day as instants, or null on a day off or a holiday. */
function windowOf(day: TLocalDay, cal: TCalendar): [number, number] | null {
  let memo = windowMemo.get(cal);
  if (!memo) windowMemo.set(cal, (memo = new Map()));
  const key = day.y * 10_000 + day.m * 100 + day.d;
  if (memo.has(key)) return memo.get(key)!;
  const w = computeWindow(day, cal);
  memo.set(key, w);
  return w;
}

function computeWindow(day: TLocalDay, cal: TCalendar): [number, number] | null {
  const weekday = new Date(Date.UTC(day.y, day.m, day.d)).getUTCDay();
  if (!cal.days.includes(weekday) || cal.holidays.includes(iso(day))) return null;
  const [sh, sm] = hm(cal.start);
  const [eh, em] = hm(cal.end);
  return [
    new TZDate(day.y, day.m, day.d, sh, sm, cal.timeZone).getTime(),
    new TZDate(day.y, day.m, day.d, eh, em, cal.timeZone).getTime(),
  ];
}

/** Working windows from the local day holding `fromMs` on, lazily (at most MAX_DAYS days). */
function* windows(fromMs: number, cal: TCalendar): Generator<[number, number]> {
  let day = localDay(fromMs, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const w = windowOf(day, cal);
    if (w) yield w;
  }
}

/** Business milliseconds in [from, to) on `cal`; 0 when `to` ≤ `from`. */
export function businessMsBetween(from: Date, to: Date, cal: TCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  for (const [ws, we] of windows(a, cal)) {
    if (ws >= b) break;
    total += Math.max(0, Math.min(we, b) - Math.max(ws, a));
  }
  return total;
}

/**
 * The instant at which `ms` business milliseconds have passed since `from` on `cal`. Exactly at a
 * window's end counts as that day (Thursday 16:30 + 30 min is Thursday 17:00). Throws when the
 * calendar has no working time within MAX_DAYS days (e.g. every day a holiday).
 */
export function addBusinessMs(from: Date, ms: number, cal: TCalendar): Date {
  const a = from.getTime();
  if (ms <= 0) return new Date(a);
  let remaining = ms;
  for (const [ws, we] of windows(a, cal)) {
    if (we <= a) continue;
    const s = Math.max(ws, a);
    if (remaining <= we - s) return new Date(s + remaining);
    remaining -= we - s;
  }
  throw new Error(`calendar has no working time within ${MAX_DAYS} days`);
}

export { DAY_MS };
