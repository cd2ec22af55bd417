import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { METRICS, percent, type TMetric } from "../domain/journeys/metrics";
import type { TStage } from "../domain/journeys/stages";
import { sqlQuery, type TQuery } from "./journey-query";
import type { TMetricValues, TPortfolio, TDrillRow, THeldRow } from "../domain/journeys/types";
export type { TMetricValues, TPortfolio, TDrillRow, THeldRow };

/** Portfolio counts and the five metrics, counted in SQL over the evaluated journeys. */


// Touchpoint engagement looks at the last 90 days; "journey completion" at accounts a year or more in.
const ENGAGEMENT_DAYS = 90;
const COMPLETION_AFTER_DAYS = 365;

// `now` as a date and the engagement window's start, the two anchors every count below uses.
const today = (t: string) => Prisma.sql`(${t}::timestamptz)::date`;
const engagementSince = (t: string) => Prisma.sql`${t}::timestamptz - make_interval(days => ${ENGAGEMENT_DAYS}::int)`;

export async function computeMetrics(q: TQuery, now: Date): Promise<Omit<TPortfolio, "before">> {
  const t = now.toISOString();
  const yearIn = Prisma.sql`a.contract_start <= ${today(t)} - ${COMPLETION_AFTER_DAYS}::int`;
  const [r] = await q<Record<string, number | null>>(
    Prisma.sql`SELECT count(*)::int AS total,
       count(*) FILTER (WHERE s.stage = 'onboarding')::int AS onboarding,
       count(*) FILTER (WHERE s.stage = 'adoption')::int AS adoption,
       count(*) FILTER (WHERE s.stage = 'growth')::int AS growth,
       count(*) FILTER (WHERE s.stage = 'maturity')::int AS maturity,
       count(*) FILTER (WHERE s.renewal)::int AS renewal,
       count(*) FILTER (WHERE s.advocacy)::int AS advocacy,
       count(*) FILTER (WHERE s.behind_schedule)::int AS behind,
       count(*) FILTER (WHERE ${yearIn})::int AS year_in,
       count(*) FILTER (WHERE ${yearIn} AND s.stage = 'maturity')::int AS year_mature,
       (SELECT avg(t.at::date - a2.contract_start)::float FROM journey_transitions t JOIN accounts a2 ON a2.id = t.account_id
          WHERE t.kind = 'stage' AND t.to_stage = 'adoption') AS ttv,
       (SELECT count(*)::int FROM journey_touchpoints WHERE status = 'done' AND done_at > ${engagementSince(t)}) AS done,
       (SELECT count(*)::int FROM journey_touchpoints WHERE status = 'done' AND responded_at IS NOT NULL
          AND done_at > ${engagementSince(t)}) AS responded
     FROM journey_states s JOIN accounts a ON a.id = s.account_id`,
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
      Prisma.sql`SELECT day::text AS day, metrics FROM journey_portfolio_history WHERE day <= ${today(now.toISOString())} - 30
        ORDER BY day DESC LIMIT 1`,
    ),
  ]);
  return { ...current, before: before[0] ?? null };
}

/** Stores today's metrics (the full recompute calls it); a later run the same day replaces them. */
export async function snapshotPortfolio(q: TQuery, now: Date): Promise<void> {
  const { metrics } = await computeMetrics(q, now);
  await q(Prisma.sql`INSERT INTO journey_portfolio_history (day, metrics)
     VALUES (${today(now.toISOString())}, ${JSON.stringify(metrics)}::jsonb)
     ON CONFLICT (day) DO UPDATE SET metrics = EXCLUDED.metrics`);
}


// What each metric's drill-down lists as of `t`: the accounts that count against its target, worst first.
function drill(metric: TMetric, t: string): { join: Prisma.Sql; where: Prisma.Sql; value: Prisma.Sql } {
  const daysIn = Prisma.sql`(${today(t)} - a.contract_start)`;
  const noJoin = Prisma.empty;
  const unanswered = Prisma.sql`FROM journey_touchpoints jt WHERE jt.account_id = a.id AND jt.status = 'done' AND jt.responded_at IS NULL
    AND jt.done_at > ${engagementSince(t)}`;
  switch (metric) {
    case "progression_rate":
    case "drop_off":
      return { join: noJoin, where: Prisma.sql`s.behind_schedule`, value: daysIn };
    case "time_to_value":
      return {
        join: Prisma.sql`JOIN journey_transitions t ON t.account_id = a.id AND t.kind = 'stage'`,
        where: Prisma.sql`t.to_stage = 'adoption'`,
        value: Prisma.sql`(t.at::date - a.contract_start)`,
      };
    case "engagement":
      return { join: noJoin, where: Prisma.sql`EXISTS (SELECT 1 ${unanswered})`, value: Prisma.sql`(SELECT count(*) ${unanswered})` };
    case "completion":
      return {
        join: noJoin,
        where: Prisma.sql`a.contract_start <= ${today(t)} - ${COMPLETION_AFTER_DAYS}::int AND s.stage <> 'maturity'`,
        value: daysIn,
      };
  }
}

/** The accounts behind a metric's number (at most `limit`), with the total. */
export async function drillDown(metric: TMetric, now = new Date(), limit = 50): Promise<{ rows: TDrillRow[]; total: number }> {
  if (!METRICS.includes(metric)) return { rows: [], total: 0 };
  const d = drill(metric, now.toISOString());
  const from = Prisma.sql`FROM journey_states s JOIN accounts a ON a.id = s.account_id ${d.join} WHERE (${d.where})`;
  const q = sqlQuery(db().sql);
  const [rows, count] = await Promise.all([
    q<{ id: string; name: string; stage: TStage; health: number; value: number | null; behind: boolean }>(
      Prisma.sql`SELECT a.id::text AS id, a.name, s.stage, s.health, (${d.value})::int AS value, s.behind_schedule AS behind ${from}
       ORDER BY value DESC, a.name LIMIT ${limit}::int`,
    ),
    q<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n ${from}`),
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
      Prisma.sql`SELECT jt.account_id::text, a.name, jt.key, jt.held_reason, jt.due_at FROM journey_touchpoints jt
       JOIN accounts a ON a.id = jt.account_id WHERE jt.status = 'held' ORDER BY jt.due_at, jt.id LIMIT ${limit}::int`,
    ),
    q<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM journey_touchpoints WHERE status = 'held'`),
  ]);
  return {
    rows: rows.map((r) => ({ accountId: r.account_id, name: r.name, key: r.key, reason: r.held_reason, dueAt: new Date(r.due_at) })),
    total: count[0]?.n ?? 0,
  };
}
