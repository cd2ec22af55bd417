import "server-only";
import { randomUUID } from "node:crypto";
import type { TActor } from "../domain/auth/actor";
import { applyGuardrails, ROLLING_WINDOW_DAYS, type TGuardrail } from "../domain/journeys/guardrails";
import { touchpointMessage } from "../domain/journeys/messages";
import { CATCH_UP_DAYS, dueTouchpoints, type TSignal } from "../domain/journeys/plan";
import { renderMessage } from "../domain/proposals/payloads";
import { AppError } from "../errors";
import { appendLedger } from "./ledger";
import type { TEvaluated } from "./journey-evaluate";
import { txQuery } from "./journey-query";
import type { TJourneySettings } from "./journey-settings";
import { propose as proposeOfKind } from "../proposals/propose";
import { primaryContact } from "./proposals";
import type { Tx } from "./tx";

/** Who proposes automated touchpoints and is named on their ledger entries. */
export const JOURNEY_ACTOR: TActor = { type: "system", id: "journey-engine", role: "csm", label: "journey engine" };

export type TPlanOutcome = {
  planned: number;
  proposed: number;
  held: Partial<Record<TGuardrail | "no_contact", number>>;
  /** Recorded as missed: past the catch-up window when first planned, or still held when it ran out. */
  missed: number;
};

type THeldRow = { id: string; key: string };

/**
 * Plans the account's due touchpoints (once per key and cycle) and runs the guardrails over its
 * automated ones — the new and those held before — oldest first. Released ones become `message`
 * proposals (approval-first); held ones name the guardrail; CSM touchpoints become tasks for the
 * account's CSM. A touchpoint already past its owner's catch-up window (`CATCH_UP_DAYS`) is recorded as
 * `missed` instead — no customer gets a welcome email a year late, no CSM a pile of year-old tasks — and
 * so is a held one whose window runs out before its guardrail lets go (it keeps that guardrail as the
 * reason). Syncs touchpoints whose proposal was delivered (done) or rejected/expired (skipped).
 * Runs in the caller's transaction, which holds the account row lock.
 */
