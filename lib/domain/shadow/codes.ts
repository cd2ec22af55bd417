import * as heuristic from "../nudges/heuristic";
import { NUDGE_TEMPLATES, type TNudgeTemplate } from "../nudges/heuristic";

/**
 * Small integer codes for the values the agreement report counts, so a million rows fit in typed
 * arrays (one byte each) instead of objects. Codes are indexes into the spec's own lists.
 */

export const TEMPLATES = NUDGE_TEMPLATES;
export type TTemplate = TNudgeTemplate;
export const TEMPLATE_COUNT = TEMPLATES.length;
export const TPL_DAY1 = TEMPLATES.indexOf("day1-pair-screen");
export const TPL_DAY3 = TEMPLATES.indexOf("day3-upload-content");
export const TPL_DAY7 = TEMPLATES.indexOf("day7-create-schedule");
export const TPL_NONE = TEMPLATES.indexOf("none");

// A tier's code is its position in the one list of tiers.
import { TIERS, type TTier } from "../accounts/tiers";
export { TIERS, type TTier };
export const TIER_COUNT = TIERS.length;
// Spec "Inputs": a tier outside the list reads as `free`.
export const TIER_FREE = TIERS.indexOf("free");

export const templateCode = (name: string): number => (TEMPLATES as readonly string[]).indexOf(name);
export const tierCode = (name: string): number => {
  const code = (TIERS as readonly string[]).indexOf(name);
  return code < 0 ? TIER_FREE : code;
};

// Per-row bit set: which nudges the row says were already sent, which milestones are done, and
// whether the row carried milestone flags at all (a replay of the heuristic needs them).
export const SENT_DAY1 = 1;
export const SENT_DAY3 = 2;
export const SENT_DAY7 = 4;
export const FLAG_SCREEN_PAIRED = 8;
export const FLAG_CONTENT_UPLOADED = 16;
export const FLAG_SCHEDULE_CREATED = 32;
export const HAS_MILESTONES = 64;

/** The "already sent" bit that makes a shadow `none` against this reference template a known divergence. */
export function sentBitFor(template: number): number {
  if (template === TPL_DAY1) return SENT_DAY1;
  if (template === TPL_DAY3) return SENT_DAY3;
  if (template === TPL_DAY7) return SENT_DAY7;
  return 0;
}

// Day windows of the breakdown: the heuristic's nudge windows and the gaps between them (spec table).
export const DAY_WINDOWS = [
  "day 0",
  "days 1–2",
  "days 3–4",
  "days 5–6",
  "days 7–10",
  "days 11–29",
  "days 30+",
  "unknown",
] as const;
export const DAY_WINDOW_COUNT = DAY_WINDOWS.length;

// Copied once: bundlers compile imported bindings to getters, and dayWindow runs once per row.
const { AUTO_COMPLETE_AFTER_DAYS, DAY1_WINDOW, DAY3_WINDOW, DAY7_WINDOW } = heuristic;
const DAY1_FIRST = DAY1_WINDOW.first;
const DAY1_LAST = DAY1_WINDOW.last;
const DAY3_LAST = DAY3_WINDOW.last;
const DAY7_FIRST = DAY7_WINDOW.first;
const DAY7_LAST = DAY7_WINDOW.last;

/** Window code of `days_since_signup`; -1 (missing) reads as "unknown". */
export function dayWindow(days: number): number {
  if (days < 0) return 7;
  if (days < DAY1_FIRST) return 0;
  if (days <= DAY1_LAST) return 1;
  if (days <= DAY3_LAST) return 2;
  if (days < DAY7_FIRST) return 3;
  if (days <= DAY7_LAST) return 4;
  if (days < AUTO_COMPLETE_AFTER_DAYS) return 5;
  return 6;
}

// Outcome codes of one shadow decision row (spec "Agreement").
export const OUTCOMES = ["agree", "disagree", "known_divergence", "unmatched"] as const;
export type TOutcome = (typeof OUTCOMES)[number];
export const AGREE = 0;
export const DISAGREE = 1;
export const KNOWN_DIVERGENCE = 2;
export const UNMATCHED = 3;

/** The reasoning text of a heartbeat row, exactly (spec "Agent tools": zero candidates). */
export const HEARTBEAT_REASONING = "heartbeat: 0 candidates";
