import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { TGuardrail } from "../domain/journeys/guardrails";
import type { TFactor, TFactorScore } from "../domain/journeys/health";
import type { TStage } from "../domain/journeys/stages";
import { evaluateRow, signalsSql, type TEvaluated, type TSignalRow } from "./journey-evaluate";
import { sqlQuery } from "./journey-query";
import { readJourneySettings, type TJourneySettings } from "./journey-settings";
import { readAtRiskScores } from "./journey-signals";

/** Everything the account's journey tab shows, read in one go. */

export type TTouchpointRow = {
  id: string;
  key: string;
  stage: string;
  channel: string;
  owner: "system" | "csm";
  dueAt: Date;
  status: "planned" | "held" | "proposed" | "done" | "skipped" | "missed";
  heldReason: TGuardrail | "no_contact" | null;
  proposalId: string | null;
  proposalState: string | null;
  doneAt: Date | null;
  doneBy: string | null;
  respondedAt: Date | null;
};
export type TJourneyEvent = { id: string; type: string; at: Date; actor: string; summary: string; data: Record<string, unknown> };
export type TEscalation = { kind: "ticket" | "incident"; id: string; title: string; level: string; since: Date };
export type TComparison = {
  peers: number;
  average: { daysInStage: number; milestones: number; engagement: number; health: number } | null;
  top: { daysInStage: number; milestones: number; engagement: number; health: number } | null;
};
export type TJourneyReport = {
  /** Live evaluation (the same rules as the stored state, at `now`). */
  live: TEvaluated;
  contractStart: string;
  contractEnd: string | null;
  stored: { evaluatedAt: Date } | null;
  before: { health: number; factors: Record<TFactor, TFactorScore> } | null;
  criteria: { criterion: string; metAt: Date; by: string; note: string }[];
  events: TJourneyEvent[];
  escalations: TEscalation[];
  touchpoints: TTouchpointRow[];
  comparison: TComparison;
  settings: TJourneySettings;
  atRiskAvailable: boolean;
};

const ts = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));

/** Null for an unknown account or one without a journey (no contract start yet). */
export async function readJourneyReport(accountId: string, now = new Date()): Promise<TJourneyReport | null> {
  const q = sqlQuery(db().sql);
  const t = now.toISOString();
  const [row] = await q<TSignalRow>(signalsSql(now, Prisma.sql`a.id = ${accountId}::uuid`));
  if (!row) return null;
  const [settings, atRisk] = await Promise.all([readJourneySettings(q), readAtRiskScores(q, [accountId])]);
  const live = evaluateRow(row, now, settings.weights, atRisk.get(accountId));
  const [stored, before, criteria, events, escalations, touchpoints, comparison] = await Promise.all([
    q<{ evaluated_at: Date }>(Prisma.sql`SELECT evaluated_at FROM journey_states WHERE account_id = ${accountId}::uuid`),
    q<{ health: number; factors: Record<TFactor, TFactorScore> }>(
      Prisma.sql`SELECT health, factors FROM journey_health_history WHERE account_id = ${accountId}::uuid
         AND day <= (${t}::timestamptz)::date - 30 AND day > (${t}::timestamptz)::date - 45 ORDER BY day DESC LIMIT 1`,
    ),
    q<{ criterion: string; met_at: Date; marked_by: string; note: string }>(
      Prisma.sql`SELECT criterion, met_at, marked_by, note FROM journey_criteria WHERE account_id = ${accountId}::uuid`,
    ),
    q<{ id: string; type: string; occurred_at: Date; actor: string; summary: string; data: Record<string, unknown> }>(
      Prisma.sql`SELECT id::text, type, occurred_at, actor, summary, data FROM account_events
       WHERE account_id = ${accountId}::uuid AND type LIKE 'journey.%' ORDER BY occurred_at DESC LIMIT 12`,
    ),
    q<{ kind: "ticket" | "incident"; id: string; title: string; level: string; since: Date }>(
      Prisma.sql`SELECT 'ticket' AS kind, id::text, subject AS title, priority AS level, received_at AS since FROM support_tickets
         WHERE account_id = ${accountId}::uuid AND priority IN ('P0', 'P1') AND status <> 'resolved'
       UNION ALL
       SELECT 'incident', i.id::text, i.title, i.severity, i.opened_at FROM incidents i JOIN incident_accounts ia ON ia.incident_id = i.id
         WHERE ia.account_id = ${accountId}::uuid AND i.status <> 'closed'
       ORDER BY since DESC`,
    ),
    q<Record<string, unknown>>(
      Prisma.sql`SELECT jt.id::text, jt.key, jt.stage, jt.channel, jt.owner, jt.due_at, jt.status, jt.held_reason, jt.proposal_id::text,
         p.state AS proposal_state, jt.done_at, jt.done_by, jt.responded_at
       FROM journey_touchpoints jt LEFT JOIN proposals p ON p.id = jt.proposal_id
       WHERE jt.account_id = ${accountId}::uuid
         AND (jt.status IN ('planned', 'held', 'proposed', 'missed') OR jt.done_at > ${t}::timestamptz - interval '30 days')
       ORDER BY jt.due_at DESC LIMIT 60`,
    ),
    compare(live.evaluation.stage, accountId),
  ]);
  return {
    live,
    contractStart: row.contract_start,
    contractEnd: row.contract_end,
    stored: stored[0] ? { evaluatedAt: ts(stored[0].evaluated_at)! } : null,
    before: before[0] ?? null,
    criteria: criteria.map((c) => ({ criterion: c.criterion, metAt: ts(c.met_at)!, by: c.marked_by, note: c.note })),
    events: events.map((e) => ({ id: e.id, type: e.type, at: ts(e.occurred_at)!, actor: e.actor, summary: e.summary, data: e.data })),
    escalations: escalations.map((e) => ({ ...e, since: ts(e.since)! })),
    touchpoints: touchpoints.map((t) => ({
      id: String(t.id),
      key: String(t.key),
      stage: String(t.stage),
      channel: String(t.channel),
      owner: t.owner as TTouchpointRow["owner"],
      dueAt: ts(t.due_at as Date)!,
      status: t.status as TTouchpointRow["status"],
      heldReason: (t.held_reason as TTouchpointRow["heldReason"]) ?? null,
      proposalId: (t.proposal_id as string | null) ?? null,
      proposalState: (t.proposal_state as string | null) ?? null,
      doneAt: ts(t.done_at as Date | null),
      doneBy: (t.done_by as string | null) ?? null,
      respondedAt: ts(t.responded_at as Date | null),
    })),
    comparison,
    settings,
    atRiskAvailable: atRisk.has(accountId),
  };
}

