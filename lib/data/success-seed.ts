import "server-only";
import type { SqlClient } from "../db/sql-client";
import { TEAM_TIME_ZONE } from "../domain/cadence/check-in";
import { addDays, calendarDay } from "../domain/cadence/dates";
import { PROOF_PACK_EVENT } from "../domain/risk/inputs";
import { regenerateTasks } from "./cadence";
import type { TAreaSeeder } from "./seed-areas";
import { recomputeAllRisk } from "./risk";

// At most this many plans: enough for every demo CSM's list to be full, small enough that seeding
// 100 000 accounts stays fast (tasks are ~10 per plan).
const MAX_PLANS = 3000;

// A stable version-4-shaped uuid from text (ids are validated as RFC 4122 uuids on the way back in).
const uuidOf = (text: string) => {
  const m = `md5(${text})`;
  return `(substr(${m}, 1, 12) || '4' || substr(${m}, 14, 3) || '8' || substr(${m}, 18, 15))::uuid`;
};

// A stable number in 0..2^31 per account and purpose, derived from the seed (no JS random state).
const h = (tag: string) => `(('x' || substr(md5(a.id::text || '${tag}' || $1::text), 1, 8))::bit(32)::int & 2147483647)`;

/**
 * Demo data for success cadence and at-risk: plans for ~70 % of the accounts that have a CSM (types by
 * tier), a `proof_pack_delivered` event for most of them (0–44 days ago, so both sides of the 14-day
 * threshold), past weekly check-ins (some done, some overdue), the upcoming tasks, and the risk
 * snapshot for every account. Deterministic from `seed`; ids derive from it, so re-seeding inserts
 * nothing twice.
 */
export async function seedSuccess(sql: SqlClient, ctx: { seed: number; now: Date }): Promise<number> {
  const today = calendarDay(ctx.now, TEAM_TIME_ZONE);
  const plans = await sql.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO cadence_plans (id, account_id, types, owner_csm_id, anchor_date)
       SELECT ${uuidOf(`'cadence-plan' || a.id::text || $1::text`)}, a.id,
         CASE a.tier
           WHEN 'free' THEN ARRAY['monthly_proof_review', 'at_risk_alert']
           WHEN 'starter' THEN ARRAY['weekly_check_in', 'monthly_proof_review', 'at_risk_alert', 'renewal_30_day', 'renewal_7_day']
           ELSE ARRAY['weekly_check_in', 'monthly_proof_review', 'quarterly_business_review', 'at_risk_alert',
                      'renewal_30_day', 'renewal_7_day'] END,
         a.csm_id, $2::date - (${h("anchor")} % 28)
       FROM accounts a JOIN users u ON u.id = a.csm_id AND u.active
       WHERE ${h("plan")} % 10 < 7
       ORDER BY ${h("order")} LIMIT ${MAX_PLANS}
       ON CONFLICT (account_id) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [ctx.seed, today],
  );
  const events = await sql.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO account_events (id, account_id, type, occurred_at, actor, summary, data)
       SELECT ${uuidOf(`'proof-pack' || a.id::text || $1::text`)}, a.id, '${PROOF_PACK_EVENT}',
         greatest(a.signup_at, $2::timestamptz - make_interval(days => ${h("proof")} % 45, hours => ${h("hour")} % 8)),
         'csm', 'Proof pack delivered', '{"source": "demo"}'::jsonb
       FROM cadence_plans p JOIN accounts a ON a.id = p.account_id
       WHERE ${h("has-proof")} % 10 < 8
       ON CONFLICT (id) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [ctx.seed, ctx.now],
  );
  // Past weekly check-ins of the last two weeks on the plan's rhythm: a third done, the rest overdue.
  const past = await sql.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO success_tasks (id, account_id, csm_id, type, due_date, source, status, completed_at, completed_by)
       SELECT ${uuidOf(`'task' || a.id::text || d::date::text || $1::text`)}, a.id, p.owner_csm_id, 'weekly_check_in',
         d::date, 'cadence', s.status, CASE WHEN s.status = 'done' THEN d + interval '10 hours' END,
         CASE WHEN s.status = 'done' THEN u.name END
       FROM cadence_plans p JOIN accounts a ON a.id = p.account_id JOIN users u ON u.id = p.owner_csm_id
       CROSS JOIN LATERAL generate_series(p.anchor_date::timestamp, ($2::date - 1)::timestamp, interval '7 days') AS d
       CROSS JOIN LATERAL (SELECT CASE WHEN ${h("done")} % 3 = 0 THEN 'done' ELSE 'open' END AS status) s
       WHERE 'weekly_check_in' = ANY(p.types) AND d::date >= $3::date
       ON CONFLICT (account_id, type, due_date) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [ctx.seed, today, addDays(today, -14)],
  );
  const risk = await recomputeAllRisk(ctx.now, sql);
  const upcoming = await regenerateTasks({ today }, sql);
  return (plans[0]?.n ?? 0) + (events[0]?.n ?? 0) + (past[0]?.n ?? 0) + risk.accounts + upcoming.created;
}

export const SUCCESS_SEEDER: TAreaSeeder = { area: "success cadence and at-risk", seed: seedSuccess };
