import "server-only";
import { z } from "zod";
import { claimDedupeKey, liveProposalFor } from "../data/nudges";
import { insertProposal } from "../data/proposals";
import type { Tx } from "../data/tx";
import type { TActor } from "../domain/auth/actor";
import type { TPayloadByKind, TProposalKind } from "../domain/proposals/payloads";
import type { TProposal } from "../domain/proposals/types";
import { AppError } from "../errors";
import { kindOf } from "./kinds/registry";

/**
 * Creates a proposal of any kind, in the caller's transaction: the payload must match the kind's
 * schema (a mismatch is a bug in the caller, so it throws), the proposal is stored sealed, and the
 * kind's dedupe key is checked against live proposals and claimed (refused with the kind's `conflict`
 * codes; the unique index refuses a concurrent twin the same way).
 */
export async function propose<K extends TProposalKind>(
  tx: Tx,
  kind: K,
  p: { accountId: string | null; payload: TPayloadByKind[K]; reason: string; proposer: TActor },
): Promise<TProposal> {
  const m = kindOf(kind);
  const checked = m.payload.safeParse(p.payload);
  if (!checked.success) throw new Error(`${kind} payload does not match its schema: ${z.prettifyError(checked.error)}`);
  const proposal = await insertProposal(tx, { kind, ...p });
  if (!m.dedupe) return proposal;
  const key = m.dedupe.key({ id: proposal.id, ...p });
  if (key === null) return proposal;
  await refuseIfLive(tx, kind, key);
  await claimDedupeKey(tx, proposal.id, key, m.dedupe.field, m.dedupe.code);
  return proposal;
}

/**
 * Refuses (with the kind's conflict codes) while a proposal holding `key` is live. `propose` does this
 * itself; a creator calls it first only to refuse before work that can fail differently (addressing).
 */
export async function refuseIfLive(tx: Tx, kind: TProposalKind, key: string): Promise<void> {
  const dedupe = kindOf(kind).dedupe;
  const live = await liveProposalFor(tx, key);
  if (live && dedupe)
    throw new AppError("conflict", { [dedupe.field]: dedupe.code }, dedupe.detail, `proposal:${live.id}`);
}
