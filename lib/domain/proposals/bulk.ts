import type { TProposalKind } from "./payloads";

/** What a kind declares about deciding it with others (lib/proposals/kinds/types.ts). */
export type TBulkRules = { bulkApprovable: boolean; groupDecidable: boolean };

/**
 * Whether a set may be approved in one click: every item a customer message (the spec's bulk
 * approval), or every item of one group-decidable kind (a group of similar system proposals). Returns
 * null when it may; otherwise the first kind that must be decided one by one, so the whole set is
 * refused before anything in it is approved. An empty set is no set (the caller refuses it as input).
 */
export function bulkRefusal(
  kinds: readonly TProposalKind[],
  rulesOf: (k: TProposalKind) => TBulkRules,
): TProposalKind | null {
  if (kinds.every((k) => rulesOf(k).bulkApprovable)) return null;
  const first = kinds[0];
  if (first !== undefined && rulesOf(first).groupDecidable && kinds.every((k) => k === first)) return null;
  return kinds.find((k) => !rulesOf(k).bulkApprovable) ?? null;
}
