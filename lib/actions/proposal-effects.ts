import "server-only";
import { enqueueOutbox } from "../data/outbox";
import { setProposalState } from "../data/proposals";
import { setFreeze } from "../data/system-state";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { recordNudgeSent, recordOnboardingCompleted } from "../data/nudges";
import { isNudgeEmailTemplate } from "../domain/nudges/templates";
import type { TAutoCompletePayload, TNudgeMarkSentPayload, TProposalKind } from "../domain/proposals/payloads";
import type { TProposal } from "../domain/proposals/types";
import { applyChecklistStep } from "./checklist";
import { applyConnectorExecute } from "./connectors";
import { recordReplyApproved } from "./support-replies";

/**
 * What approving each kind does, inside the approval's transaction. Customer-facing kinds queue an
 * outbox row (the dispatcher sends it); internal kinds take effect here and are done. A new kind
 * must add its line, or it does not type-check.
 */
export type TApproveEffect = (ctx: { tx: Tx; p: TProposal; actor: TActor; now: Date }) => Promise<void>;

const queueEmail: TApproveEffect = async ({ tx, p }) => {
  await enqueueOutbox(tx, {
    proposalId: p.id,
    channel: "email",
    payload: JSON.stringify(p.payload),
    payloadHash: p.payloadHash,
  });
};

/** Internal effects end the proposal's life at once: approved → dispatched → delivered. */
export const internal =
  (apply: TApproveEffect): TApproveEffect =>
  async (ctx) => {
    await apply(ctx);
    await setProposalState(ctx.tx, ctx.p.id, "dispatched");
    await setProposalState(ctx.tx, ctx.p.id, "delivered");
  };

const freezeSwitch = (frozen: boolean) =>
  internal(async ({ tx, p, actor, now }) => {
    await setFreeze(tx, frozen, (p.payload as { reason: string }).reason, actor.label, now);
  });

// Lifecycle effects (lib/actions/nudges.ts proposes them); each writes a timeline event too. A nudge
// email's sent-at is stamped by the dispatcher when it is delivered or previewed, not here.
const markNudgeSent = internal(async ({ tx, p, actor, now }) => {
  const payload = p.payload as TNudgeMarkSentPayload;
  if (!p.accountId || !isNudgeEmailTemplate(payload.template))
    throw new Error(`proposal ${p.id}: no account or template`);
  await recordNudgeSent(tx, {
    accountId: p.accountId,
    template: payload.template,
    at: now,
    actor: actor.label,
    how: "marked",
    proposalId: p.id,
  });
});

const completeOnboarding = internal(async ({ tx, p, actor, now }) => {
  if (!p.accountId) throw new Error(`proposal ${p.id}: no account`);
  const reason = (p.payload as TAutoCompletePayload).reason;
  await recordOnboardingCompleted(tx, {
    accountId: p.accountId,
    at: now,
    actor: actor.label,
    reason,
    proposalId: p.id,
  });
});

export const APPROVE_EFFECTS: Record<TProposalKind, TApproveEffect> = {
  message: queueEmail,
  freeze: freezeSwitch(true),
  unfreeze: freezeSwitch(false),
  nudge: queueEmail,
  nudge_mark_sent: markNudgeSent,
  auto_complete: completeOnboarding,
  // The sign-off itself is the record: approving it (by someone other than its proposer) is what the
  // "founder's sign-off" gate reads; nothing else changes.
  cutover_signoff: internal(async () => undefined),
  // Onboarding (lib/actions/checklist.ts, connectors.ts): the step counts as done / the connector may
  // act on its own from approval on. Neither touches the freeze or the live-send switch.
  checklist_step: internal(({ tx, p, actor, now }) => applyChecklistStep(tx, p, actor, now)),
  connector_execute: internal(({ tx, p, actor, now }) => applyConnectorExecute(tx, p, actor, now)),
  // Queued like any message; the ticket's first response is recorded at approval (see support-replies).
  ticket_reply: async (ctx) => {
    await queueEmail(ctx);
    await recordReplyApproved(ctx);
  },
};
