"use server";

import { runAsSession } from "@/lib/actions/server-action";
import { createProposalMutation, freezeNowMutation, requeueProposalMutation } from "@/lib/actions/proposals";
import type { TResult } from "@/lib/errors";

const done = <T>(r: TResult<T>): TResult<null> => (r.ok ? { ok: true, data: null } : r);

export async function freezeNowAction(input: unknown) {
  return done(await runAsSession(freezeNowMutation, input));
}

/** Unfreezing widens what the system may do, so it is a proposal another person must approve. */
export async function proposeUnfreezeAction(input: unknown) {
  const reason = (input as { reason?: unknown })?.reason;
  return done(await runAsSession(createProposalMutation, { kind: "unfreeze", reason }));
}

export async function retryAction(input: unknown) {
  return done(await runAsSession(requeueProposalMutation, input));
}
