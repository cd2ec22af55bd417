import "server-only";
import { enqueueOutbox } from "../data/outbox";
import { setProposalState } from "../data/proposals";
import { setFreeze } from "../data/system-state";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import type { TProposalKind } from "../domain/proposals/payloads";
import type { TProposal } from "../domain/proposals/types";

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

export const APPROVE_EFFECTS: Record<TProposalKind, TApproveEffect> = {
  message: queueEmail,
  freeze: freezeSwitch(true),
  unfreeze: freezeSwitch(false),
};
