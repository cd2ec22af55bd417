import { TEMPLATES, TPL_NONE, type TTemplate } from "./codes";
import { agreementPct } from "./kappa";
import type { ShadowRows } from "./store";

/**
 * Comparison 2 (spec "Agreement"): the shadow agent against what was actually sent. Per organization,
 * the nudge the shadow suggested last — its latest decision that was a nudge, or `none` when it never
 * suggested one — against the latest nudge sent to it (by sent-at time), or `none`:
 * - agree: the same template (both `none` included);
 * - pending: the shadow suggests a nudge that has not been sent (yet), e.g. nothing sent so far;
 * - disagree: anything else (a nudge went out the shadow never suggested, or it suggests one already
 *   overtaken by a later sent nudge);
 * - unmatched: the console has no account for that organization.
 * Sends happen only through approved proposals, so "sent" is also "approved and delivered".
 */

export const SENT_OUTCOMES = ["agree", "pending", "disagree", "unmatched"] as const;
export type TSentOutcome = (typeof SENT_OUTCOMES)[number];

/** When each nudge went out (epoch ms), null when it has not. */
export type TSentState = { day1: number | null; day3: number | null; day7: number | null };

export type TSentInput = {
  organization_id: string;
  shadow_template: TTemplate;
  /** Null when the organization is not an account of this console. */
  sent: TSentState | null;
};

export type TSentSample = {
  organization_id: string;
  shadow_template: TTemplate;
  sent_template: TTemplate;
  sent_at: string | null;
};

export type TSentReport = {
  orgs: number;
  agree: number;
  pending: number;
  disagree: number;
  unmatched: number;
  /** 100·agree/(agree+disagree): pending orgs are not decided yet, unmatched ones cannot be. */
  agreement_pct: number | null;
  /** shadow template → sent template → orgs (unmatched orgs left out). */
  confusion: Record<string, Record<string, number>>;
  disagreement_samples: TSentSample[];
};

const KEYS = ["day1", "day3", "day7"] as const;
const TEMPLATE_OF = { day1: "day1-pair-screen", day3: "day3-upload-content", day7: "day7-create-schedule" } as const;

/**
 * The latest sent nudge by sent-at time; at the very same instant the later nudge of the sequence
 * (day7 after day3 after day1). `none` when nothing was sent.
 */
export function latestSent(sent: TSentState): { template: TTemplate; at: number | null } {
  let best: (typeof KEYS)[number] | null = null;
  for (const key of KEYS) {
    const at = sent[key];
    if (at !== null && (best === null || at >= sent[best]!)) best = key;
  }
  return best === null ? { template: "none", at: null } : { template: TEMPLATE_OF[best], at: sent[best] };
}

/** The outcome of one organization (see the module comment). */
export function sentOutcome(shadow: TTemplate, sent: TSentState | null): TSentOutcome {
  if (sent === null) return "unmatched";
  const latest = latestSent(sent).template;
  if (shadow === latest) return "agree";
  if (shadow !== "none") {
    const key = KEYS.find((k) => TEMPLATE_OF[k] === shadow)!;
    if (sent[key] === null) return "pending";
  }
  return "disagree";
}

// Spec: "at most a few dozen disagreement samples".
const DEFAULT_SAMPLE_LIMIT = 30;

/** Counts every organization once; an organization listed twice is a caller's bug and throws. */
export function compareWithSent(inputs: readonly TSentInput[], options: { sampleLimit?: number } = {}): TSentReport {
  const limit = options.sampleLimit ?? DEFAULT_SAMPLE_LIMIT;
  const counts: Record<TSentOutcome, number> = { agree: 0, pending: 0, disagree: 0, unmatched: 0 };
  const confusion = Object.fromEntries(
    TEMPLATES.map((s) => [s, Object.fromEntries(TEMPLATES.map((t) => [t, 0]))]),
  ) as Record<string, Record<string, number>>;
  const samples: TSentSample[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.organization_id)) throw new Error(`organization ${input.organization_id} listed twice`);
    seen.add(input.organization_id);
    const outcome = sentOutcome(input.shadow_template, input.sent);
    counts[outcome]++;
    if (input.sent === null) continue;
    const latest = latestSent(input.sent);
    confusion[input.shadow_template]![latest.template]!++;
    if (outcome === "disagree" && samples.length < limit) {
      samples.push({
        organization_id: input.organization_id,
        shadow_template: input.shadow_template,
        sent_template: latest.template,
        sent_at: latest.at === null ? null : new Date(latest.at).toISOString(),
      });
    }
  }
  return {
    orgs: seen.size,
    ...counts,
    agreement_pct: agreementPct(counts.agree, counts.disagree),
    confusion,
    disagreement_samples: samples,
  };
}

/**
 * Per organization of a shadow log, the nudge it suggested last: its latest decision (by timestamp;
 * at the same instant the later line) that was not `none`, else `none`. Organization numbers index
 * `names`; the result is in order of first appearance.
 */
export function latestSuggestions(rows: ShadowRows, names: readonly string[]): Map<string, TTemplate> {
  const count = names.length;
  const bestTs = new Float64Array(count).fill(-Infinity);
  const best = new Int16Array(count).fill(-1);
  const seen = new Uint8Array(count);
  const order: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const org = rows.org[i]!;
    if (!seen[org]) {
      seen[org] = 1;
      order.push(org);
    }
    const template = rows.template[i]!;
    if (template === TPL_NONE) continue;
    if (rows.ts[i]! >= bestTs[org]!) {
      bestTs[org] = rows.ts[i]!;
      best[org] = template;
    }
  }
  return new Map(order.map((org) => [names[org]!, TEMPLATES[best[org]! < 0 ? TPL_NONE : best[org]!]!]));
}

/** Comparison 2 for a shadow log file: the report plus what was read from the file. */
export type TSentFileReport = TSentReport & {
  shadow: {
    lines: number;
    decisions: number;
    malformed: number;
    malformed_lines: number[];
    partial_last_line: boolean;
  };
};
