import type { TActor } from "../domain/auth/actor";
import type { TProposal } from "../domain/proposals/types";

/**
 * The one place API JSON is shaped: snake_case keys, ISO 8601 times. Agents never receive a
 * contact's personal data (schema: AccountContact), so `payload.to` is left out for them; the payload
 * hash still covers it, which is what an approver checks.
 */
export function proposalDto(p: TProposal, viewer: TActor) {
  return {
    id: p.id,
    kind: p.kind,
    state: p.state,
    account_id: p.accountId,
    account_name: p.accountName,
    payload: viewer.scopes ? withoutContact(p.payload) : p.payload,
    payload_hash: p.payloadHash,
    reason: p.reason,
    proposer: { type: p.proposer.type, id: p.proposer.id, label: p.proposer.label },
    created_at: p.createdAt.toISOString(),
    expires_at: p.expiresAt.toISOString(),
    decided_at: p.decidedAt?.toISOString() ?? null,
    decided_by: p.decidedBy,
    decided_by_label: p.decidedByLabel,
    decision_reason: p.decisionReason,
  };
}
export type TProposalDto = ReturnType<typeof proposalDto>;

function withoutContact(payload: unknown): unknown {
  if (!payload || typeof payload !== "object" || !("to" in payload)) return payload;
  const { to: _to, ...rest } = payload as Record<string, unknown>;
  return rest;
}

export function proposalListDto(
  page: { items: TProposal[]; total: number; nextCursor: string | null },
  viewer: TActor,
) {
  return { items: page.items.map((p) => proposalDto(p, viewer)), total: page.total, next_cursor: page.nextCursor };
}
