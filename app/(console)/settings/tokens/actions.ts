"use server";

import { runAsSession } from "@/lib/actions/server-action";
import { createTokenMutation, revokeTokenMutation } from "@/lib/actions/tokens";
import type { TResult } from "@/lib/errors";

// Thin: the mutations check the session, the permission (settings:manage) and the input, and ledger.
// The secret goes back to the founder's browser once and is never stored or ledgered.
export async function createTokenAction(input: unknown): Promise<TResult<{ secret: string }>> {
  const r = await runAsSession(createTokenMutation, input);
  return r.ok ? { ok: true, data: { secret: r.data.secret } } : r;
}

export async function revokeTokenAction(input: unknown): Promise<TResult<null>> {
  const r = await runAsSession(revokeTokenMutation, input);
  return r.ok ? { ok: true, data: null } : r;
}
