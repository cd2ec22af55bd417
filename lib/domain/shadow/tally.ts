import * as codes from "./codes";
import * as match from "./match";
import type { THeuristicIndex } from "./match";
import * as replay from "./replay";
import type { ShadowRows } from "./store";
import * as timestamp from "./timestamp";

// Copied once: bundlers compile imported bindings to getters, too slow for a loop over a million rows.
const { AGREE, DISAGREE, KNOWN_DIVERGENCE, UNMATCHED, HAS_MILESTONES, TPL_NONE } = codes;
const { DAY_WINDOW_COUNT, TEMPLATE_COUNT, TEMPLATES, TIER_COUNT, dayWindow, sentBitFor } = codes;
const { closestRow } = match;
const { replayTemplate } = replay;
const { utcDay } = timestamp;

/**
 * One pass over the shadow decision rows: each is matched to its closest heuristic row and counted in
 * every view of the report at once (totals, confusion, tier, day window, day, latest per org, noise
 * floor, samples). Counts are typed arrays indexed by codes.ts codes; report.ts names them.
 */
export type TTally = {
  outcomes: Int32Array; // [outcome]
  confusion: Int32Array; // [shadow template * T + heuristic template], agree + disagree rows only
  knownByTemplate: Int32Array; // [heuristic template]
  byTier: Int32Array; // [tier * 4 + outcome]
  byWindow: Int32Array; // [day window * 4 + outcome]
  byDay: Map<number, Int32Array>; // UTC day → [outcome]
  latestOutcome: Int8Array; // [org] → outcome of its latest decision, -1 when it has none
  replayConfusion: Int32Array; // heuristic replayed on the shadow row's signals vs the matched row
  samples: { row: number; match: number }[]; // first disagreements in file order
};

const SENT_BIT = Uint8Array.from(TEMPLATES, (_, code) => sentBitFor(code));

/** Matches and counts every row of `shadow`; `orgCount` bounds its org numbers. Keeps at most `sampleLimit` samples. */
export function tallyAgreement(
  shadow: ShadowRows,
  index: THeuristicIndex,
  orgCount: number,
  sampleLimit: number,
): TTally {
  const T = TEMPLATE_COUNT;
  const outcomes = new Int32Array(4);
  const confusion = new Int32Array(T * T);
  const knownByTemplate = new Int32Array(T);
  const byTier = new Int32Array(TIER_COUNT * 4);
  const byWindow = new Int32Array(DAY_WINDOW_COUNT * 4);
  const byDay = new Map<number, Int32Array>();
  const latestTs = new Float64Array(orgCount).fill(-Infinity);
  const latestOutcome = new Int8Array(orgCount).fill(-1);
  const replayConfusion = new Int32Array(T * T);
  const samples: TTally["samples"] = [];
  const hints = new Int32Array(orgCount).fill(-1); // each org's last match: where its next one usually is
  let day = NaN;
  let dayCounts: Int32Array = new Int32Array(4);

  for (let i = 0; i < shadow.length; i++) {
    const org = shadow.org[i]!;
    const ts = shadow.ts[i]!;
    const mine = shadow.template[i]!;
    const bits = shadow.bits[i]!;
    const days = shadow.days[i]!;
    const matched = closestRow(index, org, ts, hints[org]);
    hints[org] = matched;
    let outcome = UNMATCHED;
    if (matched >= 0) {
      const theirs = index.template[matched]!;
      if (mine === theirs) outcome = AGREE;
      else if (mine === TPL_NONE && (bits & SENT_BIT[theirs]!) !== 0) outcome = KNOWN_DIVERGENCE;
      else outcome = DISAGREE;
      if (outcome === KNOWN_DIVERGENCE) knownByTemplate[theirs]!++;
      else confusion[mine * T + theirs]!++;
      if ((bits & HAS_MILESTONES) !== 0 && days >= 0) replayConfusion[replayTemplate(days, bits) * T + theirs]!++;
      if (outcome === DISAGREE && samples.length < sampleLimit) samples.push({ row: i, match: matched });
    }
    outcomes[outcome]!++;
    byTier[shadow.tier[i]! * 4 + outcome]!++;
    byWindow[dayWindow(days) * 4 + outcome]!++;
    const d = utcDay(ts);
    if (d !== day) {
      day = d;
      let counts = byDay.get(d);
      if (!counts) byDay.set(d, (counts = new Int32Array(4)));
      dayCounts = counts;
    }
    dayCounts[outcome]!++;
    // Latest decision per org; at the same instant the later line wins.
    if (ts >= latestTs[org]!) {
      latestTs[org] = ts;
      latestOutcome[org] = outcome;
    }
  }
  return { outcomes, confusion, knownByTemplate, byTier, byWindow, byDay, latestOutcome, replayConfusion, samples };
}
