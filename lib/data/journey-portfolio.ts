import "server-only";
import { db } from "../db";
import { METRICS, percent, type TMetric } from "../domain/journeys/metrics";
import type { TStage } from "../domain/journeys/stages";
import { sqlQuery, type TQuery } from "./journey-query";
import type { TMetricValues, TPortfolio, TDrillRow, THeldRow } from "../domain/journeys/types";
export type { TMetricValues, TPortfolio, TDrillRow, THeldRow };

/** Portfolio counts and the five metrics, counted in SQL over the evaluated journeys. */


// Touchpoint engagement looks at the last 90 days; "journey completion" at accounts a year or more in.
const ENGAGEMENT_DAYS = 90;
const COMPLETION_AFTER_DAYS = 365;

export async function computeMetrics(q: TQuery, now: Date): Promise<Omit<TPortfolio, "before">> {
  const [r] = await q<Record<string, number | null>>(
    `SELECT count(*)::int AS total,
       count(*) FILTER (WHERE s.stage = 'onboarding')::int AS onboarding,
       count(*) FILTER (WHERE s.stage = 'adoption')::int AS adoption,
       count(*) FILTER (WHERE s.stage = 'growth')::int AS growth,
       count(*) FILTER (WHERE s.stage = 'maturity')::int AS maturity,
       count(*) FILTER (WHERE s.renewal)::int AS renewal,
       count(*) FILTER (WHERE s.advocacy)::int AS advocacy,
       count(*) FILTER (WHERE s.behind_schedule)::int AS behind,
       count(*) FILTER (WHERE a.contract_start <= ($1::timestamptz)::date - ${COMPLETION_AFTER_DAYS})::int AS year_in,
       count(*) FILTER (WHERE a.contract_start <= ($1::timestamptz)::date - ${COMPLETION_AFTER_DAYS} AND s.stage = 'maturity')::int AS year_mature,
       (SELECT avg(t.at::date - a2.contract_start)::float FROM journey_transitions t JOIN accounts a2 ON a2.id = t.account_id
          WHERE t.kind = 'stage' AND t.to_stage = 'adoption') AS ttv,
       (SELECT count(*)::int FROM journey_touchpoints WHERE status = 'done' AND done_at > $1::timestamptz - interval '${ENGAGEMENT_DAYS} days') AS done,
       (SELECT count(*)::int FROM journey_touchpoints WHERE status = 'done' AND responded_at IS NOT NULL
          AND done_at > $1::timestamptz - interval '${ENGAGEMENT_DAYS} days') AS responded
     FROM journey_states s JOIN accounts a ON a.id = s.account_id`,
    [now.toISOString()],
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  const total = n("total");
  return {
    total,
    byStage: { onboarding: n("onboarding"), adoption: n("adoption"), growth: n("growth"), maturity: n("maturity") },
    renewal: n("renewal"),
    advocacy: n("advocacy"),
    behind: n("behind"),
    metrics: {
      progression_rate: percent(total - n("behind"), total),
      time_to_value: r?.ttv === null || r?.ttv === undefined ? null : Math.round(Number(r.ttv)),
      engagement: percent(n("responded"), n("done")),
      completion: percent(n("year_mature"), n("year_in")),
      drop_off: percent(n("behind"), total),
    },
  };
}

export async function readPortfolio(now = new Date()): Promise<TPortfolio> {
  const q = sqlQuery(db().sql);
  const [current, before] = await Promise.all([
    computeMetrics(q, now),
    q<{ day: string; metrics: TMetricValues }>(
      `SELECT day::text AS day, metrics FROM journey_portfolio_history WHERE day <= ($1::timestamptz)::date - 30 ORDER BY day DESC LIMIT 1`,
      [now.toISOString()],
    ),
  ]);
  return { ...current, before: before[0] ?? null };
}

/** Stores today's metrics (the full recompute calls it); a later run the same day replaces them. */
export async function snapshotPortfolio(q: TQuery, now: Date): Promise<void> {
  const { metrics } = await computeMetrics(q, now);
  await q(
    `INSERT INTO journey_portfolio_history (day, metrics) VALUES (($1::timestamptz)::date, $2::jsonb)
     ON CONFLICT (day) DO UPDATE SET metrics = EXCLUDED.metrics`,
    [now.toISOString(), JSON.stringify(metrics)],
  );
}


// What each metric's drill-down lists: the accounts that count against its target, worst first.
const DRILL: Record<TMetric, { where: string; value: string; order: string }> = {
  progression_rate: { where: "s.behind_schedule", value: "(($1::timestamptz)::date - a.contract_start)", order: "value DESC" },
  drop_off: { where: "s.behind_schedule", value: "(($1::timestamptz)::date - a.contract_start)", order: "value DESC" },
  time_to_value: {
    where: "t.to_stage = 'adoption'",
    value: "(t.at::date - a.contract_start)",
    order: "value DESC",
  },
  engagement: {
    where: `EXISTS (SELECT 1 FROM journey_touchpoints jt WHERE jt.account_id = a.id AND jt.status = 'done' AND jt.responded_at IS NULL
            AND jt.done_at > $1::timestamptz - interval '${ENGAGEMENT_DAYS} days')`,
    value: `(SELECT count(*) FROM journey_touchpoints jt WHERE jt.account_id = a.id AND jt.status = 'done' AND jt.responded_at IS NULL
            AND jt.done_at > $1::timestamptz - interval '${ENGAGEMENT_DAYS} days')`,
    order: "value DESC",
  },
  completion: {
    where: `a.contract_start <= ($1::timestamptz)::date - ${COMPLETION_AFTER_DAYS} AND s.stage <> 'maturity'`,
    value: "(($1::timestamptz)::date - a.contract_start)",
    order: "value DESC",
  },
};

/** The accounts behind a metric's number (at most `limit`), with the total. */
export async function drillDown(metric: TMetric, now = new Date(), limit = 50): Promise<{ rows: TDrillRow[]; total: number }> {
  if (!METRICS.includes(metric)) return { rows: [], total: 0 };
  const d = DRILL[metric];
  const from = `FROM journey_states s JOIN accounts a ON a.id = s.account_id
    ${metric === "time_to_value" ? "JOIN journey_transitions t ON t.account_id = a.id AND t.kind = 'stage'" : ""}
    WHERE $1::timestamptz IS NOT NULL AND (${d.where})`; // every variant binds $1 (now), used or not
  const q = sqlQuery(db().sql);
  const [rows, count] = await Promise.all([
    q<{ id: string; name: string; stage: TStage; health: number; value: number | null; behind: boolean }>(
      `SELECT a.id::text AS id, a.name, s.stage, s.health, (${d.value})::int AS value, s.behind_schedule AS behind ${from}
       ORDER BY ${d.order}, a.name LIMIT $2`,
      [now.toISOString(), limit],
    ),
    q<{ n: number }>(`SELECT count(*)::int AS n ${from}`, [now.toISOString()]),
  ]);
  return { rows, total: count[0]?.n ?? 0 };
}

/** Behind-schedule accounts, longest overdue first. */
export const behindSchedule = (now = new Date(), limit = 20) => drillDown("drop_off", now, limit);


/** Automated touchpoints held back by a guardrail, oldest first, with the total (the CSM's review queue). */
export async function listHeldTouchpoints(limit = 10): Promise<{ rows: THeldRow[]; total: number }> {
  const q = sqlQuery(db().sql);
  const [rows, count] = await Promise.all([
    q<{ account_id: string; name: string; key: string; held_reason: string; due_at: Date }>(
      `SELECT jt.account_id::text, a.name, jt.key, jt.held_reason, jt.due_at FROM journey_touchpoints jt
       JOIN accounts a ON a.id = jt.account_id WHERE jt.status = 'held' ORDER BY jt.due_at, jt.id LIMIT $1`,
      [limit],
    ),
    q<{ n: number }>(`SELECT count(*)::int AS n FROM journey_touchpoints WHERE status = 'held'`),
  ]);
  return {
    rows: rows.map((r) => ({ accountId: r.account_id, name: r.name, key: r.key, reason: r.held_reason, dueAt: new Date(r.due_at) })),
    total: count[0]?.n ?? 0,
  };
}
