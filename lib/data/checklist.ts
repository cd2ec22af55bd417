import "server-only";
import { db, prisma } from "../db";
import { OVERVIEW_PAGE_SIZE, type TOverviewFilters } from "../domain/checklist/filters";
import { progressOf } from "../domain/checklist/progress";
import { STEPS, STEP_COUNT, type TStepId, isStepId } from "../domain/checklist/steps";
import { BLOCKING_KEYS } from "../domain/connectors/connectors";
import { CONNECTED_STATES } from "../domain/connectors/state-machine";
import type { TChecklistStepPayload } from "../domain/proposals/payloads";
import type { Tx } from "./tx";
import type { TStepState, TStepView, TChecklist } from "../domain/checklist/types";
import { subWholeDays } from "../domain/time/days";
export type { TStepState, TStepView, TChecklist };

/** Storage of the onboarding checklist: one row per (account, step) once completed or annotated. */


type TClient = Pick<Tx, "checklistStep" | "proposal">;

/** One account's checklist with pending approvals; `since` is the last completion (null: none yet). */
export async function getChecklist(accountId: string, client: TClient = prisma()): Promise<TChecklist> {
  const [rows, pending] = await Promise.all([
    client.checklistStep.findMany({ where: { accountId } }),
    client.proposal.findMany({
      where: { accountId, kind: "checklist_step", state: "pending" },
      select: { id: true, payload: true, proposerLabel: true, createdAt: true },
    }),
  ]);
  const byStep = new Map(rows.filter((r) => isStepId(r.stepId)).map((r) => [r.stepId as TStepId, r]));
  const pendingByStep = new Map(
    pending.map((p) => {
      const payload = JSON.parse(p.payload) as TChecklistStepPayload;
      return [payload.step_id, { proposalId: p.id, proposedBy: p.proposerLabel, note: payload.note, at: p.createdAt }];
    }),
  );
  const steps = STEPS.map((s, i): TStepView => {
    const r = byStep.get(s.id);
    const p = pendingByStep.get(s.id) ?? null;
    return {
      id: s.id,
      number: i + 1,
      minutes: s.minutes,
      needsApproval: s.needsApproval,
      state: r?.completedAt ? "done" : p ? "pending_approval" : "open",
      note: r?.note ?? "",
      completedAt: r?.completedAt ?? null,
      completedBy: r?.completedBy ?? null,
      approvedBy: r?.approvedBy ?? null,
      pending: r?.completedAt ? null : p,
      updatedAt: r?.updatedAt ?? null,
      updatedBy: r?.updatedBy ?? null,
    };
  });
  const done = steps.filter((s) => s.state === "done");
  const since = done.reduce<Date | null>((m, s) => (!m || s.completedAt! > m ? s.completedAt : m), null);
  return { steps, progress: progressOf(done.map((s) => s.id)), since };
}

/** Locks the step's row (creating an empty one) and says whether it is complete. */
export async function lockStep(tx: Tx, accountId: string, stepId: TStepId, by: string, at: Date): Promise<boolean> {
  await tx.$executeRaw`
    INSERT INTO checklist_steps (account_id, step_id, updated_at, updated_by)
    VALUES (${accountId}::uuid, ${stepId}, ${at}, ${by}) ON CONFLICT DO NOTHING`;
  const [row] = await tx.$queryRaw<{ completed_at: Date | null }[]>`
    SELECT completed_at FROM checklist_steps WHERE account_id = ${accountId}::uuid AND step_id = ${stepId} FOR UPDATE`;
  return row?.completed_at != null;
}

/**
 * Marks a step complete unless it already is; returns false when it was (the row lock taken by the
 * conditional upsert makes two concurrent completions produce one change). A null note keeps the old one.
 */
export async function completeStep(
  tx: Tx,
  s: {
    accountId: string;
    stepId: TStepId;
    note: string | null;
    by: string;
    approvedBy?: string | null;
    proposalId?: string | null;
    at: Date;
  },
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ step_id: string }[]>`
    INSERT INTO checklist_steps
      (account_id, step_id, completed_at, completed_by, approved_by, proposal_id, note, updated_at, updated_by)
    VALUES (${s.accountId}::uuid, ${s.stepId}, ${s.at}, ${s.by}, ${s.approvedBy ?? null}, ${s.proposalId ?? null}::uuid,
      ${s.note ?? ""}, ${s.at}, ${s.approvedBy ?? s.by})
    ON CONFLICT (account_id, step_id) DO UPDATE SET
      completed_at = EXCLUDED.completed_at, completed_by = EXCLUDED.completed_by,
      approved_by = EXCLUDED.approved_by, proposal_id = EXCLUDED.proposal_id,
      note = COALESCE(${s.note}, checklist_steps.note),
      updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
    WHERE checklist_steps.completed_at IS NULL
    RETURNING step_id`;
  return rows.length === 1;
}