// "Top performers": the healthiest tenth of the stage's accounts (at least one).
const TOP_SHARE = 0.1;

async function compare(stage: TStage, accountId: string): Promise<TComparison> {
  const q = sqlQuery(db().sql);
  const rows = await q<{ peers: number; days: number | null; milestones: number | null; engagement: number | null; health: number | null; top_days: number | null; top_milestones: number | null; top_engagement: number | null; top_health: number | null }>(
    Prisma.sql`WITH peers AS (
       SELECT (now()::date - s.stage_entered_at::date) AS days, (s.factors->'milestones'->>'score')::int AS milestones,
         (s.factors->'engagement'->>'score')::int AS engagement, s.health,
         row_number() OVER (ORDER BY s.health DESC) AS rank, count(*) OVER () AS n
       FROM journey_states s WHERE s.stage = ${stage} AND s.account_id <> ${accountId}::uuid)
     SELECT count(*)::int AS peers, avg(days)::float AS days, avg(milestones)::float AS milestones, avg(engagement)::float AS engagement,
       avg(health)::float AS health,
       avg(days) FILTER (WHERE rank <= greatest(1, ceil(n * ${TOP_SHARE}::numeric)))::float AS top_days,
       avg(milestones) FILTER (WHERE rank <= greatest(1, ceil(n * ${TOP_SHARE}::numeric)))::float AS top_milestones,
       avg(engagement) FILTER (WHERE rank <= greatest(1, ceil(n * ${TOP_SHARE}::numeric)))::float AS top_engagement,
       avg(health) FILTER (WHERE rank <= greatest(1, ceil(n * ${TOP_SHARE}::numeric)))::float AS top_health
     FROM peers`,
  );
  const r = rows[0];
  if (!r || r.peers === 0) return { peers: 0, average: null, top: null };
  const round = (v: number | null) => Math.round(Number(v ?? 0));
  return {
    peers: r.peers,
    average: { daysInStage: round(r.days), milestones: round(r.milestones), engagement: round(r.engagement), health: round(r.health) },
    top: { daysInStage: round(r.top_days), milestones: round(r.top_milestones), engagement: round(r.top_engagement), health: round(r.top_health) },
  };
}
