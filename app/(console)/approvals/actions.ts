"use server";

import { revalidatePath } from "next/cache";
import { bulkApprove, type TBulkResult } from "@/lib/actions/proposals-bulk";
import { runFormAction, runProposeAction } from "@/lib/actions/server-action";
import { currentActor, requestId } from "@/lib/auth/session";
import {
  approveAsSoleApproverMutation,
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
  return runProposeAction(createProposalMutation, input);
}

/** Edits a pending draft's customer-facing text (proposer or founder); the payload is re-sealed. */
export async function editDraftAction(input: unknown) {
  return runFormAction(editProposalTextMutation, input);
}

/** The sole-approver exception: a maker approves alone after the cooling-off, with a reason (lib/actions/proposals.ts). */
export async function soleApproveAction(input: unknown) {
  return runFormAction(approveAsSoleApproverMutation, input);
}

/** Bulk approval of a reviewed set (lib/actions/proposals-bulk.ts): customer messages, or one group. */
export async function bulkApproveAction(items: unknown): Promise<TResult<TBulkResult>> {
  const result = await bulkApprove(await currentActor(), items, await requestId());
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
