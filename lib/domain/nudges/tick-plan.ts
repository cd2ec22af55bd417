import type { TNudgeCandidate } from "./candidate";
import {
  NUDGE_TEMPLATES,
  decideNudge,
  decideNudgeSendAware,
  type TNudgeDecision,
  type TNudgeTemplate,
} from "./heuristic";
import { isNudgeEmailTemplate, type TNudgeEmailTemplate } from "./templates";

/**
 * The pure half of a lifecycle tick: decisions, heuristic log lines and which proposals to make under
 * the per-tick cap. The I/O half (read candidates, write the log, store decisions, run mutations) is
 * lib/jobs/lifecycle-tick.ts.
 */

// Spec "The heuristic": the cron caps real sends per run at 50 (circuit breaker).
export const DEFAULT_TICK_CAP = 50;

/** Storage keys of the partial unique index: one live proposal per (account, template) / account. */
export const nudgeDedupeKey = (accountId: string, template: TNudgeEmailTemplate) => `nudge:${accountId}:${template}`;
export const autoCompleteDedupeKey = (accountId: string) => `auto_complete:${accountId}`;

/** `run_id` of a tick: epoch seconds of its start, shared by all its rows. */
export const runIdOf = (startedAt: Date) => Math.floor(startedAt.getTime() / 1000);

export type TTickDecision = {
  candidate: TNudgeCandidate;
  /** The reference heuristic: what the log and the decisions table record. */
  reference: TNudgeDecision;
  /** Send-aware: a nudge already sent reads `none`. What the tick proposes. */
  sendAware: TNudgeDecision;
};

export const decideAll = (candidates: readonly TNudgeCandidate[]): TTickDecision[] =>
  candidates.map((candidate) => ({
    candidate,
    reference: decideNudge(candidate),
    sendAware: decideNudgeSendAware(candidate),
  }));

/**
 * One heuristic log row (spec "Heuristic log"), key order fixed so every line has the common shape the
 * agreement scanner reads fastest. Carries no name, email or billing data: only the candidate's signals.
 */
export function heuristicLogLine(d: TTickDecision, runId: number, timestamp: string): string {
  const c = d.candidate;
  const f = c.milestone_flags;
  return JSON.stringify({
    timestamp,
    run_id: runId,
    organization_id: c.organization_id,
    tier: c.tier,
    days_since_signup: c.days_since_signup,
    heuristic_template: d.reference.template,
    heuristic_action: d.reference.action,
    heuristic_reason: d.reference.reason,
    input_signals: {
      milestone_flags: {
        welcomed: f.welcomed,
        screen_paired: f.screen_paired,
        content_uploaded: f.content_uploaded,
        playlist_created: f.playlist_created,
        schedule_created: f.schedule_created,
      },
    },
  });
}

export type TNudgeToPropose = { accountId: string; template: TNudgeEmailTemplate; reason: string };

/**
 * The nudges a tick should propose: send-aware `send_nudge` decisions whose dedupe key is not in
 * `known` (a live or rejected proposal: a human already has it, or said no), in candidate order. The
 * tick walks this list until its cap of created proposals is reached (see `takeUntilCap`).
 */
export function nudgesToPropose(decisions: readonly TTickDecision[], known: ReadonlySet<string>): TNudgeToPropose[] {
  const wanted: TNudgeToPropose[] = [];
  for (const d of decisions) {
    const template = d.sendAware.template;
    if (d.sendAware.action !== "send_nudge" || !isNudgeEmailTemplate(template)) continue;
    const accountId = d.candidate.organization_id;
    if (known.has(nudgeDedupeKey(accountId, template))) continue;
    wanted.push({ accountId, template, reason: d.sendAware.reason });
  }
  return wanted;
}

/**
 * Tries `items` in order with `attempt` (true = created) until `cap` were created; the circuit breaker
 * leaves the rest untried for a later tick. Attempts run one at a time: each is its own transaction
 * and ledger entry, and a failed or refused one does not count against the cap.
 */
export async function takeUntilCap<T>(
  items: readonly T[],
  cap: number,
  attempt: (item: T) => Promise<boolean>,
): Promise<{ created: number; skippedByCap: number }> {
  const limit = Math.max(0, Math.floor(cap));
  let created = 0;
  for (let i = 0; i < items.length; i++) {
    if (created >= limit) return { created, skippedByCap: items.length - i };
    if (await attempt(items[i]!)) created++;
  }
  return { created, skippedByCap: 0 };
}

/** Reference decisions counted per template (every template present, zeros included). */
export function countByTemplate(decisions: readonly TTickDecision[]): Record<TNudgeTemplate, number> {
  const counts = Object.fromEntries(NUDGE_TEMPLATES.map((t) => [t, 0])) as Record<TNudgeTemplate, number>;
  for (const d of decisions) counts[d.reference.template]++;
  return counts;
}
