import { AGREE, DAY_WINDOWS, DISAGREE, KNOWN_DIVERGENCE, TEMPLATE_COUNT, TEMPLATES, TIERS, UNMATCHED } from "./codes";
import { cutOverGates, type TGate } from "./gates";
import { agreementPct, cohensKappa } from "./kappa";
import { indexHeuristic, type THeuristicColumns } from "./match";
import type { ShadowRows } from "./store";
import { tallyAgreement, type TTally } from "./tally";
import { MS_PER_DAY } from "./timestamp";

export type TMalformedReason = { line: number; reason: string };

/** A log's line counts as its reader kept them (lib/shadow/scan/line-reader.ts). */
export type TLineStats = {
  lines: number;
  blank: number;
  malformed: number;
  malformedLines: number[];
  malformedReasons: TMalformedReason[];
  partialLastLine: boolean;
};

/** What a shadow-log reader produced (ShadowLogReader#log). */
export type TShadowLog = {
  rows: ShadowRows;
  orgNames: readonly string[];
  stats: TLineStats;
  heartbeats: { count: number; first: number | null; last: number | null };
};

/** What a heuristic-log reader produced (HeuristicLogReader#log), possibly in another thread. */
export type THeuristicLog = {
  rows: THeuristicColumns;
  orgNames: readonly string[];
  stats: TLineStats;
  replayed: number;
  replayMismatches: number;
};

export type TOutcomeCounts = {
  decisions: number;
  agree: number;
  disagree: number;
  known_divergence: number;
  unmatched: number;
  agreement_pct: number | null;
};

export type TDisagreementSample = {
  line: number;
  organization_id: string;
  timestamp: string;
  tier: string;
  days_since_signup: number | null;
  shadow_template: string;
  heuristic_template: string;
  heuristic_timestamp: string;
  hermes_reasoning?: string | null;
};

type TLogSummary = {
  lines: number;
  rows: number;
  blank_lines: number;
  malformed: number;
  malformed_lines: number[];
  malformed_reasons: TMalformedReason[];
  partial_last_line: boolean;
};

/** The agreement report (spec "Agreement", comparison 1), JSON-ready; `compare --json` prints it as is. */
export type TAgreementReport = {
  decisions: number;
  matched: number;
  agree: number;
  disagree: number;
  known_divergence: number;
  unmatched: number;
  malformed: number;
  malformed_lines: number[];
  agreement_pct: number | null;
  kappa: number | null;
  confusion: Record<string, Record<string, number>>;
  known_divergence_by_template: Record<string, number>;
  per_org: TOutcomeCounts & { orgs: number };
  by_tier: Record<string, TOutcomeCounts>;
  by_day_window: Record<string, TOutcomeCounts>;
  trend: (TOutcomeCounts & { day: string })[];
  heartbeats: number;
  first_heartbeat: string | null;
  last_heartbeat: string | null;
  heartbeat_span_days: number | null;
  firing_rate_per_hour: number | null;
  noise_floor: {
    method: string;
    compared: number;
    agree: number;
    disagree: number;
    agreement_pct: number | null;
    kappa: number | null;
    heuristic_self_replay: { rows: number; mismatches: number };
  };
  disagreement_samples: TDisagreementSample[];
  gates: TGate[];
  inputs: { shadow: TLogSummary & { heartbeats: number }; heuristic: TLogSummary };
};

// Spec: "at most a few dozen disagreement samples".
export const DEFAULT_SAMPLE_LIMIT = 30;

const iso = (ms: number) => new Date(ms).toISOString();

function counts(agree: number, disagree: number, known: number, unmatched: number): TOutcomeCounts {
  return {
    decisions: agree + disagree + known + unmatched,
    agree,
    disagree,
    known_divergence: known,
    unmatched,
    agreement_pct: agreementPct(agree, disagree),
  };
}
const countsAt = (a: ArrayLike<number>, at: number) =>
  counts(a[at + AGREE]!, a[at + DISAGREE]!, a[at + KNOWN_DIVERGENCE]!, a[at + UNMATCHED]!);

function matrix(cells: Int32Array): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  TEMPLATES.forEach((shadow, r) => {
    out[shadow] = Object.fromEntries(TEMPLATES.map((heuristic, c) => [heuristic, cells[r * TEMPLATE_COUNT + c]!]));
  });
  return out;
}

/**
 * Heuristic org numbers in the shadow log's numbering (new numbers for orgs only the heuristic has),
 * unless both logs were read with one interner already.
 */
function alignOrgs(shadow: TShadowLog, heuristic: THeuristicLog): { org: Int32Array; names: readonly string[] } {
  if (heuristic.orgNames === shadow.orgNames) return { org: heuristic.rows.org, names: shadow.orgNames };
  const names = [...shadow.orgNames];
  const ids = new Map(names.map((name, id) => [name, id]));
  const remap = heuristic.orgNames.map((name) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = names.push(name) - 1));
    return id;
  });
  const org = new Int32Array(heuristic.rows.length);
  for (let i = 0; i < org.length; i++) org[i] = remap[heuristic.rows.org[i]!]!;
  return { org, names };
}

/**
 * Compares a shadow log with a heuristic log (both already read). Pure and synchronous; time is only
 * what the rows say. `sampleLimit` caps the disagreement samples (default 30).
 */
