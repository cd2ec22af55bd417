/**
 * The onboarding-nudge heuristic: the reference behaviour of the existing cron (spec "The heuristic"),
 * and the send-aware view the shadow agent is instructed to take. Pure: a candidate's signals in, one
 * decision out. Hot path of `lifecycle decide`, the tick and the agreement replay (≥ 1 000 000
 * decisions/s, `npm run bench`), so it allocates nothing: every outcome is a frozen shared object.
 */

export const NUDGE_TEMPLATES = ["day1-pair-screen", "day3-upload-content", "day7-create-schedule", "none"] as const;
export type TNudgeTemplate = (typeof NUDGE_TEMPLATES)[number];

export const NUDGE_ACTIONS = ["send_nudge", "auto_complete", "none"] as const;
export type TNudgeAction = (typeof NUDGE_ACTIONS)[number];

export type TNudgeDecision = Readonly<{
  template: TNudgeTemplate;
  action: TNudgeAction;
  reason: string;
  confidence: number;
}>;

/** What the rules read; tier, `welcomed` and `playlist_created` are deliberately not among them. */
export type TNudgeSignals = {
  days_since_signup: number;
  milestone_flags: { screen_paired: boolean; content_uploaded: boolean; schedule_created: boolean };
};
export type TSendAwareSignals = TNudgeSignals & { nudges_sent: { day1: boolean; day3: boolean; day7: boolean } };

// Nudge windows in whole days since signup, both ends included (spec "The heuristic", rules 1–3).
// They do not overlap, and a missed window is never made up later ("no retroactive day1 nudge").
export const DAY1_WINDOW = { first: 1, last: 2 } as const;
export const DAY3_WINDOW = { first: 3, last: 4 } as const;
export const DAY7_WINDOW = { first: 7, last: 10 } as const;
// Spec: "At ≥ 30 days the cron auto-completes the org's onboarding" (also the default lookback).
export const AUTO_COMPLETE_AFTER_DAYS = 30;

const decision = (template: TNudgeTemplate, action: TNudgeAction, reason: string, confidence: number) =>
  Object.freeze({ template, action, reason, confidence }) as TNudgeDecision;

// Reasons and confidences are the spec's table, word for word.
export const DECISIONS = Object.freeze({
  day1: decision("day1-pair-screen", "send_nudge", "no screen paired after day 1", 0.9),
  day3: decision("day3-upload-content", "send_nudge", "no content uploaded after day 3", 0.85),
  day7: decision("day7-create-schedule", "send_nudge", "no schedule after week 1", 0.8),
  none: decision("none", "none", "no nudge window matched", 1),
  autoComplete: decision("none", "auto_complete", "onboarding window over (30+ days)", 1),
  day1Sent: decision("none", "none", "day1 nudge already sent", 1),
  day3Sent: decision("none", "none", "day3 nudge already sent", 1),
  day7Sent: decision("none", "none", "day7 nudge already sent", 1),
});

/**
 * The reference decision: rules in order, first match wins, windows inclusive; 30+ days auto-completes.
 * Ignores `nudges_sent` (the cron skips already-sent nudges later, when it sends). Returns a shared
 * frozen object — compare by value or identity, never mutate. Expects whole days ≥ 0 (the candidate
 * schema guarantees it); anything else matches no window and reads as `none`.
 */
export function decideNudge(candidate: TNudgeSignals): TNudgeDecision {
  const days = candidate.days_since_signup;
  const flags = candidate.milestone_flags;
  if (days >= DAY1_WINDOW.first && days <= DAY1_WINDOW.last && !flags.screen_paired) return DECISIONS.day1;
  if (days >= DAY3_WINDOW.first && days <= DAY3_WINDOW.last && !flags.content_uploaded) return DECISIONS.day3;
  if (days >= DAY7_WINDOW.first && days <= DAY7_WINDOW.last && !flags.schedule_created) return DECISIONS.day7;
  if (days >= AUTO_COMPLETE_AFTER_DAYS) return DECISIONS.autoComplete;
  return DECISIONS.none;
}

/**
 * The send-aware decision (what the shadow agent is told to do): the reference decision, except that a
 * nudge already sent becomes `none` with a reason saying so. Auto-completion is unaffected. In the
 * agreement report, such a `none` against the reference nudge is a known divergence, not a disagreement.
 */
export function decideNudgeSendAware(candidate: TSendAwareSignals): TNudgeDecision {
  const reference = decideNudge(candidate);
  const sent = candidate.nudges_sent;
  if (reference === DECISIONS.day1) return sent.day1 ? DECISIONS.day1Sent : reference;
  if (reference === DECISIONS.day3) return sent.day3 ? DECISIONS.day3Sent : reference;
  if (reference === DECISIONS.day7) return sent.day7 ? DECISIONS.day7Sent : reference;
  return reference;
}
