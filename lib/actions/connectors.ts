import "server-only";
import { z } from "zod";
import { releaseDedupeKey } from "../data/checklist";
import { lockConnector, setConnectorState } from "../data/connectors";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import { actorCan } from "../domain/auth/scopes";
import { CONNECTOR_KEYS, type TConnectorKey } from "../domain/connectors/connectors";
import {
  CONNECTOR_STATES,
  IllegalTransitionError,
  assertTransition,
  needsApproval,
} from "../domain/connectors/state-machine";
import type { TConnectorExecutePayload } from "../domain/proposals/payloads";
import type { TProposal } from "../domain/proposals/types";
import { AppError } from "../errors";
import { propose } from "../proposals/propose";
import { requireAccount } from "./checklist";
import { defineMutation } from "./mutation";

/**
 * Connector transitions along the state machine. Moving to connected_approved_execute (the system may
 * act on its own) is a `connector_execute` proposal, applied on approval. No transition touches the
 * freeze or the live-send switch: connecting never enables live sending.
 */

/** Checks the transition; an illegal one is `conflict` with both states as message keys. */
function checkTransition(from: string, to: string, target: string): void {
  try {
    assertTransition(from, to);
  } catch (error) {
    if (!(error instanceof IllegalTransitionError)) throw error;
    throw new AppError(
      "conflict",
      { _: "connectors.errors.illegal_transition", from: `connectors.states.${from}`, to: `connectors.states.${to}` },
      error.message,
      target,
    );
  }
}

export type TConnectorOutcome = { outcome: "changed" | "proposed"; from: string; proposal?: TProposal };

export const transitionConnectorMutation = defineMutation({
  name: "connectors.transition",
  permission: "accounts:write",
  input: z.object({ account_id: z.uuid(), connector: z.enum(CONNECTOR_KEYS), to: z.enum(CONNECTOR_STATES) }),
  async run({ tx, actor, input }) {
    await requireAccount(tx, input.account_id);
    const now = new Date();
    const target = `account:${input.account_id}:connector:${input.connector}`;
    const from = await lockConnector(tx, input.account_id, input.connector, actor.label, now);
    checkTransition(from, input.to, target);
    if (needsApproval(input.to)) return proposeExecute(tx, actor, input.account_id, input.connector, from);
    await setConnectorState(tx, {
      accountId: input.account_id,
      key: input.connector,
      state: input.to,
      by: actor.label,
      at: now,
    });
    return {
      result: { outcome: "changed", from } as TConnectorOutcome,
      ledger: { target, summary: `connector ${input.connector}: ${from} → ${input.to}` },
    };
  },
});

async function proposeExecute(tx: Tx, actor: TActor, accountId: string, key: TConnectorKey, from: string) {
  if (!actorCan(actor, "proposals:create")) throw new AppError("forbidden");
  const reason = `let ${key} act on its own (approved execute)`;
  const payload: TConnectorExecutePayload = { account_id: accountId, connector: key, reason };
  // No free-text reason: the approvals preview states the change in the approver's language.
  // One live proposal per (account, connector): `propose` refuses a second (lib/proposals/kinds/connector-execute.ts).
  const proposal = await propose(tx, "connector_execute", {
    accountId,
    payload,
    reason: "",
    proposer: actor,
  });
  return {
    result: { outcome: "proposed", from, proposal } as TConnectorOutcome,
    ledger: {
      target: `proposal:${proposal.id}`,
      summary: `proposed connector ${key}: ${from} → connected_approved_execute for account:${accountId}`,
      payloadHash: proposal.payloadHash,
    },
  };
}

/** The approval effect of `connector_execute`: the transition is checked again against today's state. */
export async function applyConnectorExecute(tx: Tx, p: TProposal, approver: TActor, now: Date): Promise<void> {
  const payload = p.payload as TConnectorExecutePayload;
  if (!p.accountId || !(CONNECTOR_KEYS as readonly string[]).includes(payload.connector))
    throw new Error(`proposal ${p.id}: no account or connector`);
  const key = payload.connector as TConnectorKey;
  const from = await lockConnector(tx, p.accountId, key, approver.label, now);
  checkTransition(from, "connected_approved_execute", `proposal:${p.id}`);
  await setConnectorState(tx, {
    accountId: p.accountId,
    key,
    state: "connected_approved_execute",
    by: approver.label,
    at: now,
    proposalId: p.id,
  });
  await releaseDedupeKey(tx, p.id);
}
