import "server-only";
import { mkdir, appendFile } from "node:fs/promises";
import { join } from "node:path";
import { runMutation } from "../actions/mutation";
import { proposeAutoCompleteMutation, proposeNudgeMutation } from "../actions/nudges";
import { recordLedger } from "../data/ledger";
import { ledgerEntry } from "../domain/ledger/entry";
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
  type TNudgeToPropose,
  type TTickDecision,
} from "../domain/nudges/tick-plan";
import type { TResult } from "../errors";
import { log } from "../log";
import { HEURISTIC_LOG_FILE, shadowLogDir } from "../shadow/paths";
import { ingestShadowLogs } from "./shadow-ingest";
import { alertIfSlaCritical } from "./sla-monitor";
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
 * create no duplicate proposals: the proposals' unique dedupe key refuses the second. Then the success
 * tick and the SLA monitor, whose failures are logged and do not undo the nudge work. Each step below
 * is one named function, in the order it runs.
 */
export async function runTick(o: { now?: Date; cap?: number; logDir?: string } = {}): Promise<TTickSummary> {
  const now = o.now ?? new Date();
  const cap = o.cap ?? DEFAULT_TICK_CAP;
  const runId = runIdOf(now);
  const candidates = await readAllCandidates(now);
  const decisions = decideAll(candidates);
  const logFile = await appendHeuristicLog(decisions, runId, now, o.logDir);
  await ingestShadowLogs(o.logDir);
  const due = await listAutoCompleteDue({ now, limit: cap });
  await storeDecisions(decisions, due.due, runId, now);
  const wanted = nudgesToPropose(decisions, await knownDedupeKeys(candidates.map((c) => c.organization_id)));
  const outcome: TProposeOutcome = { already: 0, failed: 0 };
  const nudges = await proposeNudges(wanted, cap, outcome);
  const completes = await proposeAutoCompletions(due.due, cap, outcome);
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
  await ledgerTick(summary);
  await runSuccessTick(now, TICK_ACTOR);
  await monitorSla(now);
  return summary;
}

/** Appends one heuristic log row per decision in one write (rows of concurrent ticks never interleave). */
async function appendHeuristicLog(
  decisions: TTickDecision[],
  runId: number,
  now: Date,
  logDir: string | undefined,
): Promise<string> {
  const logFile = join(logDir ?? shadowLogDir(), HEURISTIC_LOG_FILE);
  if (decisions.length === 0) return logFile;
  const timestamp = now.toISOString();
  const text = decisions.map((d) => `${heuristicLogLine(d, runId, timestamp)}\n`).join("");
  await mkdir(logDir ?? shadowLogDir(), { recursive: true });
  await appendFile(logFile, text, { flag: "a" }); // O_APPEND: the tick's rows land as one block
  return logFile;
}

/** Stores every decision of this run: the heuristic's, then auto-completion for the accounts due. */
async function storeDecisions(decisions: TTickDecision[], due: TAutoCompleteDue[], runId: number, now: Date) {
  await insertDecisions([
    ...decisions.map((d) => ({
      runId,
      accountId: d.candidate.organization_id,
      template: d.reference.template,
      action: d.reference.action,
      reason: d.reference.reason,
      decidedAt: now,
    })),
    ...due.map((a) => ({
      runId,
      accountId: a.accountId,
      template: DECISIONS.autoComplete.template,
      action: DECISIONS.autoComplete.action,
      reason: DECISIONS.autoComplete.reason,
      decidedAt: now,
    })),
  ]);
}

type TAutoCompleteDue = Awaited<ReturnType<typeof listAutoCompleteDue>>["due"][number];

type TProposeOutcome = { already: number; failed: number };

// Counts a proposal that was not created: refused by its dedupe (already proposed) or failed.
function counted(outcome: TProposeOutcome, r: TResult<unknown>): boolean {
  if (r.ok) return true;
  if (r.code === "conflict") outcome.already++;
  else outcome.failed++;
  if (r.code !== "conflict") log.warn("lifecycle tick: proposal not created", { code: r.code, fields: r.fields });
  return false;
}

/** Proposes each wanted nudge until `cap` proposals were created. */
async function proposeNudges(wanted: TNudgeToPropose[], cap: number, outcome: TProposeOutcome) {
  return takeUntilCap(wanted, cap, async (n) =>
    counted(
      outcome,
      await runMutation(proposeNudgeMutation, TICK_ACTOR, {
        account_id: n.accountId,
        template: n.template,
        reason: n.reason,
      }),
    ),
  );
}

/** Proposes auto-completion for the accounts at 30+ days, with its own cap of the same size. */
async function proposeAutoCompletions(due: TAutoCompleteDue[], cap: number, outcome: TProposeOutcome) {
  return takeUntilCap(due, cap, async (a) =>
    counted(outcome, await runMutation(proposeAutoCompleteMutation, TICK_ACTOR, { account_id: a.accountId })),
  );
}

/** Ledgers the tick's one `lifecycle.tick` summary. */
async function ledgerTick(s: TTickSummary): Promise<void> {
  await recordLedger(
    ledgerEntry(TICK_ACTOR, { action: "lifecycle.tick", target: `tick:${s.run_id}`, summary: tickLedgerSummary(s) }),
  );
}

const tickLedgerSummary = (s: TTickSummary) =>
  `run ${s.run_id}: ${s.candidates} candidates; ${s.proposals_created} nudges proposed` +
  ` (${s.already_proposed} already proposed, ${s.skipped_by_cap} held by cap, ${s.failed} failed);` +
  ` ${s.auto_complete_proposed} auto-completions proposed (${s.auto_complete_skipped_by_cap} held by cap)`;

// The SLA monitor rides the tick; like the success tick, its failure is logged and does not undo or
// block the nudge work of the same tick.
async function monitorSla(now: Date): Promise<void> {
  try {
    await alertIfSlaCritical(now);
  } catch (error) {
    log.error("SLA monitor failed", { error: (error as Error).message });
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
