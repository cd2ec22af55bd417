import "server-only";
import { z } from "zod";
import {
  approveAsSoleApprover,
  approveProposal,
  getProposal,
  primaryContact,
  rejectProposal,
  requeueProposal,
} from "../data/proposals";
import { getCopyGuardLists } from "../data/copy-guard-settings";
import { editPendingProposal } from "../data/proposal-edits";
import { setFreeze } from "../data/system-state";
import { describeFindings } from "../domain/copy-guard/guard";
import { guardProposal } from "../proposals/kinds/copy-fields";
import { applyApproval } from "../proposals/effects";
import { kindOf } from "../proposals/kinds/registry";
import { propose } from "../proposals/propose";
import { actorCan } from "../domain/auth/scopes";
import {
  ZCreateProposal,
  ZDecision,
  MAX_BODY,
  MAX_REASON,
  MAX_SUBJECT,
  ZReject,
  renderMessage,
} from "../domain/proposals/payloads";
import { expiresAt } from "../domain/proposals/state-machine";
import type { TProposal } from "../domain/proposals/types";
import type { TActor } from "../domain/auth/actor";
import type { Tx } from "../data/tx";
import { AppError } from "../errors";
import { defineMutation } from "./mutation";
import { CONTROL_CHARACTERS_CODE, hasControlCharacters, zMultiline } from "../domain/text/safe-text";

export const createProposalMutation = defineMutation({
  name: "proposals.create",
  permission: "proposals:create",
  input: ZCreateProposal,
  async run({ tx, actor, input }) {
    let accountId: string | null = null;
    let proposal;
    if (input.kind === "message") {
      const { contact, locale } = await primaryContact(tx, input.account_id);
      accountId = input.account_id;
      proposal = await propose(tx, "message", {
        accountId,
        payload: renderMessage(input.message, contact, locale),
        reason: input.reason,
        proposer: actor,
      });
    } else {
      proposal = await propose(tx, input.kind, {
        accountId,
        payload: { reason: input.reason },
        reason: input.reason,
        proposer: actor,
      });
    }
    return {
      result: proposal,
      ledger: {
        target: `proposal:${proposal.id}`,
        summary: `proposed ${input.kind}${accountId ? ` for account:${accountId}` : ""}`,
        payloadHash: proposal.payloadHash,
      },
    };
  },
});

const ZApprove = ZDecision.extend({ id: z.uuid() });

/**
 * Approval writes the state change, its ledger entry and the outbox row in one transaction. Maker ≠
 * checker (proposer, creator of the proposing token, last editor) is checked in `approveProposal`.
 * What approval does is the kind's (lib/proposals/kinds/: an outbox row, or an internal effect).
 */
export const approveProposalMutation = defineMutation({
  name: "proposals.approve",
  permission: "proposals:approve",
  input: ZApprove,
  async run({ tx, actor, input }) {
    const now = new Date();
    const p = await approveProposal(tx, input.id, actor, input.payload_hash, now);
    return {
      result: await completeApproval(tx, p, actor, now),
      ledger: { target: `proposal:${p.id}`, summary: `approved ${p.kind}`, payloadHash: p.payloadHash },
    };
  },
});

/** What every approval does once the decision is recorded: the kind's permission, the copy guard, the effect. */
async function completeApproval(tx: Tx, p: TProposal, actor: TActor, now: Date): Promise<TProposal> {
  // Who may decide is the kind's (today every kind says proposals:approve, which the door checked).
  if (!actorCan(actor, kindOf(p.kind).decide.permission)) throw new AppError("forbidden");
  // Outbound copy guard: a draft with a prohibited claim is refused until edited (the throw rolls
  // the approval back; the refusal is ledgered with the phrases and categories).
  const verdict = guardProposal(p.kind, p.payload, await getCopyGuardLists(tx));
  if (!verdict.ok)
    throw new AppError("copy_guard_violation", undefined, describeFindings(verdict.findings), `proposal:${p.id}`);
  await applyApproval({ tx, p, actor, now });
  return (await getProposal(p.id, tx)) ?? p;
}

/**
 * The sole-approver exception (spec: "Sole approver"): a maker approves their own proposal because no
 * other active person may decide it, after the cooling-off, with a typed reason. Its own ledger action
 * (`proposals.sole_approver`) so the ledger shows at a glance where maker ≠ checker was set aside.
 * The clock is a parameter, so a test can stand past the cooling-off without waiting for it.
 */
