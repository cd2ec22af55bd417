import "server-only";
import { randomUUID } from "node:crypto";
import { db, prisma } from "../db";
import { evaluatePages } from "./journey-reevaluate";
import { snapshotPortfolio } from "./journey-portfolio";
import { sqlQuery } from "./journey-query";

/**
 * Evaluates every journey set-based (see `evaluatePages`) on the engine's own connection, so each
 * page is one short transaction. Returns accounts and changes.
 */
export async function evaluateAllJourneys(o: { now: Date; page?: number }): Promise<{ accounts: number; changes: number }> {
  return evaluatePages(db().sql, o);
}

/** Stores today's portfolio snapshot (the journey report's history). */
export async function snapshotPortfolioNow(now: Date): Promise<void> {
  await snapshotPortfolio(sqlQuery(db().sql), now);
}

/** Records one finished full recompute; the monthly schedule reads `lastFullRecomputeAt`. */
export async function recordFullRecompute(r: { startedAt: Date; finishedAt: Date; accounts: number; changes: number }): Promise<void> {
  await prisma().$executeRaw`
    INSERT INTO journey_runs (id, kind, started_at, finished_at, accounts, changes)
    VALUES (${randomUUID()}::uuid, 'full', ${r.startedAt}::timestamptz, ${r.finishedAt}::timestamptz, ${r.accounts}, ${r.changes})`;
}

/** When the last full recompute finished; null if none ever did. */
export async function lastFullRecomputeAt(): Promise<Date | null> {
  const [last] = await prisma().$queryRaw<{ at: Date | null }[]>`
    SELECT max(finished_at) AS at FROM journey_runs WHERE kind = 'full'`;
  return last?.at ? new Date(last.at) : null;
}

/** Up to `limit` accounts whose touchpoints were planned longest ago (never, or over a day before `now`). */
export async function staleTouchpointAccounts(now: Date, limit: number): Promise<string[]> {
  const rows = await prisma().$queryRaw<{ id: string }[]>`
    SELECT account_id::text AS id FROM journey_states
     WHERE touchpoints_planned_at IS NULL OR touchpoints_planned_at < ${now}::timestamptz - interval '1 day'
     ORDER BY touchpoints_planned_at NULLS FIRST, account_id LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
