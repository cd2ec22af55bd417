import "server-only";
import { randomUUID } from "node:crypto";
import { evaluateJourney, type TJourneyChange, type TJourneyEvaluation, type TJourneyInput } from "../domain/journeys/engine";
import { journeyHealth, type THealth, type TWeights } from "../domain/journeys/health";
import { EXIT_CRITERIA, daysBetween, isCriterion, isStage, type TCriterion } from "../domain/journeys/stages";
import type { TAtRisk } from "./journey-signals";
import { Prisma } from "../generated/prisma/client";
import type { TQuery } from "./journey-query";

/**
 * Reads what the stage engine and health need for a set of accounts, evaluates them with the pure
 * rules and writes the result — one statement per table for the whole set, so the same code serves one
 * account (event-driven re-evaluation) and a page of 10 000 (the full recompute).
 * Only accounts with a contract start on or before today have a journey.
 */

export type TSignalRow = {
  account_id: string;
  csm_id: string | null;
  contract_start: string;
  contract_end: string | null;
  last_activity_at: Date | string | null;
  stage: string | null;
  stage_entered_at: Date | string | null;
  renewal: boolean | null;
  advocacy: boolean | null;
  escalation_open: boolean;
  met: { c: string; at: string; by: string }[] | string;
  done: number;
  responded: number;
  tasks_due: number;
  tasks_done: number;
};

// Touchpoints of the last 90 days feed engagement and milestone completion.
const TOUCHPOINT_LOOKBACK_DAYS = 90;

/** The signals of the accounts `filter` selects, as of `now`. */
export const signalsSql = (now: Date, filter: Prisma.Sql) => {
  const t = now.toISOString();
  return Prisma.sql`
SELECT a.id::text AS account_id, a.csm_id::text AS csm_id, a.contract_start::text AS contract_start, a.contract_end::text AS contract_end,
  a.last_activity_at, s.stage, s.stage_entered_at, s.renewal, s.advocacy,
  (EXISTS (SELECT 1 FROM support_tickets t WHERE t.account_id = a.id AND t.priority IN ('P0', 'P1') AND t.status <> 'resolved')
   OR EXISTS (SELECT 1 FROM incident_accounts ia JOIN incidents i ON i.id = ia.incident_id
              WHERE ia.account_id = a.id AND i.status <> 'closed')) AS escalation_open,
  COALESCE((SELECT json_agg(json_build_object('c', c.criterion, 'at', c.met_at, 'by', c.marked_by))
            FROM journey_criteria c WHERE c.account_id = a.id), '[]'::json) AS met,
  COALESCE(tp.done, 0) AS done, COALESCE(tp.responded, 0) AS responded,
  COALESCE(tp.tasks_due, 0) AS tasks_due, COALESCE(tp.tasks_done, 0) AS tasks_done
FROM accounts a
LEFT JOIN journey_states s ON s.account_id = a.id
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE jt.status = 'done')::int AS done,
         count(*) FILTER (WHERE jt.status = 'done' AND jt.responded_at IS NOT NULL)::int AS responded,
         count(*) FILTER (WHERE jt.owner = 'csm' AND jt.status NOT IN ('skipped', 'missed'))::int AS tasks_due,
         count(*) FILTER (WHERE jt.owner = 'csm' AND jt.status = 'done')::int AS tasks_done
  FROM journey_touchpoints jt
  WHERE jt.account_id = a.id AND jt.due_at > ${t}::timestamptz - make_interval(days => ${TOUCHPOINT_LOOKBACK_DAYS}::int)
    AND jt.due_at <= ${t}::timestamptz
) tp ON true
WHERE a.contract_start IS NOT NULL AND a.contract_start <= (${t}::timestamptz)::date AND ${filter}`;
};

export type TEvaluated = {
  accountId: string;
  evaluation: TJourneyEvaluation;
  health: THealth;
  escalationOpen: boolean;
  met: Map<TCriterion, { at: Date; by: string }>;
};

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const dateOnly = (v: string) => new Date(`${v.slice(0, 10)}T00:00:00.000Z`);

