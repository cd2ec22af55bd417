import "server-only";
import {
  expireHeldTouchpoints,
  heldTouchpoints,
  holdTouchpoint,
  insertDueTouchpoints,
  lastResolvedTicketAt,
  markTouchpointProposed,
  markTouchpointsPlanned,
  releasedInWindowAt,
  syncProposedTouchpoints,
  type THeldTouchpoint,
} from "../data/journey-touchpoints";
import type { TEvaluated } from "../data/journey-evaluate";
import type { TJourneySettings } from "../data/journey-settings";
import { appendLedger } from "../data/ledger";
import { primaryContact } from "../data/proposals";
import type { Tx } from "../data/tx";
import { JOURNEY_ACTOR } from "../domain/journeys/actor";
import { applyGuardrails, type TGuardrail } from "../domain/journeys/guardrails";
import { touchpointMessage } from "../domain/journeys/messages";
import { dueTouchpoints, type TSignal } from "../domain/journeys/plan";
import { ledgerEntry } from "../domain/ledger/entry";
import { renderMessage } from "../domain/proposals/payloads";
import { AppError } from "../errors";
import { propose as proposeOfKind } from "../proposals/propose";

export type TPlanOutcome = {
  planned: number;
  proposed: number;
  held: Partial<Record<TGuardrail | "no_contact", number>>;
  /** Recorded as missed: past the catch-up window when first planned, or still held when it ran out. */
  missed: number;
};

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
  const id = a.evaluated.accountId;
  await syncProposedTouchpoints(tx, id, now);
  const closedAt = await lastResolvedTicketAt(tx, id);
  const signals = new Map<TSignal, Date>();
  if (closedAt) signals.set("ticket_closed", closedAt);
  const e = a.evaluated.evaluation;
  const due = dueTouchpoints(settings.plan, {
    stage: e.stage,
    enteredAt: e.enteredAt,
    renewal: e.renewal,
    contractEnd: a.contractEnd,
    signals,
    now,
  });
  const inserted = await insertDueTouchpoints(tx, id, a.csmId, due, now);
  // A held automated touchpoint whose catch-up window ran out is not sent late when its guardrail lets go.
  const expired = await expireHeldTouchpoints(tx, id, now);
  // Automated touchpoints waiting for a decision: those just inserted and those held earlier.
  const waiting = await heldTouchpoints(tx, id);
  const verdicts = applyGuardrails(waiting.length, {
    releasedAt: await releasedInWindowAt(tx, id, now),
    escalationOpen: a.evaluated.escalationOpen,
    health: a.evaluated.health.score,
    weeklyLimit: settings.weeklyLimit,
    now,
  });
  const outcome: TPlanOutcome = {
    planned: inserted.filter((r) => r.owner === "csm" && r.status === "planned").length,
    proposed: 0,
    held: {},
    missed: inserted.filter((r) => r.status === "missed").length + expired,
  };
  for (const [i, tp] of waiting.entries()) {
    const v = verdicts[i]!;
    const reason = v.release ? await release(tx, id, tp, now) : v.guardrail;
    if (reason === null) {
      outcome.proposed++;
      continue;
    }
    outcome.held[reason] = (outcome.held[reason] ?? 0) + 1;
    await holdTouchpoint(tx, tp.id, reason, now);
  }
  await markTouchpointsPlanned(tx, id, now);
  return outcome;
}

/** Turns a released touchpoint into a message proposal; returns null, or "no_contact" when it cannot be addressed. */
async function release(tx: Tx, accountId: string, tp: THeldTouchpoint, now: Date): Promise<"no_contact" | null> {
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
  await markTouchpointProposed(tx, tp.id, proposal.id, now);
  await appendLedger(
    tx,
    ledgerEntry(JOURNEY_ACTOR, {
      action: "journeys.propose_touchpoint",
      target: `proposal:${proposal.id}`,
      summary: `proposed journey touchpoint ${tp.key} for account:${accountId}`,
      payloadHash: proposal.payloadHash,
    }),
  );
  return null;
}
