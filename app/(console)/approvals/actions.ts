"use server";

import { refuseUnlessPermitted, runAsSession, runFormAction } from "@/lib/actions/server-action";
import {
  approveProposalMutation,
  createProposalMutation,
  editProposalTextMutation,
  rejectProposalMutation,
} from "@/lib/actions/proposals";
import type { TResult } from "@/lib/errors";

export async function approveAction(input: unknown) {
  return runFormAction(approveProposalMutation, input);
}

export async function rejectAction(input: unknown) {
  return runFormAction(rejectProposalMutation, input);
}

export async function proposeAction(input: unknown) {
  return runFormAction(createProposalMutation, input);
}

/** Edits a pending draft's customer-facing text (proposer or founder); the payload is re-sealed. */
export async function editDraftAction(input: unknown) {
  return runFormAction(editProposalTextMutation, input);
}

/**
 * Bulk approval of a reviewed set: one click, one transaction and one ledger entry per item, so one
 * stale or already-decided item does not block the rest. Returns what failed and why.
 */
export async function bulkApproveAction(
  items: unknown,
): Promise<TResult<{ approved: number; failed: { id: string; code: string }[] }>> {
  const refused = await refuseUnlessPermitted(approveProposalMutation);
  if (refused) return refused;
  if (!Array.isArray(items) || items.length === 0 || items.length > 200) return { ok: false, code: "invalid_input" };
  let approved = 0;
  const failed: { id: string; code: string }[] = [];
  for (const item of items) {
    const r = await runAsSession(approveProposalMutation, item);
    if (r.ok) approved++;
    else failed.push({ id: String((item as { id?: unknown })?.id ?? ""), code: r.code });
    if (!r.ok && (r.code === "unauthenticated" || r.code === "forbidden")) return r;
  }
  return { ok: true, data: { approved, failed } };
}
