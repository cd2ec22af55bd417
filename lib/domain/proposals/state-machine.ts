import { addWholeDays } from "../time/days";

/**
 * Proposal lifecycle as a table (spec: approvals-and-ledger.md). Anything not listed is refused.
 *   pending → approved → dispatched → delivered | failed;  pending → rejected | expired;  failed → pending
 */
export const PROPOSAL_STATES = [
  "pending",
  "approved",
  "dispatched",
  "delivered",
  "failed",
  "rejected",
  "expired",
] as const;
export type TProposalState = (typeof PROPOSAL_STATES)[number];
export const isProposalState = (v: unknown): v is TProposalState =>
  typeof v === "string" && (PROPOSAL_STATES as readonly string[]).includes(v);

const TRANSITIONS: Record<TProposalState, readonly TProposalState[]> = {
  pending: ["approved", "rejected", "expired"],
  approved: ["dispatched"],
  dispatched: ["delivered", "failed"],
  delivered: [],
  failed: ["pending"],
  rejected: [],
  expired: [],
};

export function canTransition(from: TProposalState, to: TProposalState): boolean {
  return TRANSITIONS[from].includes(to);
}

export const isTerminal = (state: TProposalState): boolean => TRANSITIONS[state].length === 0;

// Spec default: a proposal nobody decided on within a week expires.
export const DEFAULT_EXPIRY_DAYS = 7;

export function expiresAt(createdAt: Date, days = DEFAULT_EXPIRY_DAYS): Date {
  return addWholeDays(createdAt, days);
}

/** A pending proposal past its expiry counts as expired even before a sweep records it. */
export function effectiveState(p: { state: TProposalState; expiresAt: Date }, now: Date): TProposalState {
  return p.state === "pending" && p.expiresAt.getTime() <= now.getTime() ? "expired" : p.state;
}

export type TDecisionRefusal = "not_pending" | "expired" | "own_proposal" | "stale_payload";

/** Who made a proposal what it is; see `isMaker`. */
export type TMakers = {
  proposerId: string;
  /** The user who created the API token the proposal was made through (null: no token, or the CLI made it). */
  proposerTokenCreatorId?: string | null;
  /** Whoever last rewrote its customer-facing text (null: nobody). */
  lastEditorId?: string | null;
};

/**
 * Maker ≠ checker: the proposer, the creator of the token it was proposed through (a personal token
 * made for someone else, or an agent token, is its creator's hand) and its last editor may never
 * approve it, whatever their role.
 */
export function isMaker(approverId: string, m: TMakers): boolean {
  return m.proposerId === approverId || m.proposerTokenCreatorId === approverId || m.lastEditorId === approverId;
}

/**
 * Whether `approverId` may approve now. Maker ≠ checker (`isMaker`) comes first, whatever the state.
 * The approver must have seen the payload that is stored (`seenPayloadHash`), so a payload changed
 * after review cannot be approved.
 */
export function checkApproval(
  p: { state: TProposalState; expiresAt: Date; payloadHash: string } & TMakers,
  approver: { id: string; seenPayloadHash: string },
  now: Date,
): TDecisionRefusal | null {
  if (isMaker(approver.id, p)) return "own_proposal";
  const state = effectiveState(p, now);
  if (state === "expired") return "expired";
  if (state !== "pending") return "not_pending";
  if (approver.seenPayloadHash !== p.payloadHash) return "stale_payload";
  return null;
}