export async function planTouchpoints(
  tx: Tx,
  a: { evaluated: TEvaluated; contractEnd: Date | null; csmId: string | null },
  settings: TJourneySettings,
  now: Date,
): Promise<TPlanOutcome> {
  const q = txQuery(tx);
  const id = a.evaluated.accountId;
  await q(
    `UPDATE journey_touchpoints jt SET status = CASE WHEN p.state = 'delivered' THEN 'done' ELSE 'skipped' END,
       done_at = CASE WHEN p.state = 'delivered' THEN p.updated_at END, done_by = CASE WHEN p.state = 'delivered' THEN 'system' END,
       updated_at = $2::timestamptz
     FROM proposals p WHERE jt.proposal_id = p.id AND jt.account_id = $1::uuid AND jt.status = 'proposed'
       AND p.state IN ('delivered', 'rejected', 'expired', 'failed')`,
    [id, now.toISOString()],
  );
  const [closed] = await q<{ at: Date | null }>(
    `SELECT max(resolved_at) AS at FROM support_tickets WHERE account_id = $1::uuid AND status = 'resolved'`,
    [id],
  );
  const signals = new Map<TSignal, Date>();
  if (closed?.at) signals.set("ticket_closed", new Date(closed.at));
  const e = a.evaluated.evaluation;
  const due = dueTouchpoints(settings.plan, {
    stage: e.stage,
    enteredAt: e.enteredAt,
    renewal: e.renewal,
    contractEnd: a.contractEnd,
    signals,
    now,
  });
  const inserted = due.length
    ? await q<{ id: string; key: string; owner: string; status: string }>(
        `INSERT INTO journey_touchpoints (id, account_id, key, stage, cycle, channel, owner, due_at, status, held_reason, assignee_id, updated_at)
         SELECT x.id, $2::uuid, x.key, x.stage, x.cycle, x.channel, x.owner, x.due_at,
           CASE WHEN x.missed THEN 'missed' WHEN x.owner = 'csm' THEN 'planned' ELSE 'held' END,
           CASE WHEN x.missed OR x.owner = 'csm' THEN NULL ELSE 'weekly_limit' END,
           CASE WHEN x.owner = 'csm' AND NOT x.missed THEN $3::uuid END, $4::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, key text, stage text, cycle text, channel text, owner text, due_at timestamptz, missed boolean)
         ON CONFLICT (account_id, key, cycle) DO NOTHING RETURNING id::text, key, owner, status`,
        [JSON.stringify(due.map((d) => ({ ...d, id: randomUUID(), due_at: d.dueAt.toISOString() }))), id, a.csmId, now.toISOString()],
      )
    : [];
  // A held automated touchpoint whose catch-up window ran out is not sent late when its guardrail lets go.
  const expired = await q(
    `UPDATE journey_touchpoints SET status = 'missed', updated_at = $2::timestamptz
     WHERE account_id = $1::uuid AND owner = 'system' AND status = 'held'
       AND ($2::timestamptz AT TIME ZONE 'UTC')::date - (due_at AT TIME ZONE 'UTC')::date > ${CATCH_UP_DAYS.system} RETURNING 1`,
    [id, now.toISOString()],
  );
  // Automated touchpoints waiting for a decision: those just inserted and those held earlier.
  const waiting = await q<THeldRow>(
    `SELECT id::text, key FROM journey_touchpoints WHERE account_id = $1::uuid AND owner = 'system' AND status = 'held'
     ORDER BY due_at, key`,
    [id],
  );
  const released = await q<{ released_at: Date }>(
    `SELECT released_at FROM journey_touchpoints WHERE account_id = $1::uuid AND owner = 'system' AND released_at IS NOT NULL
       AND released_at > $2::timestamptz - interval '${ROLLING_WINDOW_DAYS} days'`,
    [id, now.toISOString()],
  );
  const verdicts = applyGuardrails(waiting.length, {
    releasedAt: released.map((r) => new Date(r.released_at)),
    escalationOpen: a.evaluated.escalationOpen,
    health: a.evaluated.health.score,
    weeklyLimit: settings.weeklyLimit,
    now,
  });
  const outcome: TPlanOutcome = {
    planned: inserted.filter((r) => r.owner === "csm" && r.status === "planned").length,
    proposed: 0,
    held: {},
    missed: inserted.filter((r) => r.status === "missed").length + expired.length,
  };
  for (const [i, tp] of waiting.entries()) {
    const v = verdicts[i]!;
    const reason = v.release ? await propose(tx, id, tp, now) : v.guardrail;
    if (reason === null) {
      outcome.proposed++;
      continue;
    }
    outcome.held[reason] = (outcome.held[reason] ?? 0) + 1;
    await q(`UPDATE journey_touchpoints SET held_reason = $2, updated_at = $3::timestamptz WHERE id = $1::uuid`, [
      tp.id,
      reason,
      now.toISOString(),
    ]);
  }
  await q(`UPDATE journey_states SET touchpoints_planned_at = $2::timestamptz WHERE account_id = $1::uuid`, [id, now.toISOString()]);
  return outcome;
}

/** Turns a released touchpoint into a message proposal; returns null, or "no_contact" when it cannot be addressed. */
async function propose(tx: Tx, accountId: string, tp: THeldRow, now: Date): Promise<"no_contact" | null> {
  let to;
  try {
    to = await primaryContact(tx, accountId);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_input") return "no_contact";
    throw error;
  }
  const payload = renderMessage(touchpointMessage(tp.key, to.locale, to.contact.name), to.contact, to.locale);
  const proposal = await proposeOfKind(tx, "message", {
    accountId,
    payload,
    reason: `Journey touchpoint: ${tp.key.replace(/_/g, " ")}`,
    proposer: JOURNEY_ACTOR,
  });
  await txQuery(tx)(
    `UPDATE journey_touchpoints SET status = 'proposed', held_reason = NULL, proposal_id = $2::uuid, released_at = $3::timestamptz,
       updated_at = $3::timestamptz WHERE id = $1::uuid`,
    [tp.id, proposal.id, now.toISOString()],
  );
  await appendLedger(tx, {
    actorType: JOURNEY_ACTOR.type,
    actorId: JOURNEY_ACTOR.id,
    actorRole: JOURNEY_ACTOR.role,
    action: "journeys.propose_touchpoint",
    target: `proposal:${proposal.id}`,
    summary: `proposed journey touchpoint ${tp.key} for account:${accountId}`,
    requestId: null,
    payloadHash: proposal.payloadHash,
  });
  return null;
}
