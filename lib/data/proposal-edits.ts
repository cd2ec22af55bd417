import "server-only";
import { randomUUID } from "node:crypto";
import type { TActor } from "../domain/auth/actor";
import { can } from "../domain/auth/permissions";
import { copyFieldsOf } from "../proposals/kinds/copy-fields";
import { PROPOSAL_KINDS, sealPayload, type TProposalKind, type TProposalPayload } from "../domain/proposals/payloads";
import { effectiveState, type TProposalState } from "../domain/proposals/state-machine";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Tx } from "./tx";

type TLocked = { id: string; kind: string; payload: string; payload_hash: string; state: string; expires_at: Date; proposer_id: string };

/**
 * Replaces the customer-facing text of a pending proposal and re-seals its payload (new canonical
 * text and hash), so an approval given to the old text can never apply to the new one. Only the
 * proposer or a founder may edit, only while pending, only the kind's registered text fields, and
 * only from the version the editor saw (`seenHash`). Records who edited (the last editor may not
 * approve). Returns the hashes before and after.
 */
export async function editPendingProposal(
  tx: Tx,
  e: { id: string; editor: TActor; seenHash: string; text: Record<string, string>; now: Date },
): Promise<{ kind: TProposalKind; before: string; after: string }> {
  const rows = await tx.$queryRaw<TLocked[]>`
    SELECT id, kind, payload, payload_hash, state, expires_at, proposer_id FROM proposals WHERE id = ${e.id}::uuid FOR UPDATE`;
  const row = rows[0];
  const target = `proposal:${e.id}`;
  if (!row) throw new AppError("not_found", undefined, undefined, target);
  const kind = row.kind as TProposalKind;
  const fields = copyFieldsOf(kind);
  if (!(PROPOSAL_KINDS as readonly string[]).includes(row.kind) || fields.length === 0)
    throw new AppError("invalid_input", { _: "copyGuard.notEditable" }, undefined, target);
  if (row.proposer_id !== e.editor.id && !(e.editor.scopes === undefined && can(e.editor.role, "proposals:approve")))
    throw new AppError("forbidden", undefined, undefined, target);
  const state = effectiveState({ state: row.state as TProposalState, expiresAt: row.expires_at }, e.now);
  if (state === "expired") throw new AppError("expired", undefined, undefined, target);
  if (state !== "pending") throw new AppError("already_decided", undefined, undefined, target);
  if (row.payload_hash !== e.seenHash) throw new AppError("stale_payload", undefined, undefined, target);
  const extra = Object.keys(e.text).filter((k) => !fields.includes(k));
  if (extra.length > 0) throw new AppError("invalid_input", { [extra[0]!]: "validation.invalid" }, undefined, target);
  const payload = { ...(JSON.parse(row.payload) as Record<string, unknown>), ...e.text } as TProposalPayload;
  const sealed = sealPayload(payload);
  if (sealed.hash === row.payload_hash) throw new AppError("conflict", { _: "copyGuard.unchanged" }, undefined, target);
  await tx.proposal.update({ where: { id: e.id }, data: { payload: sealed.text, payloadHash: sealed.hash } });
  await tx.proposalEdit.create({
    data: {
      id: randomUUID(),
      proposalId: e.id,
      editorId: e.editor.id,
      editorLabel: e.editor.label,
      beforeHash: row.payload_hash,
      afterHash: sealed.hash,
      at: e.now,
    },
  });
  return { kind, before: row.payload_hash, after: sealed.hash };
}

/** Who last edited the proposal's text and when (null when nobody did). */
export async function lastEditor(
  tx: Tx,
  proposalId: string,
): Promise<{ id: string; label: string; at: Date } | null> {
  const row = await tx.proposalEdit.findFirst({
    where: { proposalId },
    orderBy: { at: "desc" },
    select: { editorId: true, editorLabel: true, at: true },
  });
  return row ? { id: row.editorId, label: row.editorLabel, at: row.at } : null;
}

/**
 * The last edit (editor id and time) of each of these proposals that was edited: for the inbox's
 * maker ≠ checker, and for the sole approver's cooling-off, which an edit restarts.
 */
export async function lastEdits(proposalIds: readonly string[]): Promise<Map<string, { id: string; at: Date }>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await prisma().proposalEdit.findMany({
    where: { proposalId: { in: [...proposalIds] } },
    orderBy: [{ proposalId: "asc" }, { at: "desc" }],
    distinct: ["proposalId"],
    select: { proposalId: true, editorId: true, at: true },
  });
  return new Map(rows.map((r) => [r.proposalId, { id: r.editorId, at: r.at }]));
}
