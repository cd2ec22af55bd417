import { LOCALES, type TLocale } from "./locales";

/**
 * Every number and date on screen goes through here, with the locale's pinned Intl tag and an explicit
 * time zone, so the server and the browser print the same characters (no hydration mismatch).
 */
export type TFormatContext = { locale: TLocale; timeZone: string };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(ctx: TFormatContext, value: number, options: Intl.NumberFormatOptions = {}): string {
  const tag = LOCALES[ctx.locale].intl;
  return memo(`n|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options)).format(value);
}

export type TDateStyle = "date" | "dateTime" | "time" | "monthYear";
const DATE_OPTIONS: Record<TDateStyle, Intl.DateTimeFormatOptions> = {
  date: { year: "numeric", month: "short", day: "numeric" },
  dateTime: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" },
  time: { hour: "2-digit", minute: "2-digit" },
  monthYear: { year: "numeric", month: "long" },
};

export function formatDate(ctx: TFormatContext, value: Date | string, style: TDateStyle = "date"): string {
  const tag = LOCALES[ctx.locale].intl;
  const f = memo(
    `d|${tag}|${ctx.timeZone}|${style}`,
    () => new Intl.DateTimeFormat(tag, { ...DATE_OPTIONS[style], timeZone: ctx.timeZone }),
  );
  return f.format(typeof value === "string" ? new Date(value) : value);
}

/** Contract dates are calendar dates (no time of day): always formatted in UTC to avoid day shifts. */
export function formatCalendarDate(ctx: TFormatContext, value: Date | string): string {
  return formatDate({ ...ctx, timeZone: "UTC" }, value, "date");
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 days ago" / "in 2 hours" relative to `now` (a parameter, so it is testable and stable). */
export function formatRelative(ctx: TFormatContext, value: Date, now: Date): string {
  const tag = LOCALES[ctx.locale].intl;
  const f = memo(`r|${tag}`, () => new Intl.RelativeTimeFormat(tag, { numeric: "auto" }));
  const diff = value.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return f.format(Math.trunc(diff / ms), unit);
  }
  return f.format(0, "minute");
}

export function formatList(ctx: TFormatContext, items: string[]): string {
  const tag = LOCALES[ctx.locale].intl;
  return new Intl.ListFormat(tag, { style: "long", type: "conjunction" }).format(items);
}
