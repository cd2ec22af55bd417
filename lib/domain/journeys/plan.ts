import { z } from "zod";
import { STAGES, daysBetween, type TStage } from "./stages";
import { addWholeDays, subWholeDays } from "../time/days";

/**
 * The touchpoint plan (spec "Touchpoints (defaults; editable)"). Each touchpoint belongs to a stage (or
 * the renewal overlay), has a trigger, a channel and an owner: `system` touchpoints reach the customer
 * automatically (so they become approval-first proposals and pass the guardrails); `csm` ones become
 * tasks on the CSM's list. Day triggers count from the day the stage was entered (Onboarding is entered
 * at contract start, so "day 7" there is day 7 of the contract); renewal triggers count down to the
 * contract end; signal triggers fire when the named signal is observed.
 */

export const PLAN_STAGES = [...STAGES, "renewal"] as const;
export type TPlanStage = (typeof PLAN_STAGES)[number];
export const CHANNELS = ["email", "call", "in_app", "meeting"] as const;
export const OWNERS = ["system", "csm"] as const;
export const SIGNALS = [
  "feature_threshold",
  "usage_decline",
  "ticket_closed",
  "usage_over_80",
  "new_use_case",
  "team_growth",
] as const;
export type TSignal = (typeof SIGNALS)[number];

export const ZTrigger = z.discriminatedUnion("type", [
  z.object({ type: z.literal("day"), day: z.int().min(0).max(730) }),
  z.object({ type: z.literal("before_end"), days: z.int().min(0).max(365) }),
  z.object({ type: z.literal("quarterly") }),
  z.object({ type: z.literal("signal"), signal: z.enum(SIGNALS) }),
]);
export type TTrigger = z.infer<typeof ZTrigger>;

export const ZTouchpointDef = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  stage: z.enum(PLAN_STAGES),
  trigger: ZTrigger,
  channel: z.enum(CHANNELS),
  owner: z.enum(OWNERS),
  enabled: z.boolean().default(true),
});
export type TTouchpointDef = z.infer<typeof ZTouchpointDef>;

// At most a few dozen touchpoints make a plan; 60 keeps a pasted document out.
export const ZPlan = z
  .array(ZTouchpointDef)
  .min(1)
  .max(60)
  .refine((p) => new Set(p.map((d) => d.key)).size === p.length, { message: "duplicate_key" });

const d = (
  key: string,
  stage: TPlanStage,
  trigger: TTrigger,
  channel: TTouchpointDef["channel"],
  owner: TTouchpointDef["owner"],
): TTouchpointDef => ({
  key,
  stage,
  trigger,
  channel,
  owner,
  enabled: true,
});

/** The spec's default tables, in order. */
export const DEFAULT_PLAN: readonly TTouchpointDef[] = [
  d("welcome_sequence", "onboarding", { type: "day", day: 0 }, "email", "system"),
  d("kickoff_scheduling", "onboarding", { type: "day", day: 1 }, "email", "csm"),
  d("implementation_check", "onboarding", { type: "day", day: 7 }, "call", "csm"),
  d("first_milestone", "onboarding", { type: "day", day: 14 }, "in_app", "system"),
  d("adoption_review", "onboarding", { type: "day", day: 30 }, "call", "csm"),
  d("feature_tips", "adoption", { type: "signal", signal: "feature_threshold" }, "in_app", "system"),
  d("re_engagement", "adoption", { type: "signal", signal: "usage_decline" }, "email", "system"),
  d("csat_survey", "adoption", { type: "signal", signal: "ticket_closed" }, "email", "system"),
  d("success_check_in", "adoption", { type: "day", day: 60 }, "call", "csm"),
  d("first_business_review", "adoption", { type: "day", day: 90 }, "meeting", "csm"),
  d("expansion_conversation", "growth", { type: "signal", signal: "usage_over_80" }, "email", "csm"),
  d("cross_sell", "growth", { type: "signal", signal: "new_use_case" }, "call", "csm"),
  d("seat_expansion", "growth", { type: "signal", signal: "team_growth" }, "in_app", "system"),
  d("quarterly_business_review", "growth", { type: "quarterly" }, "meeting", "csm"),
  d("renewal_planning", "renewal", { type: "before_end", days: 90 }, "email", "csm"),
  d("value_review", "renewal", { type: "before_end", days: 60 }, "meeting", "csm"),
  d("proposal_sent", "renewal", { type: "before_end", days: 30 }, "email", "csm"),
  d("decision_check", "renewal", { type: "before_end", days: 14 }, "call", "csm"),
];

export type TDueTouchpoint = {
  key: string;
  stage: TPlanStage;
  channel: TTouchpointDef["channel"];
  owner: TTouchpointDef["owner"];
  /** One occurrence per stage entry / contract term / quarter / signal, so a touchpoint is planned once per cycle. */
  cycle: string;
  dueAt: Date;
  /** Fell due longer ago than the owner's catch-up window: recorded as missed, never sent or assigned. */
  missed: boolean;
};

