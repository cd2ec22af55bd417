import type { TActor } from "../domain/auth/actor";
import {
  DECIDER_FOR_AGENT,
  PERSON_FOR_AGENT,
  labelForAgent,
  redactPayloadForAgent,
  redactText,
  type TContact,
} from "../domain/proposals/agent-view";
import type { TProposal } from "../domain/proposals/types";

/** The contacts of each account (by account id), so an agent's view can hide them wherever they appear. */
export type TContactsByAccount = ReadonlyMap<string, readonly TContact[]>;

/**
 * The one place API JSON is shaped: snake_case keys, ISO 8601 times. Agents never receive personal
 * data (lib/domain/proposals/agent-view.ts): `payload.to` is left out, the contact's name and e-mail
 * (and the account's other contacts, when given) are replaced in every text, and people's e-mails as
 * proposer or decider become "a person" / "a founder". The payload hash still covers the real payload,
 * which is what an approver checks.
 */
export function proposalDto(p: TProposal, viewer: TActor, contacts: TContactsByAccount = new Map()) {
  const agent = viewer.scopes !== undefined;
  const known = (p.accountId && contacts.get(p.accountId)) || [];
  const text = (s: string | null) => (agent && s !== null ? redactText(s, known) : s);
  return {
    id: p.id,
    kind: p.kind,
    state: p.state,
    account_id: p.accountId,
    account_name: p.accountName,
    payload: agent ? redactPayloadForAgent(p.payload, known) : p.payload,
    payload_hash: p.payloadHash,
    reason: text(p.reason),
    proposer: {
      type: p.proposer.type,
      id: p.proposer.id,
      label: agent ? labelForAgent(p.proposer.label, PERSON_FOR_AGENT) : p.proposer.label,
    },
    created_at: p.createdAt.toISOString(),
    expires_at: p.expiresAt.toISOString(),
    decided_at: p.decidedAt?.toISOString() ?? null,
    decided_by: p.decidedBy,
    decided_by_label: agent ? labelForAgent(p.decidedByLabel, DECIDER_FOR_AGENT) : p.decidedByLabel,
    decision_reason: text(p.decisionReason),
  };
}
export type TProposalDto = ReturnType<typeof proposalDto>;

export function proposalListDto(
  page: { items: TProposal[]; total: number; nextCursor: string | null },
  viewer: TActor,
  contacts: TContactsByAccount = new Map(),
) {
  return {
    items: page.items.map((p) => proposalDto(p, viewer, contacts)),
    total: page.total,
    next_cursor: page.nextCursor,
  };
}
