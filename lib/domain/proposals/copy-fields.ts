import { checkCopy, type TCopyVerdict } from "../copy-guard/guard";
import type { TProposalKind } from "./payloads";

/**
 * Which payload fields of each proposal kind a customer reads: the outbound copy guard checks them
 * before approval, and they are what a proposer may edit while the proposal is pending. Every kind
 * has its line (a new kind does not type-check without one); internal kinds have no customer text.
 */
export const COPY_FIELDS: Record<TProposalKind, readonly string[]> = {
  message: ["subject", "body"],
  nudge: ["subject", "body"],
  ticket_reply: ["subject", "body"],
  freeze: [],
  unfreeze: [],
  nudge_mark_sent: [],
  auto_complete: [],
  cutover_signoff: [],
  checklist_step: [],
  connector_execute: [],
};

export const copyFieldsOf = (kind: TProposalKind): readonly string[] => COPY_FIELDS[kind];

/** The customer-facing text of a payload, by field (missing or non-text fields read as empty). */
export function copyTextOf(kind: TProposalKind, payload: unknown): Record<string, string> {
  const p = (payload ?? {}) as Record<string, unknown>;
  return Object.fromEntries(copyFieldsOf(kind).map((f) => [f, typeof p[f] === "string" ? (p[f] as string) : ""]));
}

/** The guard's verdict on a proposal; kinds without customer-facing text always pass. */
export const guardProposal = (kind: TProposalKind, payload: unknown): TCopyVerdict =>
  checkCopy(copyTextOf(kind, payload));
