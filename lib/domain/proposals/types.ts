import type { TProposalKind } from "./payloads";
import type { TProposalState } from "./state-machine";

export type TProposal = {
  id: string;
  kind: TProposalKind;
  accountId: string | null;
  accountName: string | null;
  payload: unknown;
  payloadHash: string;
  state: TProposalState;
  /** `tokenId`/`tokenCreatorId`: the API token it was proposed through and that token's creator, if any. */
  proposer: { type: string; id: string; label: string; tokenId: string | null; tokenCreatorId: string | null };
  reason: string;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByLabel: string | null;
  decisionReason: string | null;
  /** The state of its latest outbox row (null: approval queued none, or it is undecided). */
  outboxState: string | null;
};

export type TProposalFilters = {
  state?: TProposalState;
  kind?: TProposalKind;
  accountId?: string;
  proposerId?: string;
  excludeProposerId?: string;
  /** Only proposals older than this many hours. */
  olderThanHours?: number;
  limit: number;
  cursor?: string;
};
