"use server";

import { runFormAction } from "@/lib/actions/server-action";
import { createProposalMutation, freezeNowMutation, requeueProposalMutation } from "@/lib/actions/proposals";

export async function freezeNowAction(input: unknown) {
  return runFormAction(freezeNowMutation, input);
}

/** Unfreezing widens what the system may do, so it is a proposal another person must approve. */
export async function proposeUnfreezeAction(input: unknown) {
  const reason = (input as { reason?: unknown })?.reason;
  return runFormAction(createProposalMutation, { kind: "unfreeze", reason });
}

export async function retryAction(input: unknown) {
  return runFormAction(requeueProposalMutation, input);
}
