import "server-only";
import { recordLedger } from "../data/ledger";
import { evaluateAllJourneys, recordFullRecompute, snapshotPortfolioNow } from "../data/journey-runs";
import { JOURNEY_ACTOR } from "../domain/journeys/actor";
import { ledgerEntry } from "../domain/ledger/entry";

export type TRecomputeSummary = { accounts: number; changes: number; ms: number };

/**
 * Full set-based recompute of every journey (stage, overlays, health, events, history), then today's
 * portfolio snapshot. Touchpoints are planned per account by the tick, not here. Idempotent: a second
 * run with nothing changed records no changes. Records the run (the monthly schedule reads it) and
 * ledgers a summary.
 */
export async function recomputeAllJourneys(o: { now?: Date; page?: number } = {}): Promise<TRecomputeSummary> {
  const now = o.now ?? new Date();
  const started = Date.now();
  const { accounts, changes } = await evaluateAllJourneys({ now, page: o.page });
  const finished = new Date(now.getTime() + (Date.now() - started));
  await recordFullRecompute({ startedAt: now, finishedAt: finished, accounts, changes });
  await snapshotPortfolioNow(now);
  await recordLedger(
    ledgerEntry(JOURNEY_ACTOR, {
      action: "journeys.recompute",
      target: null,
      summary: `full journey recompute: ${accounts} accounts, ${changes} changes`,
    }),
  );
  return { accounts, changes, ms: Date.now() - started };
}
