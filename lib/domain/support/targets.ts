/** Priorities and their targets (spec table "Priorities and targets"). */
export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type TPriority = (typeof PRIORITIES)[number];

export const isPriority = (v: unknown): v is TPriority =>
  typeof v === "string" && (PRIORITIES as readonly string[]).includes(v);

const MIN = 60_000;
const HOUR = 60 * MIN;

export type TTargets = { firstResponseMs: number; resolutionMs: number; owner: "founder" | "on_call" | "team" };

export const SLA_TARGETS: Record<TPriority, TTargets> = {
  P0: { firstResponseMs: 30 * MIN, resolutionMs: 4 * HOUR, owner: "founder" },
  P1: { firstResponseMs: 2 * HOUR, resolutionMs: 24 * HOUR, owner: "on_call" },
  P2: { firstResponseMs: 8 * HOUR, resolutionMs: 72 * HOUR, owner: "on_call" },
  P3: { firstResponseMs: 24 * HOUR, resolutionMs: 7 * 24 * HOUR, owner: "team" },
};

/** Targets for a priority; anything that is not P0–P3 gets P3's targets (spec). */
export function targetsFor(priority: string): TTargets {
  return isPriority(priority) ? SLA_TARGETS[priority] : SLA_TARGETS.P3;
}

/** P0 runs on calendar time (24/7); P1–P3 on the business-hours calendar. */
export const runsAroundTheClock = (priority: string): boolean => priority === "P0";

/** Share of a target used at which a ticket counts as near breach (spec: 80 %). */
export const NEAR_BREACH_SHARE = 0.8;

/** Breached only when strictly more time than the target has elapsed (spec). */
export const isBreach = (elapsedMs: number, targetMs: number): boolean => elapsedMs > targetMs;

/**
 * The same rule on a running clock's due instant (where elapsed reaches the target): breached only once
 * `now` is strictly past it. The SQL reads (lib/data/support-health.ts `breachedAt`) say `due_at < now`.
 */
export const isPastDue = (dueAt: Date, now: Date): boolean => isBreach(now.getTime(), dueAt.getTime());