/** Marks a step incomplete; false when it was not complete. A null note keeps the old one. */
export async function uncompleteStep(
  tx: Tx,
  s: { accountId: string; stepId: TStepId; note: string | null; by: string; at: Date },
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ step_id: string }[]>`
    UPDATE checklist_steps SET completed_at = NULL, completed_by = NULL, approved_by = NULL, proposal_id = NULL,
      note = COALESCE(${s.note}, note), updated_at = ${s.at}, updated_by = ${s.by}
    WHERE account_id = ${s.accountId}::uuid AND step_id = ${s.stepId} AND completed_at IS NOT NULL
    RETURNING step_id`;
  return rows.length === 1;
}

/** Replaces a step's note whatever its state. */
export async function setStepNote(
  tx: Tx,
  s: { accountId: string; stepId: TStepId; note: string; by: string; at: Date },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO checklist_steps (account_id, step_id, note, updated_at, updated_by)
    VALUES (${s.accountId}::uuid, ${s.stepId}, ${s.note}, ${s.at}, ${s.by})
    ON CONFLICT (account_id, step_id) DO UPDATE SET note = EXCLUDED.note,
      updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`;
}

// SQL for "which step number is this row": generated from the one steps table, never retyped.
const STEP_BIT = `CASE s.step_id ${STEPS.map((st, i) => `WHEN '${st.id}' THEN ${1 << i}`).join(" ")} END`;
const CURRENT_NO = `CASE ${STEPS.map((_, i) => `WHEN g.mask & ${1 << i} = 0 THEN ${i + 1}`).join(" ")} ELSE ${STEP_COUNT + 1} END`;
const CONNECTED_SQL = CONNECTED_STATES.map((s) => `'${s}'`).join(", ");
const BLOCKING_SQL = BLOCKING_KEYS.map((k) => `'${k}'`).join(", ");

/**
 * Per account: completed steps, current step number (9 = done), when it last moved (last completion,
 * else signup) and whether it is ready for first service. Parameters: $1 CSM id or null, $2 unassigned only.
 */
const ACCOUNTS_CTE = `
  WITH g AS (
    SELECT s.account_id, bit_or(${STEP_BIT})::int AS mask, count(*)::int AS done, max(s.completed_at) AS last_done
    FROM checklist_steps s WHERE s.completed_at IS NOT NULL GROUP BY s.account_id
  ), c AS (
    SELECT account_id,
      count(*) FILTER (WHERE state IN (${CONNECTED_SQL}))::int AS connected,
      count(*) FILTER (WHERE connector_key IN (${BLOCKING_SQL}) AND state IN (${CONNECTED_SQL}))::int AS blocking_ok
    FROM account_connectors GROUP BY account_id
  ), acc AS (
    SELECT a.id, a.name, a.csm_id, coalesce(g.done, 0) AS done,
      ${CURRENT_NO.replaceAll("g.mask", "coalesce(g.mask, 0)")} AS current_no,
      coalesce(g.last_done, a.signup_at) AS since,
      (coalesce(c.connected, 0) > 0 AND coalesce(c.blocking_ok, 0) = ${BLOCKING_KEYS.length}) AS ready
    FROM accounts a LEFT JOIN g ON g.account_id = a.id LEFT JOIN c ON c.account_id = a.id
    WHERE ($1::uuid IS NULL OR a.csm_id = $1::uuid) AND (NOT $2::boolean OR a.csm_id IS NULL)
  )`;

export type TStuckRow = {
  id: string;
  name: string;
  csmName: string | null;
  done: number;
  current: TStepId;
  since: Date;
  pendingApproval: boolean;
};
export type TOverview = {
  accounts: number;
  /** Accounts by number of completed steps, index 0..8. */
  distribution: number[];
  /** Per current step (and "done"): accounts there and how many of them are stuck. */
  byStep: { step: TStepId | "done"; accounts: number; stuck: number }[];
  completeAndReady: number;
  /** Complete, ready for first service and with an active success cadence (spec "onboarded"). */
  onboarded: number;
  stuck: { rows: TStuckRow[]; total: number; pageSize: number };
};

/** The Onboarding page across accounts; every count is computed in SQL, the list is one page. */
export async function onboardingOverview(f: TOverviewFilters, now: Date): Promise<TOverview> {
  const sql = db().sql;
  const csm = f.csm && f.csm !== "none" ? f.csm : null;
  const cutoff = subWholeDays(now, f.days);
  const stepNo = f.step ? STEPS.findIndex((s) => s.id === f.step) + 1 : null;
  const [groups, list] = await Promise.all([
    sql.query<{ done: number; current_no: number; ready: boolean; stuck: boolean; cadence: boolean; n: number }>(
      `${ACCOUNTS_CTE}
       SELECT done, current_no, ready, (current_no <= ${STEP_COUNT} AND since < $3) AS stuck,
         EXISTS (SELECT 1 FROM cadence_plans cp WHERE cp.account_id = acc.id AND cp.active) AS cadence,
         count(*)::int AS n
       FROM acc GROUP BY 1, 2, 3, 4, 5`,
      [csm, f.csm === "none", cutoff],
    ),
    sql.query<{
      id: string;
      name: string;
      csm_name: string | null;
      done: number;
      current_no: number;
      since: Date | string;
      pending: boolean;
      total: number;
    }>(
      `${ACCOUNTS_CTE}
       SELECT acc.id, acc.name, u.name AS csm_name, acc.done, acc.current_no, acc.since,
         EXISTS (SELECT 1 FROM proposals p WHERE p.account_id = acc.id AND p.kind = 'checklist_step'
           AND p.state = 'pending') AS pending,
         count(*) OVER ()::int AS total
       FROM acc LEFT JOIN users u ON u.id = acc.csm_id
       WHERE acc.current_no <= ${STEP_COUNT} AND acc.since < $3 AND ($4::int IS NULL OR acc.current_no = $4::int)
       ORDER BY acc.since ASC, acc.id LIMIT $5 OFFSET $6`,
      [csm, f.csm === "none", cutoff, stepNo, OVERVIEW_PAGE_SIZE, (f.page - 1) * OVERVIEW_PAGE_SIZE],
    ),
  ]);
  const distribution = Array.from({ length: STEP_COUNT + 1 }, () => 0);
  const byStep = [...STEPS.map((s) => s.id), "done" as const].map((step) => ({ step, accounts: 0, stuck: 0 }));
  let accounts = 0;
  let completeAndReady = 0;
  let onboarded = 0;
  for (const g of groups) {
    const n = Number(g.n);
    accounts += n;
    distribution[Number(g.done)]! += n;
    const slot = byStep[Number(g.current_no) - 1]!;
    slot.accounts += n;
    if (g.stuck) slot.stuck += n;
    if (Number(g.done) === STEP_COUNT && g.ready) {
      completeAndReady += n;
      if (g.cadence) onboarded += n;
    }
  }
  return {
    accounts,
    distribution,
    byStep,
    completeAndReady,
    onboarded,
    stuck: {
      rows: list.map((r) => ({
        id: r.id,
        name: r.name,
        csmName: r.csm_name,
        done: Number(r.done),
        current: STEPS[Number(r.current_no) - 1]!.id,
        since: new Date(r.since),
        pendingApproval: r.pending,
      })),
      total: list.length > 0 ? Number(list[0]!.total) : 0,
      pageSize: OVERVIEW_PAGE_SIZE,
    },
  };
}

/** Whether each account has an active success cadence plan: the third condition of "onboarded". */
export async function successCadenceActive(accountIds: readonly string[]): Promise<Map<string, boolean>> {
  const rows = await db().sql.query<{ account_id: string }>(
    `SELECT account_id FROM cadence_plans WHERE active AND account_id = ANY($1::uuid[])`,
    [accountIds],
  );
  const active = new Set(rows.map((r) => r.account_id));
  return new Map(accountIds.map((id) => [id, active.has(id)]));
}

/**
 * Frees a delivered proposal's dedupe key once its effect is recorded elsewhere (the step row, the
 * connector row), so the same step can be proposed again after someone reopens it. The partial unique
 * index counts delivered proposals as live, which suits one-off nudges but not repeatable steps.
 */
export async function releaseDedupeKey(tx: Tx, proposalId: string): Promise<void> {
  await tx.$executeRaw`UPDATE proposals SET dedupe_key = NULL WHERE id = ${proposalId}::uuid`;
}