export function compareLogs(
  shadow: TShadowLog,
  heuristic: THeuristicLog,
  options: { sampleLimit?: number } = {},
): TAgreementReport {
  const { org, names } = alignOrgs(shadow, heuristic);
  const index = indexHeuristic({ ...heuristic.rows, org, length: heuristic.rows.length }, names.length);
  const tally = tallyAgreement(shadow.rows, index, names.length, options.sampleLimit ?? DEFAULT_SAMPLE_LIMIT);
  const [agree, disagree, known, unmatched] = Array.from(tally.outcomes) as [number, number, number, number];
  const hb = shadow.heartbeats;
  const spanMs = hb.first !== null && hb.last !== null ? hb.last - hb.first : null;
  return {
    decisions: shadow.rows.length,
    matched: agree + disagree + known,
    agree,
    disagree,
    known_divergence: known,
    unmatched,
    malformed: shadow.stats.malformed,
    malformed_lines: shadow.stats.malformedLines,
    agreement_pct: agreementPct(agree, disagree),
    kappa: cohensKappa(tally.confusion, TEMPLATE_COUNT),
    confusion: matrix(tally.confusion),
    known_divergence_by_template: Object.fromEntries(TEMPLATES.map((t, c) => [t, tally.knownByTemplate[c]!])),
    per_org: perOrg(tally),
    by_tier: Object.fromEntries(TIERS.map((tier, k) => [tier, countsAt(tally.byTier, k * 4)])),
    by_day_window: Object.fromEntries(DAY_WINDOWS.map((w, k) => [w, countsAt(tally.byWindow, k * 4)])),
    trend: [...tally.byDay.entries()]
      .sort(([a], [b]) => a - b)
      .map(([day, c]) => ({ day: iso(day * MS_PER_DAY).slice(0, 10), ...countsAt(c, 0) })),
    heartbeats: hb.count,
    first_heartbeat: hb.first === null ? null : iso(hb.first),
    last_heartbeat: hb.last === null ? null : iso(hb.last),
    heartbeat_span_days: spanMs === null ? null : spanMs / MS_PER_DAY,
    // Ticks per hour between the first and last heartbeat: n heartbeats span n − 1 intervals.
    firing_rate_per_hour: spanMs ? (hb.count - 1) / (spanMs / 3_600_000) : null,
    noise_floor: noiseFloor(tally, heuristic),
    disagreement_samples: tally.samples.map(({ row, match }) => sample(shadow.rows, index, names, row, match)),
    gates: cutOverGates({
      decisions: shadow.rows.length,
      agree,
      disagree,
      firstHeartbeat: hb.first,
      lastHeartbeat: hb.last,
    }),
    inputs: {
      shadow: { ...summary(shadow.stats, shadow.rows.length), heartbeats: hb.count },
      heuristic: summary(heuristic.stats, heuristic.rows.length),
    },
  };
}

function perOrg(tally: TTally): TAgreementReport["per_org"] {
  const c = new Int32Array(4);
  for (const outcome of tally.latestOutcome) if (outcome >= 0) c[outcome]!++;
  const out = countsAt(c, 0);
  return { orgs: out.decisions, ...out };
}

function noiseFloor(tally: TTally, heuristic: THeuristicLog): TAgreementReport["noise_floor"] {
  let compared = 0;
  let agree = 0;
  const cells = tally.replayConfusion;
  for (let r = 0; r < TEMPLATE_COUNT; r++) {
    for (let c = 0; c < TEMPLATE_COUNT; c++) {
      compared += cells[r * TEMPLATE_COUNT + c]!;
      if (r === c) agree += cells[r * TEMPLATE_COUNT + c]!;
    }
  }
  return {
    method:
      "the reference heuristic replayed on each matched shadow row's own signals (days, milestone flags) and compared with the matched heuristic row: the disagreement that timing alone causes",
    compared,
    agree,
    disagree: compared - agree,
    agreement_pct: agreementPct(agree, compared - agree),
    kappa: cohensKappa(cells, TEMPLATE_COUNT),
    heuristic_self_replay: { rows: heuristic.replayed, mismatches: heuristic.replayMismatches },
  };
}

function sample(
  rows: ShadowRows,
  index: { ts: Float64Array; template: Uint8Array },
  names: readonly string[],
  i: number,
  match: number,
): TDisagreementSample {
  const days = rows.days[i]!;
  return {
    line: rows.line[i]!,
    organization_id: names[rows.org[i]!]!,
    timestamp: iso(rows.ts[i]!),
    tier: TIERS[rows.tier[i]!]!,
    days_since_signup: days < 0 ? null : days,
    shadow_template: TEMPLATES[rows.template[i]!]!,
    heuristic_template: TEMPLATES[index.template[match]!]!,
    heuristic_timestamp: iso(index.ts[match]!),
  };
}

function summary(stats: TLineStats, rows: number): TLogSummary {
  return {
    lines: stats.lines,
    rows,
    blank_lines: stats.blank,
    malformed: stats.malformed,
    malformed_lines: stats.malformedLines,
    malformed_reasons: stats.malformedReasons,
    partial_last_line: stats.partialLastLine,
  };
}
