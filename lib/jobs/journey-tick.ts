import "server-only";
import { reevaluateAccount } from "../actions/journey-reevaluate";
import { lastFullRecomputeAt, staleTouchpointAccounts } from "../data/journey-runs";
import { log } from "../log";
import { recomputeAllJourneys, type TRecomputeSummary } from "./journey-recompute";
import { addWholeDays } from "../domain/time/days";

// Spec: "Stages are re-evaluated at least monthly". 30 days is the shortest month.
export const FULL_RECOMPUTE_EVERY_DAYS = 30;
// Accounts whose touchpoints are planned per tick, stalest first (a tick runs every 30 minutes).
export const PLAN_PER_TICK = 200;

export type TJourneyTick = { recompute: TRecomputeSummary | null; planned: number; failed: number };

/**
 * The journeys part of the lifecycle tick: a full recompute when the last one is older than a month
 * (or never ran), then touchpoint planning for the accounts planned longest ago. One account failing
 * does not stop the others; it is logged and counted.
 */
export async function runJourneyTick(o: { now?: Date; perTick?: number } = {}): Promise<TJourneyTick> {
  const now = o.now ?? new Date();
  const last = await lastFullRecomputeAt();
  const due = !last || now > addWholeDays(last, FULL_RECOMPUTE_EVERY_DAYS);
  const recompute = due ? await recomputeAllJourneys({ now }) : null;
  const stale = await staleTouchpointAccounts(now, o.perTick ?? PLAN_PER_TICK);
  let planned = 0;
  let failed = 0;
  for (const id of stale) {
    try {
      await reevaluateAccount(id, { now });
      planned++;
    } catch (error) {
      failed++;
      log.warn("journey re-evaluation failed", { account: id, error: (error as Error).message });
    }
  }
  return { recompute, planned, failed };
}
