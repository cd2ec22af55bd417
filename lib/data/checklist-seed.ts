import "server-only";
import type { SqlClient } from "../db/sql-client";
import { STEPS } from "../domain/checklist/steps";
import { CONNECTORS } from "../domain/connectors/connectors";
import type { TAreaSeeder } from "./seed-areas";

// Enough accounts to show every step and every connector state many times over, few enough that
// seeding 100 000 accounts stays fast: the rest simply have not started onboarding. Only accounts
// owned by a demo CSM are touched, so seeding never writes into accounts made by anything else.
const CAP = 3_000;

const STEP_ROWS = STEPS.map((s, i) => `('${s.id}', ${i + 1}, ${s.needsApproval})`).join(", ");
const CONNECTOR_ROWS = CONNECTORS.map((c) => `('${c.key}')`).join(", ");

/**
 * Demo checklists and connectors, set-based and deterministic from `seed`: the first CAP accounts in a
 * seed-dependent order get 0..8 completed steps (rank per CSM mod 9, so every stage appears), the last
 * completion 0–6 days ago (some stuck past the 3-day default), a few notes in both languages; accounts
 * that started get connectors in every state, including skipped/failed WhatsApp (blocked accounts).
 */
async function seedChecklists(sql: SqlClient, { seed, now }: { seed: number; now: Date }): Promise<number> {
  const params = [String(seed), now, CAP];
  const chosen = `
    picked AS (
      SELECT a.id, a.signup_at, a.csm_id, md5(a.id::text || $1) AS h
      FROM accounts a JOIN users u ON u.id = a.csm_id AND u.email LIKE '%@demo.test'
      ORDER BY h, a.id LIMIT $3),
    -- Ranked per CSM, so every CSM has accounts at every stage.
    chosen AS (
      SELECT id, signup_at, (row_number() OVER (PARTITION BY csm_id ORDER BY h, id))::int AS r FROM picked)`;
  const [steps] = await sql.query<{ n: number }>(
    `WITH ${chosen},
     steps(step_id, no, gated) AS (VALUES ${STEP_ROWS}),
     ins AS (
       INSERT INTO checklist_steps (account_id, step_id, completed_at, completed_by, approved_by, note, updated_at, updated_by)
       SELECT c.id, s.step_id, t.at, 'csm@demo.test', CASE WHEN s.gated THEN 'founder@demo.test' END,
         CASE WHEN s.no = c.r % 9 AND c.r % 4 = 0 THEN
           CASE WHEN c.r % 8 = 0 THEN 'تم التأكيد مع العميل عبر الهاتف' ELSE 'Confirmed with the customer on a call' END
         ELSE '' END,
         t.at, 'csm@demo.test'
       FROM chosen c JOIN steps s ON s.no <= c.r % 9
       CROSS JOIN LATERAL (SELECT greatest(c.signup_at,
         $2::timestamptz - make_interval(days => ((c.r % 9) - s.no) * 2 + c.r % 7, hours => s.no)) AS at) t
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    params,
  );
  const [connectors] = await sql.query<{ n: number }>(
    `WITH ${chosen},
     keys(k) AS (VALUES ${CONNECTOR_ROWS}),
     h AS (
       SELECT c.id, k.k, ('x' || substr(md5(c.id::text || k.k || $1), 1, 7))::bit(28)::int % 100 AS h
       FROM chosen c CROSS JOIN keys k WHERE c.r % 9 >= 2),
     ins AS (
       INSERT INTO account_connectors (account_id, connector_key, state, updated_at, updated_by)
       SELECT id, k,
         CASE WHEN h < 40 THEN 'configuring' WHEN h < 70 THEN 'connected_draft_only'
              WHEN h < 78 THEN 'connected_approved_execute' WHEN h < 88 THEN 'failed' ELSE 'skipped' END,
         $2::timestamptz - make_interval(days => h % 10), 'csm@demo.test'
       FROM h WHERE h >= 25 OR k = 'whatsapp_cloud'
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    params,
  );
  return Number(steps?.n ?? 0) + Number(connectors?.n ?? 0);
}

export const CHECKLIST_SEEDER: TAreaSeeder = { area: "checklists and connectors", seed: seedChecklists };