/** The criteria met by `now` (a mark dated later does not count yet, so evaluating the past is honest). */
export function metOf(row: Pick<TSignalRow, "met">, now: Date): Map<TCriterion, { at: Date; by: string }> {
  const list = typeof row.met === "string" ? (JSON.parse(row.met) as { c: string; at: string; by: string }[]) : row.met;
  const met = new Map<TCriterion, { at: Date; by: string }>();
  for (const m of list) {
    const at = new Date(m.at);
    if (isCriterion(m.c) && at <= now) met.set(m.c, { at, by: m.by });
  }
  return met;
}

/** Evaluates one row with the pure rules (no I/O); `withdrawal` when a criterion was just withdrawn. */
export function evaluateRow(
  row: TSignalRow,
  now: Date,
  weights: TWeights,
  atRisk: TAtRisk | undefined,
  withdrawal?: Pick<TJourneyInput, "withdrawn" | "entries">,
): TEvaluated {
  const met = metOf(row, now);
  const current =
    isStage(row.stage) && row.stage_entered_at
      ? { stage: row.stage, enteredAt: asDate(row.stage_entered_at), renewal: !!row.renewal, advocacy: !!row.advocacy }
      : null;
  const evaluation = evaluateJourney({
    contractStart: dateOnly(row.contract_start),
    contractEnd: row.contract_end ? dateOnly(row.contract_end) : null,
    current,
    met,
    now,
    ...withdrawal,
  });
  const criteria = EXIT_CRITERIA[evaluation.stage];
  const health = journeyHealth(
    {
      stage: evaluation.stage,
      daysSinceStart: evaluation.daysSinceStart,
      daysInStage: evaluation.daysInStage,
      daysSinceActivity: row.last_activity_at ? Math.max(0, daysBetween(asDate(row.last_activity_at), now)) : null,
      touchpointsDone: Number(row.done),
      touchpointsResponded: Number(row.responded),
      criteriaMet: criteria.filter((c) => met.has(c)).length,
      criteriaTotal: criteria.length,
      tasksDue: Number(row.tasks_due),
      tasksDone: Number(row.tasks_done),
      escalationOpen: row.escalation_open,
      behindSchedule: evaluation.behindSchedule,
      atRiskScore: atRisk ? atRisk.score : null,
    },
    weights,
  );
  return { accountId: row.account_id, evaluation, health, escalationOpen: row.escalation_open, met };
}

const ENGINE = "journey engine";

/** The timeline line of a change (English, as recorded; the page labels the type in the reader's language). */
export function changeSummary(c: TJourneyChange): { type: string; summary: string; actor: string } {
  const actor = c.cause.type === "calendar" ? ENGINE : c.cause.by;
  const why =
    c.cause.type === "calendar"
      ? c.cause.rule.replace(/_/g, " ")
      : `${c.cause.type === "criteria" ? "criteria met" : "criteria withdrawn"}: ${c.cause.criteria.join(", ").replace(/_/g, " ")}`;
  if (c.kind === "stage")
    return {
      // A move back (a criterion withdrawn) is its own event type, so the timeline says so in any language.
      type: c.cause.type === "criteria_withdrawn" ? "journey.stage_reverted" : "journey.stage_changed",
      summary: `Journey stage ${c.from} → ${c.to} (${why})`,
      actor,
    };
  if (c.kind === "renewal")
    return { type: c.entered ? "journey.renewal_started" : "journey.renewal_ended", summary: `Renewal ${c.entered ? "started" : "ended"} (${why})`, actor };
  return { type: c.gained ? "journey.advocacy_gained" : "journey.advocacy_lost", summary: `Advocacy ${c.gained ? "earned" : "lost"} (${why})`, actor };
}

/**
 * Writes evaluations: the state of each account, one transition row and one timeline event per change,
 * and today's health history point. Re-running with unchanged inputs writes the same state and no new
 * events (evaluation is idempotent). Returns the number of changes recorded.
 */
