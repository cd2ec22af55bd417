import "server-only";
import { applyChecklistStep } from "../actions/checklist";
import { applyConnectorExecute } from "../actions/connectors";
import { recordReplyApproved } from "../actions/support-replies";
import { recordNudgeSent, recordOnboardingCompleted } from "../data/nudges";
import { enqueueOutbox } from "../data/outbox";
import { proposalForDelivery, setProposalState } from "../data/proposals";
import { setFreeze } from "../data/system-state";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { isNudgeEmailTemplate } from "../domain/nudges/templates";
import { isProposalKind, type TAutoCompletePayload, type TNudgeMarkSentPayload } from "../domain/proposals/payloads";
import type { TProposal } from "../domain/proposals/types";
import { kindOf } from "./kinds/registry";
import type { TApproveEffectName, TDeliverEffectName } from "./kinds/types";

/**
 * What approving a kind does, inside the approval's transaction (each kind names its effect in its
 * module). Customer-facing kinds queue an outbox row (the dispatcher sends it); internal kinds take
 * effect here and are done. A new effect name must add its line, or it does not type-check.
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
// email's sent-at is stamped when it is delivered or previewed (DELIVER_EFFECTS), not here.
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

export const APPROVE_EFFECTS: Record<TApproveEffectName, TApproveEffect> = {
  queue_email: queueEmail,
  // The ticket's first response is recorded at approval (lib/actions/support-replies.ts).
  queue_email_and_record_first_response: async (ctx) => {
    await queueEmail(ctx);
    await recordReplyApproved(ctx);
  },
  freeze: freezeSwitch(true),
  unfreeze: freezeSwitch(false),
  mark_nudge_sent: markNudgeSent,
  complete_onboarding: completeOnboarding,
  // The approval itself is the record the "founder's sign-off" gate reads; nothing else changes.
  record_sign_off: internal(async () => undefined),
  // Onboarding (lib/actions/checklist.ts, connectors.ts): neither touches the freeze or the live-send switch.
  complete_checklist_step: internal(({ tx, p, actor, now }) => applyChecklistStep(tx, p, actor, now)),
  allow_connector_execute: internal(({ tx, p, actor, now }) => applyConnectorExecute(tx, p, actor, now)),
};

/** Runs the approval effect of the proposal's kind. */
export const applyApproval: TApproveEffect = (ctx) => APPROVE_EFFECTS[kindOf(ctx.p.kind).approve](ctx);

/** The delivered proposal; `payloadText` is its stored JSON, parsed only by an effect that reads it. */
type TDelivered = { id: string; accountId: string | null; payloadText: string };
export type TDeliverEffect = (ctx: { tx: Tx; p: TDelivered; at: Date }) => Promise<void>;

export const DELIVER_EFFECTS: Record<TDeliverEffectName, TDeliverEffect> = {
  nothing: async () => undefined,
  stamp_nudge_sent: async ({ tx, p, at }) => {
    if (!p.accountId) return;
    const template = (JSON.parse(p.payloadText) as { template?: unknown }).template;
    if (!isNudgeEmailTemplate(template)) return;
    await recordNudgeSent(tx, {
      accountId: p.accountId,
      template,
      at,
      actor: "system",
      how: "email",
      proposalId: p.id,
    });
  },
};

/** What the dispatcher runs once a proposal's outbox row is delivered or previewed: its kind's delivery effect. */
export async function deliverProposal(tx: Tx, proposalId: string, at: Date): Promise<void> {
  const p = await proposalForDelivery(tx, proposalId);
  if (!p || !isProposalKind(p.kind)) return;
  await DELIVER_EFFECTS[kindOf(p.kind).deliver]({ tx, p, at });
}