export const soleApproverMutationAt = (clock: () => Date) =>
  defineMutation({
    name: "proposals.sole_approver",
    permission: "proposals:approve",
    input: ZDecision.extend({ id: z.uuid(), reason: zMultiline(MAX_REASON).min(1) }),
    async run({ tx, actor, input }) {
      const now = clock();
      const { p, coolingOffMinutes } = await approveAsSoleApprover(tx, {
        id: input.id,
        approver: actor,
        seenPayloadHash: input.payload_hash,
        reason: input.reason,
        now,
      });
      return {
        result: await completeApproval(tx, p, actor, now),
        ledger: {
          target: `proposal:${p.id}`,
          summary: `sole_approver: approved ${p.kind} (no other active person may decide it; cooling-off ${coolingOffMinutes} min): ${input.reason}`,
          payloadHash: p.payloadHash,
        },
      };
    },
  });

export const approveAsSoleApproverMutation = soleApproverMutationAt(() => new Date());

export const rejectProposalMutation = defineMutation({
  name: "proposals.reject",
  permission: "proposals:approve",
  input: ZReject.extend({ id: z.uuid() }),
  async run({ tx, actor, input }) {
    const p = await rejectProposal(tx, input.id, actor, input.reason, new Date());
    if (!actorCan(actor, kindOf(p.kind).decide.permission)) throw new AppError("forbidden");
    return {
      result: p,
      ledger: {
        target: `proposal:${p.id}`,
        summary: `rejected ${p.kind}: ${input.reason}`,
        payloadHash: p.payloadHash,
      },
    };
  },
});

export const requeueProposalMutation = defineMutation({
  name: "proposals.requeue",
  permission: "proposals:approve",
  input: z.object({ id: z.uuid() }),
  async run({ tx, input }) {
    const p = await requeueProposal(tx, input.id, expiresAt(new Date()));
    return {
      result: p,
      ledger: { target: `proposal:${p.id}`, summary: "re-queued after failure", payloadHash: p.payloadHash },
    };
  },
});

/** The emergency brake: freezing narrows what the system does, so a founder may do it at once. */
export const freezeNowMutation = defineMutation({
  name: "system.freeze",
  permission: "proposals:approve",
  input: z.object({ reason: zMultiline(1000).min(1) }),
  async run({ tx, actor, input }) {
    const before = await setFreeze(tx, true, input.reason, actor.label, new Date());
    if (before.frozen) throw new AppError("conflict", { _: "validation.already_frozen" });
    return { result: null, ledger: { target: "system:freeze", summary: `frozen: ${input.reason}` } };
  },
});

// The text fields a kind lists as copyFields (checked again in the data layer); a subject keeps
// its own limit.
const ZEditText = z.object({
  id: z.uuid(),
  payload_hash: z.string().regex(/^[0-9a-f]{64}$/),
  text: z
    .record(z.string().regex(/^[a-z_]{1,40}$/), zMultiline(MAX_BODY, { customer: true }).min(1))
    .refine((t) => Object.keys(t).length > 0 && Object.keys(t).length <= 10)
    .refine((t) => (t.subject ?? "").length <= MAX_SUBJECT, { path: ["subject"] })
    // A subject is one line: a line break there would become an email header.
    .refine((t) => t.subject === undefined || !hasControlCharacters(t.subject, "line"), {
      path: ["subject"],
      message: CONTROL_CHARACTERS_CODE,
    }),
});

/**
 * Edits a pending draft's customer-facing text (its proposer or a founder): the payload is re-sealed,
 * so it needs a fresh review and approval; the edit and both hashes are ledgered.
 */
export const editProposalTextMutation = defineMutation({
  name: "proposals.edit",
  permission: "proposals:create",
  input: ZEditText,
  async run({ tx, actor, input }) {
    const { id, payload_hash, text } = input;
    const e = await editPendingProposal(tx, { id, editor: actor, seenHash: payload_hash, text, now: new Date() });
    const after = await getProposal(id, tx);
    const verdict = after
      ? guardProposal(after.kind, after.payload, await getCopyGuardLists(tx))
      : { ok: true, findings: [] };
    return {
      result: { payloadHash: e.after, guardOk: verdict.ok },
      ledger: {
        target: `proposal:${id}`,
        summary: `edited ${e.kind} text ${e.before.slice(0, 12)} → ${e.after.slice(0, 12)}${verdict.ok ? "" : `; still flagged: ${describeFindings(verdict.findings)}`}`,
        payloadHash: e.after,
      },
    };
  },
});