export async function writeEvaluations(q: TQuery, rows: readonly TEvaluated[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const states = rows.map((r) => ({
    account_id: r.accountId,
    stage: r.evaluation.stage,
    stage_entered_at: r.evaluation.enteredAt.toISOString(),
    behind_schedule: r.evaluation.behindSchedule,
    renewal: r.evaluation.renewal,
    advocacy: r.evaluation.advocacy,
    escalation_open: r.escalationOpen,
    health: r.health.score,
    factors: r.health.factors,
  }));
  const t = now.toISOString();
  await q(Prisma.sql`INSERT INTO journey_states (account_id, stage, stage_entered_at, behind_schedule, renewal, advocacy, escalation_open, health, factors, evaluated_at)
     SELECT x.account_id, x.stage, x.stage_entered_at, x.behind_schedule, x.renewal, x.advocacy, x.escalation_open, x.health, x.factors, ${t}::timestamptz
     FROM jsonb_to_recordset(${JSON.stringify(states)}::jsonb) AS x(account_id uuid, stage text, stage_entered_at timestamptz, behind_schedule boolean,
       renewal boolean, advocacy boolean, escalation_open boolean, health int, factors jsonb)
     ON CONFLICT (account_id) DO UPDATE SET stage = EXCLUDED.stage, stage_entered_at = EXCLUDED.stage_entered_at,
       behind_schedule = EXCLUDED.behind_schedule, renewal = EXCLUDED.renewal, advocacy = EXCLUDED.advocacy,
       escalation_open = EXCLUDED.escalation_open, health = EXCLUDED.health, factors = EXCLUDED.factors,
       evaluated_at = EXCLUDED.evaluated_at
     -- An unchanged journey is not rewritten: a steady-state recompute writes (almost) nothing.
     WHERE (journey_states.stage, journey_states.stage_entered_at, journey_states.behind_schedule, journey_states.renewal,
            journey_states.advocacy, journey_states.escalation_open, journey_states.health, journey_states.factors)
       IS DISTINCT FROM (EXCLUDED.stage, EXCLUDED.stage_entered_at, EXCLUDED.behind_schedule, EXCLUDED.renewal,
            EXCLUDED.advocacy, EXCLUDED.escalation_open, EXCLUDED.health, EXCLUDED.factors)`);
  const history = JSON.stringify(states.map((s) => ({ account_id: s.account_id, health: s.health, factors: s.factors })));
  await q(Prisma.sql`INSERT INTO journey_health_history (account_id, day, health, factors)
     SELECT x.account_id, (${t}::timestamptz)::date, x.health, x.factors
     FROM jsonb_to_recordset(${history}::jsonb) AS x(account_id uuid, health int, factors jsonb)
     ON CONFLICT (account_id, day) DO UPDATE SET health = EXCLUDED.health, factors = EXCLUDED.factors
       WHERE (journey_health_history.health, journey_health_history.factors) IS DISTINCT FROM (EXCLUDED.health, EXCLUDED.factors)`);
  const changes = rows.flatMap((r) =>
    r.evaluation.changes.map((c) => {
      const line = changeSummary(c);
      return {
        id: randomUUID(),
        event_id: randomUUID(),
        account_id: r.accountId,
        kind: c.kind,
        from_stage: c.kind === "stage" ? c.from : null,
        to_stage: c.kind === "stage" ? c.to : null,
        entered: c.kind === "renewal" ? c.entered : c.kind === "advocacy" ? c.gained : null,
        at: c.at.toISOString(),
        cause: c.cause,
        ...line,
      };
    }),
  );
  if (changes.length === 0) return 0;
  const json = JSON.stringify(changes);
  await q(Prisma.sql`INSERT INTO journey_transitions (id, account_id, kind, from_stage, to_stage, entered, at, cause)
     SELECT x.id, x.account_id, x.kind, x.from_stage, x.to_stage, x.entered, x.at, x.cause
     FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, account_id uuid, kind text, from_stage text, to_stage text, entered boolean, at timestamptz, cause jsonb)`);
  await q(Prisma.sql`INSERT INTO account_events (id, account_id, type, occurred_at, actor, summary, data)
     SELECT x.event_id, x.account_id, x.type, x.at, x.actor, x.summary,
       jsonb_build_object('kind', x.kind, 'from', x.from_stage, 'to', x.to_stage, 'entered', x.entered, 'cause', x.cause, 'transition_id', x.id)
     FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, event_id uuid, account_id uuid, kind text, from_stage text, to_stage text,
       entered boolean, at timestamptz, cause jsonb, type text, actor text, summary text)`);
  return changes.length;
}
