import "server-only";
import { randomUUID } from "node:crypto";
import { ROLLING_WINDOW_DAYS, type TGuardrail } from "../domain/journeys/guardrails";
import { CATCH_UP_DAYS, type TDueTouchpoint } from "../domain/journeys/plan";
import type { Tx } from "./tx";

/**
 * The rows of an account's touchpoints, each statement in the caller's transaction (which holds the
 * account row lock). Which ones to plan, hold or release is decided above, in
 * lib/actions/journey-touchpoints.ts, with the pure rules of lib/domain/journeys.
 */

export type THeldTouchpoint = { id: string; key: string };

/** Touchpoints whose proposal was delivered become done; rejected, expired or failed ones skipped. */
export async function syncProposedTouchpoints(tx: Tx, accountId: string, now: Date): Promise<void> {
  const t = now.toISOString();
  await tx.$executeRaw`
    UPDATE journey_touchpoints jt SET status = CASE WHEN p.state = 'delivered' THEN 'done' ELSE 'skipped' END,
      done_at = CASE WHEN p.state = 'delivered' THEN p.updated_at END, done_by = CASE WHEN p.state = 'delivered' THEN 'system' END,
      updated_at = ${t}::timestamptz
    FROM proposals p WHERE jt.proposal_id = p.id AND jt.account_id = ${accountId}::uuid AND jt.status = 'proposed'
      AND p.state IN ('delivered', 'rejected', 'expired', 'failed')`;
}

/** When the account's last resolved ticket was resolved (the `ticket_closed` signal); null if none. */
export async function lastResolvedTicketAt(tx: Tx, accountId: string): Promise<Date | null> {
  const [closed] = await tx.$queryRaw<{ at: Date | null }[]>`
    SELECT max(resolved_at) AS at FROM support_tickets WHERE account_id = ${accountId}::uuid AND status = 'resolved'`;
  return closed?.at ? new Date(closed.at) : null;
}

/**
 * Inserts due touchpoints once per key and cycle: missed ones as `missed`, CSM ones as tasks for
 * `csmId`, automated ones `held` until the guardrails release them. Returns the rows actually inserted.
 */
export async function insertDueTouchpoints(
  tx: Tx,
  accountId: string,
  csmId: string | null,
  due: readonly TDueTouchpoint[],
  now: Date,
): Promise<{ id: string; key: string; owner: string; status: string }[]> {
  if (due.length === 0) return [];
  const rows = JSON.stringify(due.map((d) => ({ ...d, id: randomUUID(), due_at: d.dueAt.toISOString() })));
  return tx.$queryRaw`
    INSERT INTO journey_touchpoints (id, account_id, key, stage, cycle, channel, owner, due_at, status, held_reason, assignee_id, updated_at)
    SELECT x.id, ${accountId}::uuid, x.key, x.stage, x.cycle, x.channel, x.owner, x.due_at,
      CASE WHEN x.missed THEN 'missed' WHEN x.owner = 'csm' THEN 'planned' ELSE 'held' END,
      CASE WHEN x.missed OR x.owner = 'csm' THEN NULL ELSE 'weekly_limit' END,
      CASE WHEN x.owner = 'csm' AND NOT x.missed THEN ${csmId}::uuid END, ${now.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${rows}::jsonb) AS x(id uuid, key text, stage text, cycle text, channel text, owner text, due_at timestamptz, missed boolean)
    ON CONFLICT (account_id, key, cycle) DO NOTHING RETURNING id::text, key, owner, status`;
}

/** Held automated touchpoints past their catch-up window become `missed` (never sent late). Returns how many. */
export async function expireHeldTouchpoints(tx: Tx, accountId: string, now: Date): Promise<number> {
  const t = now.toISOString();
  const rows = await tx.$queryRaw<unknown[]>`
    UPDATE journey_touchpoints SET status = 'missed', updated_at = ${t}::timestamptz
    WHERE account_id = ${accountId}::uuid AND owner = 'system' AND status = 'held'
      AND (${t}::timestamptz AT TIME ZONE 'UTC')::date - (due_at AT TIME ZONE 'UTC')::date > ${CATCH_UP_DAYS.system}::int
    RETURNING 1`;
  return rows.length;
}

/** Automated touchpoints waiting for a decision, oldest first. */
export function heldTouchpoints(tx: Tx, accountId: string): Promise<THeldTouchpoint[]> {
  return tx.$queryRaw<THeldTouchpoint[]>`
    SELECT id::text, key FROM journey_touchpoints WHERE account_id = ${accountId}::uuid AND owner = 'system' AND status = 'held'
    ORDER BY due_at, key`;
}

/** When the account's automated touchpoints were released within the rolling window before `now`. */
export async function releasedInWindowAt(tx: Tx, accountId: string, now: Date): Promise<Date[]> {
  const rows = await tx.$queryRaw<{ released_at: Date }[]>`
    SELECT released_at FROM journey_touchpoints WHERE account_id = ${accountId}::uuid AND owner = 'system' AND released_at IS NOT NULL
      AND released_at > ${now.toISOString()}::timestamptz - make_interval(days => ${ROLLING_WINDOW_DAYS}::int)`;
  return rows.map((r) => new Date(r.released_at));
}

/** Names the guardrail (or the missing contact) holding a touchpoint back. */
export async function holdTouchpoint(tx: Tx, id: string, reason: TGuardrail | "no_contact", now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE journey_touchpoints SET held_reason = ${reason}, updated_at = ${now.toISOString()}::timestamptz WHERE id = ${id}::uuid`;
}

/** A released touchpoint now waits on its proposal. */
export async function markTouchpointProposed(tx: Tx, id: string, proposalId: string, now: Date): Promise<void> {
  const t = now.toISOString();
  await tx.$executeRaw`
    UPDATE journey_touchpoints SET status = 'proposed', held_reason = NULL, proposal_id = ${proposalId}::uuid,
      released_at = ${t}::timestamptz, updated_at = ${t}::timestamptz WHERE id = ${id}::uuid`;
}

/** Records when the account's touchpoints were last planned (the tick plans the stalest first). */
export async function markTouchpointsPlanned(tx: Tx, accountId: string, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE journey_states SET touchpoints_planned_at = ${now.toISOString()}::timestamptz WHERE account_id = ${accountId}::uuid`;
}

/** Completes an open CSM touchpoint; null when it is not one (unknown, automated or no longer planned). */
export async function completeCsmTouchpoint(
  tx: Tx,
  id: string,
  by: string,
  responded: boolean,
): Promise<{ accountId: string; key: string } | null> {
  const [row] = await tx.$queryRaw<{ account_id: string; key: string }[]>`
    UPDATE journey_touchpoints SET status = 'done', done_at = now(), done_by = ${by},
      responded_at = CASE WHEN ${responded}::boolean THEN now() END, updated_at = now()
    WHERE id = ${id}::uuid AND owner = 'csm' AND status = 'planned' RETURNING account_id::text, key`;
  return row ? { accountId: row.account_id, key: row.key } : null;
}
