import { addBusinessMs, businessMsBetween, type TCalendar } from "./calendar";
import type { TTicketEvent } from "./events";
import { NEAR_BREACH_SHARE, isBreach, runsAroundTheClock, targetsFor } from "./targets";

/** One SLA clock (first response or resolution) as of an instant. */
export type TClockState = {
  targetMs: number;
  /** Counted time up to the stop (met) or up to `at`. */
  elapsedMs: number;
  metAt: Date | null;
  /** When the target is (or was) reached while counting; null if paused before reaching it, or met first. */
  dueAt: Date | null;
  /** When 80 % of the target is (or was) reached; null like dueAt. */
  nearAt: Date | null;
  breached: boolean;
  nearBreach: boolean;
};
export type TSlaState = { firstResponse: TClockState; resolution: TClockState; paused: boolean };

type TInterval = { start: number; end: number | null };

/** Counting intervals: from `opened`, cut by pauses and by `stop`; the last may be open-ended. */
function intervals(events: readonly TTicketEvent[], stop: Date | null): TInterval[] {
  const out: TInterval[] = [];
  let runningFrom: number | null = null;
  for (const e of events) {
    const t = e.at.getTime();
    if (stop && t > stop.getTime()) break;
    if (e.type === "opened" || e.type === "resumed") runningFrom ??= t;
    if ((e.type === "paused" || e.type === "resolved") && runningFrom !== null) {
      out.push({ start: runningFrom, end: t });
      runningFrom = null;
    }
  }
  if (runningFrom !== null) {
    const end = stop ? stop.getTime() : null;
    if (end === null || end > runningFrom) out.push({ start: runningFrom, end });
  }
  return out;
}

function clock(
  events: readonly TTicketEvent[],
  stop: Date | null,
  targetMs: number,
  at: Date,
  measure: (a: number, b: number) => number,
  add: (a: number, ms: number) => number,
): TClockState {
  const spans = intervals(events, stop);
  const reach = (amount: number): Date | null => {
    let remaining = amount;
    for (const s of spans) {
      const available = s.end === null ? Infinity : measure(s.start, s.end);
      if (remaining <= available) return new Date(add(s.start, remaining));
      remaining -= available;
    }
    return null;
  };
  const until = stop ? stop.getTime() : at.getTime();
  const elapsedMs = spans.reduce(
    (sum, s) => sum + (s.start < until ? measure(s.start, Math.min(s.end ?? until, until)) : 0),
    0,
  );
  const breached = isBreach(elapsedMs, targetMs);
  const dueAt = reach(targetMs);
  return {
    targetMs,
    elapsedMs,
    metAt: stop,
    dueAt: stop && dueAt && dueAt.getTime() > stop.getTime() ? null : dueAt,
    nearAt: reach(Math.floor(targetMs * NEAR_BREACH_SHARE)),
    breached,
    nearBreach: !stop && !breached && elapsedMs >= targetMs * NEAR_BREACH_SHARE,
  };
}

/**
 * Both SLA clocks of a ticket as of `at`, from its validated events. P0 counts calendar time, others
 * business time on `cal`; paused intervals never count. The first-response clock stops at the first
 * response (or at resolution if there was none); the resolution clock at `resolved`. Events after
 * `at` are ignored. Breach is strictly more than the target.
 */
export function computeSla(priority: string, events: readonly TTicketEvent[], cal: TCalendar, at: Date): TSlaState {
  const seen = events.filter((e) => e.at.getTime() <= at.getTime());
  const targets = targetsFor(priority);
  const wall = runsAroundTheClock(priority);
  const measure = wall
    ? (a: number, b: number) => Math.max(0, b - a)
    : (a: number, b: number) => businessMsBetween(new Date(a), new Date(b), cal);
  const add = wall
    ? (a: number, ms: number) => a + ms
    : (a: number, ms: number) => addBusinessMs(new Date(a), ms, cal).getTime();
  const resolvedAt = seen.find((e) => e.type === "resolved")?.at ?? null;
  const respondedAt = seen.find((e) => e.type === "first_response")?.at ?? resolvedAt;
  let paused = false;
  for (const e of seen) {
    if (e.type === "paused") paused = true;
    if (e.type === "resumed" || e.type === "resolved") paused = false;
  }
  return {
    firstResponse: clock(seen, respondedAt, targets.firstResponseMs, at, measure, add),
    resolution: clock(seen, resolvedAt, targets.resolutionMs, at, measure, add),
    paused,
  };
}
