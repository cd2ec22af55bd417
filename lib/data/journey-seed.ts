import "server-only";
import { db } from "../db";
import { CATCH_UP_DAYS } from "../domain/journeys/plan";
import { evaluatePages } from "./journey-reevaluate";
import { sqlQuery } from "./journey-query";
import { snapshotPortfolio } from "./journey-portfolio";
import { subWholeDays } from "../domain/time/days";

// At most this many contracted accounts get demo criteria and a journey at seed time; the rest are
// evaluated by the first journey tick's full recompute (kept out of the seed's time budget).
export const SEED_JOURNEY_CAP = 3_000;
// Accounts whose touchpoints the seed plans through the engine (the tick plans the others): mostly
// accounts that entered their stage within the CSM catch-up window, so their touchpoints are recent and
// the guardrails hold back those of accounts with an open escalation (the lowest health go first, so a
// recent account under 40 would be held for human review); plus a few long stalled ones, whose stage
// touchpoints fell due long ago and are recorded as missed, not sent.
const SEED_PLAN_RECENT = 36;
const SEED_PLAN_STALLED = 4;

/**
 * Exit-criteria marks from a per-account draw (hash of id and seed, so deterministic): most accounts
 * meet each stage's criteria some weeks into it, some stall (behind schedule), a few become promoters
 * or references (advocacy). Dated on the contract's timeline and never after `now`.
 */
export const CRITERIA_SQL = `
WITH picked AS (
  SELECT a.id, a.contract_start, abs(hashtext(a.id::text || $1::text)) % 100 AS b, COALESCE(u.name, 'demo seed') AS who
  FROM accounts a LEFT JOIN users u ON u.id = a.csm_id
  WHERE a.contract_start IS NOT NULL AND a.contract_start <= ($2::timestamptz)::date
  ORDER BY a.id LIMIT $3
), marks AS (
  SELECT id, 'went_live' AS c, contract_start + (20 + b % 15) AS d, who FROM picked WHERE b < 85
  UNION ALL SELECT id, 'adoption_started', contract_start + (40 + b % 30), who FROM picked WHERE b < 85
  UNION ALL SELECT id, 'daily_use', contract_start + (130 + b % 40), who FROM picked WHERE b < 72
  UNION ALL SELECT id, 'multiple_use_cases', contract_start + (250 + b % 90), who FROM picked WHERE b < 60
  UNION ALL SELECT id, 'active_promoter', contract_start + (300 + b % 50), who FROM picked WHERE b < 12
  UNION ALL SELECT id, 'reference_customer', contract_start + (420 + b % 60), who FROM picked WHERE b < 8
), ins AS (
  INSERT INTO journey_criteria (account_id, criterion, met_at, marked_by)
  SELECT id, c, d + time '10:00', who FROM marks WHERE d < ($2::timestamptz)::date
  ON CONFLICT (account_id, criterion) DO NOTHING RETURNING 1)
SELECT (SELECT count(*)::int FROM ins) AS n, (SELECT array_agg(id::text) FROM picked) AS ids`;

/**
 * Journeys demo data, first part: criteria marks and the journeys evaluated as of 30 days ago and today
 * (so health and portfolio trends have a real earlier point, computed by the same rules). Idempotent:
 * marks are ON CONFLICT DO NOTHING and evaluation records no change twice. Returns the rows written and
 * the accounts that have a journey. The demo seeding job (lib/jobs/seed-demo.ts) then plans the
 * touchpoints of a few of them through the engine (`seedTouchpointAccounts`, `seedCsmTasksDone`).
 */
export async function seedJourneys({ seed, now }: { seed: number; now: Date }): Promise<{ rows: number; ids: string[] }> {
  const { sql } = db();
  const [r] = await sql.query<{ n: number; ids: string[] | null }>(CRITERIA_SQL, [String(seed), now.toISOString(), SEED_JOURNEY_CAP]);
  const ids = r?.ids ?? [];
  if (ids.length === 0) return { rows: 0, ids };
  const before = subWholeDays(now, 30);
  await evaluatePages(sql, { now: before, ids });
  await snapshotPortfolio(sqlQuery(sql), before);
  const evaluated = await evaluatePages(sql, { now, ids });
  await snapshotPortfolio(sqlQuery(sql), now);
  return { rows: (r?.n ?? 0) + evaluated.accounts, ids };
}

/**
 * The seeded accounts whose touchpoints the seed plans: recent ones, the lowest health first (escalated
 * and human-review candidates); then the longest stalled, which head the overview's behind-schedule
 * list, so the first journey a visitor opens there explains its missed touchpoints.
 */
export async function seedTouchpointAccounts(ids: readonly string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const plan = await db().sql.query<{ id: string }>(
    `(SELECT account_id::text AS id FROM journey_states WHERE account_id = ANY($1::uuid[]) AND touchpoints_planned_at IS NULL
        AND stage_entered_at > $2::timestamptz - make_interval(days => $3) ORDER BY health, account_id LIMIT $4)
     UNION ALL
     (SELECT account_id::text FROM journey_states WHERE account_id = ANY($1::uuid[]) AND touchpoints_planned_at IS NULL
        AND behind_schedule AND stage_entered_at <= $2::timestamptz - make_interval(days => $3)
        ORDER BY (SELECT a.contract_start FROM accounts a WHERE a.id = account_id), account_id LIMIT $5)`,
    [ids, now.toISOString(), CATCH_UP_DAYS.csm, SEED_PLAN_RECENT, SEED_PLAN_STALLED],
  );
  return plan.map((p) => p.id);
}

/**
 * The CSM tasks of the planned accounts that fell due more than two days ago were done the day after,
 * about half of them answered by the customer (the engagement metric's demo data). Returns how many.
 */
export async function seedCsmTasksDone(planned: readonly string[], now: Date, seed: number): Promise<number> {
  const done = await db().sql.query<{ n: number }>(
    `WITH d AS (UPDATE journey_touchpoints jt SET status = 'done', done_at = jt.due_at + interval '1 day',
       done_by = COALESCE(u.name, 'demo seed'),
       responded_at = CASE WHEN abs(hashtext(jt.account_id::text || jt.key || $3::text)) % 100 < 55 THEN jt.due_at + interval '2 days' END
     FROM accounts a LEFT JOIN users u ON u.id = a.csm_id
     WHERE a.id = jt.account_id AND jt.account_id = ANY($1::uuid[]) AND jt.owner = 'csm' AND jt.status = 'planned'
       AND jt.due_at < $2::timestamptz - interval '2 days' RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [planned, now.toISOString(), String(seed)],
  );
  return done[0]?.n ?? 0;
}