export type TPlanContext = {
  stage: TStage;
  enteredAt: Date;
  renewal: boolean;
  contractEnd: Date | null;
  /** Signals observed, with when (e.g. a support ticket closed); only these fire signal triggers. */
  signals: ReadonlyMap<TSignal, Date>;
  now: Date;
};

// Catch-up windows: how late a touchpoint may still be acted on when the engine first plans it (or a
// guardrail releases it). Older ones are recorded as `missed` rather than dropped, so the journey tab
// explains the gap ("missed, not sent") instead of leaving the CSM to wonder. 14 days for automated
// touchpoints: a welcome or milestone message more than two weeks late reads as a mistake to the
// customer. 30 days for CSM tasks: a person can still sensibly make a late kickoff call or check-in
// within a month, but a pile of year-old tasks is noise that buries the real ones.
export const CATCH_UP_DAYS = { system: 14, csm: 30 } as const satisfies Record<TTouchpointDef["owner"], number>;

/**
 * Whether a touchpoint due at `dueAt` is past its owner's catch-up window at `now`, counted in UTC
 * calendar days like the stage days (so the tab's "due N days ago" and this rule agree): due exactly
 * the window's days ago is still acted on, a day more is missed.
 */
export const isMissed = (owner: TTouchpointDef["owner"], dueAt: Date, now: Date): boolean =>
  daysBetween(dueAt, now) > CATCH_UP_DAYS[owner];

const dateKey = (x: Date) => x.toISOString().slice(0, 10);

/**
 * Touchpoints due by `now` for the account's current stage and overlay (disabled ones never are). Each
 * is flagged `missed` when it fell due longer ago than its owner's catch-up window (`CATCH_UP_DAYS`):
 * the caller records it, but neither proposes it to the customer nor assigns it to a CSM.
 */
export function dueTouchpoints(plan: readonly TTouchpointDef[], ctx: TPlanContext): TDueTouchpoint[] {
  return dueOnSchedule(plan, ctx).map((t) => ({ ...t, missed: isMissed(t.owner, t.dueAt, ctx.now) }));
}

function dueOnSchedule(plan: readonly TTouchpointDef[], ctx: TPlanContext): Omit<TDueTouchpoint, "missed">[] {
  const out: Omit<TDueTouchpoint, "missed">[] = [];
  const inStage = daysBetween(ctx.enteredAt, ctx.now);
  for (const def of plan) {
    if (!def.enabled) continue;
    const base = { key: def.key, stage: def.stage, channel: def.channel, owner: def.owner };
    const t = def.trigger;
    if (def.stage === "renewal") {
      if (!ctx.renewal || !ctx.contractEnd || t.type !== "before_end") continue;
      const dueAt = subWholeDays(ctx.contractEnd, t.days);
      if (dueAt <= ctx.now) out.push({ ...base, cycle: `term:${dateKey(ctx.contractEnd)}`, dueAt });
      continue;
    }
    if (def.stage !== ctx.stage) continue;
    if (t.type === "day" && t.day <= inStage) {
      out.push({
        ...base,
        cycle: `stage:${dateKey(ctx.enteredAt)}`,
        dueAt: addWholeDays(ctx.enteredAt, t.day),
      });
    } else if (t.type === "quarterly") {
      const quarter = Math.floor(inStage / 91);
      out.push({
        ...base,
        cycle: `q:${dateKey(ctx.enteredAt)}:${quarter}`,
        dueAt: addWholeDays(ctx.enteredAt, quarter * 91),
      });
    } else if (t.type === "signal") {
      const at = ctx.signals.get(t.signal);
      if (at && at >= ctx.enteredAt && at <= ctx.now)
        out.push({ ...base, cycle: `signal:${at.toISOString()}`, dueAt: at });
    }
  }
  return out;
}

/** Upcoming day/renewal touchpoints of the current stage and overlay, soonest first (for the journey tab). */
export function upcomingTouchpoints(
  plan: readonly TTouchpointDef[],
  ctx: TPlanContext,
  horizonDays = 45,
): TDueTouchpoint[] {
  const later = { ...ctx, now: addWholeDays(ctx.now, horizonDays) };
  const now = dueTouchpoints(plan, ctx);
  const seen = new Set(now.map((t) => `${t.key}|${t.cycle}`));
  return dueTouchpoints(plan, { ...later, renewal: ctx.renewal || later.renewal, signals: new Map() })
    .filter((t) => t.dueAt > ctx.now && !seen.has(`${t.key}|${t.cycle}`))
    .map((t) => ({ ...t, missed: false }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
