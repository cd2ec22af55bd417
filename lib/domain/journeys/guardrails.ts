import { subWholeDays } from "../time/days";

/**
 * Guardrails on automated touchpoints (spec "Guardrails"). Only `system` touchpoints are automated;
 * CSM tasks are people talking to people and pass untouched. The first guardrail that applies is the one
 * named on the held touchpoint, in this order: an open escalation, then human review for low health,
 * then the rolling weekly limit.
 */

export const GUARDRAILS = ["escalation_open", "human_review", "weekly_limit"] as const;
export type TGuardrail = (typeof GUARDRAILS)[number];

// Spec: "At most 3 automated touchpoints per account in any rolling 7 days (configurable 2–3)".
export const DEFAULT_WEEKLY_LIMIT = 3;
export const MIN_WEEKLY_LIMIT = 2;
export const MAX_WEEKLY_LIMIT = 3;
export const ROLLING_WINDOW_DAYS = 7;
// Spec: "Negative journey health (below 40) requires human review before any automated touchpoint".
export const HUMAN_REVIEW_BELOW = 40;

/** Priorities whose open tickets count as an escalation (with any incident not closed). */
export const ESCALATION_PRIORITIES: readonly string[] = ["P0", "P1"];

export type TGuardrailContext = {
  /** When automated touchpoints of this account were released (proposed) before. */
  releasedAt: readonly Date[];
  escalationOpen: boolean;
  health: number;
  weeklyLimit: number;
  now: Date;
};

export type TGuardrailVerdict = { release: true } | { release: false; guardrail: TGuardrail };

/** Releases counted by the rolling window: those after `now − 7 days` (a release exactly 7 days ago has aged out). */
export const releasedInWindow = (releasedAt: readonly Date[], now: Date): number =>
  releasedAt.filter((at) => at > subWholeDays(now, ROLLING_WINDOW_DAYS) && at <= now).length;

/**
 * Decides each automated touchpoint in order; each release counts towards the limit for the ones after
 * it, so with a limit of 3 and two released this week the third is released and the fourth held.
 * Throws on a limit outside 2–3 (settings validate it first).
 */
export function applyGuardrails(count: number, ctx: TGuardrailContext): TGuardrailVerdict[] {
  if (!Number.isInteger(ctx.weeklyLimit) || ctx.weeklyLimit < MIN_WEEKLY_LIMIT || ctx.weeklyLimit > MAX_WEEKLY_LIMIT)
    throw new RangeError(`weekly limit must be ${MIN_WEEKLY_LIMIT}–${MAX_WEEKLY_LIMIT}`);
  let used = releasedInWindow(ctx.releasedAt, ctx.now);
  const out: TGuardrailVerdict[] = [];
  for (let i = 0; i < count; i++) {
    if (ctx.escalationOpen) out.push({ release: false, guardrail: "escalation_open" });
    else if (ctx.health < HUMAN_REVIEW_BELOW) out.push({ release: false, guardrail: "human_review" });
    else if (used >= ctx.weeklyLimit) out.push({ release: false, guardrail: "weekly_limit" });
    else {
      used++;
      out.push({ release: true });
    }
  }
  return out;
}
