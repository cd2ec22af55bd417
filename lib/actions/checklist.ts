import "server-only";
import { z } from "zod";
import { findAccountRef } from "../data/accounts";
import { completeStep, lockStep, releaseDedupeKey, setStepNote, uncompleteStep } from "../data/checklist";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { actorCan } from "../domain/auth/scopes";
import { ZStepId, ZStepNote, stepOf, type TStepId } from "../domain/checklist/steps";
import type { TChecklistStepPayload } from "../domain/proposals/payloads";
import type { TProposal } from "../domain/proposals/types";
import { AppError } from "../errors";
import { propose } from "../proposals/propose";
import { defineMutation } from "./mutation";

/**
 * Checklist changes. A step without an approval gate is completed at once; completing a gated step
 * proposes it (kind `checklist_step`) and the approval effect completes it. While a proposal for a
 * step is live another is refused; the partial unique index on the proposal's dedupe key makes that
 * hold under concurrency, and the step row's lock serialises concurrent completions.
 */

const refuse = (field: string, code: string, target?: string): never => {
  throw new AppError("conflict", { [field]: `checklist.errors.${code}` }, code, target);
};

export async function requireAccount(tx: Tx, accountId: string): Promise<void> {
  const found = await findAccountRef(tx, accountId);
  if (!found) throw new AppError("not_found", { account_id: "validation.unknown_account" });
}

const ZStepInput = z.object({ account_id: z.uuid(), step_id: ZStepId, note: ZStepNote.optional() });

export type TStepOutcome = { outcome: "completed" | "proposed" | "reopened" | "noted"; proposal?: TProposal };

const target = (accountId: string, stepId: TStepId) => `account:${accountId}:step:${stepId}`;

export const completeStepMutation = defineMutation({
  name: "checklist.complete",
  permission: "accounts:write",
  input: ZStepInput,
  async run({
    tx,
    actor,
    input,
  }): Promise<{ result: TStepOutcome; ledger: { target: string; summary: string; payloadHash?: string } }> {
    await requireAccount(tx, input.account_id);
    const step = stepOf(input.step_id);
    const now = new Date();
    if (await lockStep(tx, input.account_id, step.id, actor.label, now)) refuse("step_id", "already_complete");
    if (step.needsApproval) return proposeStep(tx, actor, input.account_id, step.id, input.note ?? "");
    await completeStep(tx, {
      accountId: input.account_id,
      stepId: step.id,
      note: input.note ?? null,
      by: actor.label,
      at: now,
    });
    return {
      result: { outcome: "completed" },
      ledger: { target: target(input.account_id, step.id), summary: `completed step ${step.id}` },
    };
  },
});

async function proposeStep(tx: Tx, actor: TActor, accountId: string, stepId: TStepId, note: string) {
  // Completing a gated step is a proposal: whoever lacks the right to propose cannot complete it.
  if (!actorCan(actor, "proposals:create")) throw new AppError("forbidden");
  const reason = note ? `complete ${stepId}: ${note}` : `complete ${stepId}`;
  const payload: TChecklistStepPayload = { account_id: accountId, step_id: stepId, note, reason };
  // The proposer's own words are the reason shown to the approver; the payload keeps a full sentence.
  // One live proposal per (account, step): `propose` refuses a second (lib/proposals/kinds/checklist-step.ts).
  const proposal = await propose(tx, "checklist_step", {
    accountId,
    payload,
    reason: note,
    proposer: actor,
  });
  return {
    result: { outcome: "proposed" as const, proposal },
    ledger: {
      target: `proposal:${proposal.id}`,
      summary: `proposed completing step ${stepId} for account:${accountId}`,
      payloadHash: proposal.payloadHash,
    },
  };
}

export const uncompleteStepMutation = defineMutation({
  name: "checklist.uncomplete",
  permission: "accounts:write",
  input: ZStepInput,
  async run({ tx, actor, input }) {
    await requireAccount(tx, input.account_id);
    const now = new Date();
    await lockStep(tx, input.account_id, input.step_id, actor.label, now);
    const changed = await uncompleteStep(tx, {
      accountId: input.account_id,
      stepId: input.step_id,
      note: input.note ?? null,
      by: actor.label,
      at: now,
    });
    if (!changed) refuse("step_id", "not_complete");
    return {
      result: { outcome: "reopened" } as TStepOutcome,
      ledger: { target: target(input.account_id, input.step_id), summary: `reopened step ${input.step_id}` },
    };
  },
});

export const noteStepMutation = defineMutation({
  name: "checklist.note",
  permission: "accounts:write",
  input: z.object({ account_id: z.uuid(), step_id: ZStepId, note: ZStepNote }),
  async run({ tx, actor, input }) {
    await requireAccount(tx, input.account_id);
    await setStepNote(tx, {
      accountId: input.account_id,
      stepId: input.step_id,
      note: input.note,
      by: actor.label,
      at: new Date(),
    });
    return {
      result: { outcome: "noted" } as TStepOutcome,
      ledger: {
        target: target(input.account_id, input.step_id),
        summary: `noted step ${input.step_id} (${input.note.length} characters)`,
      },
    };
  },
});

/** The approval effect of `checklist_step`: the step counts as done from here. */
export async function applyChecklistStep(tx: Tx, p: TProposal, approver: TActor, now: Date): Promise<void> {
  const payload = p.payload as TChecklistStepPayload;
  if (!p.accountId) throw new Error(`proposal ${p.id}: no account`);
  const step = stepOf(payload.step_id);
  await lockStep(tx, p.accountId, step.id, approver.label, now);
  const done = await completeStep(tx, {
    accountId: p.accountId,
    stepId: step.id,
    note: payload.note || null,
    by: p.proposer.label,
    approvedBy: approver.label,
    proposalId: p.id,
    at: now,
  });
  if (!done) refuse("step_id", "already_complete", `proposal:${p.id}`);
  await releaseDedupeKey(tx, p.id);
}
