import "server-only";
// eslint-disable-next-line import/no-restricted-paths -- the journey tick reads the database directly; moves to lib/jobs + lib/data (items 1, 2)
import { db } from "../db";
import { log } from "../log";
import { reevaluateAccount, recomputeAllJourneys, type TRecomputeSummary } from "./reevaluate";

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
  const sql = db().sql;
  const [last] = await sql.query<{ at: Date | null }>(
    `SELECT max(finished_at) AS at FROM journey_runs WHERE kind = 'full'`,
  );
  const due = !last?.at || now.getTime() - new Date(last.at).getTime() > FULL_RECOMPUTE_EVERY_DAYS * 86_400_000;
  const recompute = due ? await recomputeAllJourneys({ now }) : null;
  const stale = await sql.query<{ id: string }>(
    `SELECT account_id::text AS id FROM journey_states
     WHERE touchpoints_planned_at IS NULL OR touchpoints_planned_at < $1::timestamptz - interval '1 day'
     ORDER BY touchpoints_planned_at NULLS FIRST, account_id LIMIT $2`,
    [now.toISOString(), o.perTick ?? PLAN_PER_TICK],
  );
  let planned = 0;
  let failed = 0;
  for (const { id } of stale) {
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
