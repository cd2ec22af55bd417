import "server-only";
import { mkdir, appendFile } from "node:fs/promises";
import { join } from "node:path";
import { runMutation } from "../actions/mutation";
import { proposeAutoCompleteMutation, proposeNudgeMutation } from "../actions/nudges";
import { recordLedger } from "../data/ledger";
import { insertDecisions, knownDedupeKeys } from "../data/nudges";
import { listAutoCompleteDue, pageOnboardingCandidates, type TCandidateCursor } from "../data/onboarding";
import type { TActor } from "../domain/auth/actor";
import type { TNudgeCandidate } from "../domain/nudges/candidate";
import { DECISIONS, type TNudgeTemplate } from "../domain/nudges/heuristic";
import {
  DEFAULT_TICK_CAP,
  countByTemplate,
  decideAll,
  heuristicLogLine,
  nudgesToPropose,
  runIdOf,
  takeUntilCap,
} from "../domain/nudges/tick-plan";
import type { TResult } from "../errors";
import { log } from "../log";
import { ingestReportLogs, reportLogs } from "../shadow/ingest";
import { HEURISTIC_LOG_FILE, shadowLogDir } from "../shadow/paths";
import { runSuccessTick } from "./success-tick";

/** Who the ledger and the proposals name for what the tick does on its own (a CSM may propose). */
export const TICK_ACTOR: TActor = { type: "system", id: "lifecycle-tick", role: "csm", label: "lifecycle tick" };

// Candidates are read in pages of this size (the listing's own maximum).
const PAGE = 500;
// The tick reads the spec's default lookback: days 0..29. Accounts at 30+ days are not candidates;
// they are found by `listAutoCompleteDue` and proposed for auto-completion instead.
const LOOKBACK_DAYS = 30;

export type TTickSummary = {
  run_id: number;
  candidates: number;
  decisions: Record<TNudgeTemplate, number>;
  nudges_wanted: number;
  proposals_created: number;
  /** Refused by the proposal's own dedupe (a concurrent tick or an agent got there first). */
  already_proposed: number;
  failed: number;
  skipped_by_cap: number;
  auto_complete_proposed: number;
  auto_complete_skipped_by_cap: number;
  log_file: string;
};

/**
 * One lifecycle tick (spec "The heuristic"): reads every candidate, decides with the reference
 * heuristic, appends one heuristic log row per candidate (one write for the whole tick, so rows of
 * concurrent writers never interleave), stores the decisions, proposes each send-aware nudge not yet
 * sent or proposed until `cap` proposals were created, and proposes auto-completion for accounts at
 * 30+ days (its own cap of the same size). Ledgers one `lifecycle.tick` summary. Two ticks at once
 * create no duplicate proposals: the proposals' unique dedupe key refuses the second.
 */
export async function runTick(o: { now?: Date; cap?: number; logDir?: string } = {}): Promise<TTickSummary> {
  const now = o.now ?? new Date();
  const cap = o.cap ?? DEFAULT_TICK_CAP;
  const runId = runIdOf(now);
  const candidates = await readAllCandidates(now);
  const decisions = decideAll(candidates);

  const logFile = join(o.logDir ?? shadowLogDir(), HEURISTIC_LOG_FILE);
  if (decisions.length > 0) {
    const timestamp = now.toISOString();
    const text = decisions.map((d) => `${heuristicLogLine(d, runId, timestamp)}\n`).join("");
    await mkdir(o.logDir ?? shadowLogDir(), { recursive: true });
    await appendFile(logFile, text, { flag: "a" }); // O_APPEND: the tick's rows land as one block
  }
  await ingestLogs(o.logDir);
  const due = await listAutoCompleteDue({ now, limit: cap });
  await insertDecisions([
    ...decisions.map((d) => ({
      runId,
      accountId: d.candidate.organization_id,
      template: d.reference.template,
      action: d.reference.action,
      reason: d.reference.reason,
      decidedAt: now,
    })),
    ...due.due.map((a) => ({
      runId,
      accountId: a.accountId,
      template: DECISIONS.autoComplete.template,
      action: DECISIONS.autoComplete.action,
      reason: DECISIONS.autoComplete.reason,
      decidedAt: now,
    })),
  ]);

  const known = await knownDedupeKeys(candidates.map((c) => c.organization_id));
  const wanted = nudgesToPropose(decisions, known);
  const outcome = { already: 0, failed: 0 };
  const count = (r: TResult<unknown>) => {
    if (r.ok) return true;
    if (r.code === "conflict") outcome.already++;
    else outcome.failed++;
    if (r.code !== "conflict") log.warn("lifecycle tick: proposal not created", { code: r.code, fields: r.fields });
    return false;
  };
  const nudges = await takeUntilCap(wanted, cap, async (n) =>
    count(
      await runMutation(proposeNudgeMutation, TICK_ACTOR, {
        account_id: n.accountId,
        template: n.template,
        reason: n.reason,
      }),
    ),
  );
  const completes = await takeUntilCap(due.due, cap, async (a) =>
    count(await runMutation(proposeAutoCompleteMutation, TICK_ACTOR, { account_id: a.accountId })),
  );

  const summary: TTickSummary = {
    run_id: runId,
    candidates: candidates.length,
    decisions: countByTemplate(decisions),
    nudges_wanted: wanted.length,
    proposals_created: nudges.created,
    already_proposed: outcome.already,
    failed: outcome.failed,
    skipped_by_cap: nudges.skippedByCap,
    auto_complete_proposed: completes.created,
    auto_complete_skipped_by_cap: completes.skippedByCap + (due.total - due.due.length),
    log_file: logFile,
  };
  await recordLedger({
    actorType: TICK_ACTOR.type,
    actorId: TICK_ACTOR.id,
    actorRole: TICK_ACTOR.role,
    action: "lifecycle.tick",
    target: `tick:${runId}`,
    summary: tickLedgerSummary(summary),
    requestId: null,
    payloadHash: null,
  });
  await runSuccessTick(now, TICK_ACTOR);
  return summary;
}

const tickLedgerSummary = (s: TTickSummary) =>
  `run ${s.run_id}: ${s.candidates} candidates; ${s.proposals_created} nudges proposed` +
  ` (${s.already_proposed} already proposed, ${s.skipped_by_cap} held by cap, ${s.failed} failed);` +
  ` ${s.auto_complete_proposed} auto-completions proposed (${s.auto_complete_skipped_by_cap} held by cap)`;

// The tick keeps the report's ingested logs current, so the Shadow page has little left to read. A
// failure here is logged and left to the next tick or page view: it must not stop the proposals.
async function ingestLogs(logDir: string | undefined): Promise<void> {
  try {
    await ingestReportLogs({ ...reportLogs(), ...(logDir ? { dir: logDir } : {}) });
  } catch (error) {
    log.warn("lifecycle tick: shadow log ingestion failed", { error: (error as Error).message });
  }
}

async function readAllCandidates(now: Date): Promise<TNudgeCandidate[]> {
  const all: TNudgeCandidate[] = [];
  let after: TCandidateCursor | undefined;
  for (;;) {
    const page = await pageOnboardingCandidates({ lookbackDays: LOOKBACK_DAYS, limit: PAGE, now, after });
    all.push(...page.candidates);
    if (!page.next) return all;
    after = page.next;
  }
}
