"use server";

import { completeStepMutation, noteStepMutation, uncompleteStepMutation } from "@/lib/actions/checklist";
import { transitionConnectorMutation } from "@/lib/actions/connectors";
import type { TMutation } from "@/lib/actions/mutation";
import { runAsSession } from "@/lib/actions/server-action";
import type { TResult } from "@/lib/errors";
import type { z } from "zod";

type TOutcome = { outcome: string };

/** The same door for each: only the outcome goes back to the browser (not the proposal's payload). */
async function outcomeOf<S extends z.ZodType, R extends TOutcome>(
  m: TMutation<S, R>,
  input: unknown,
): Promise<TResult<TOutcome>> {
  const r = await runAsSession(m, input);
  return r.ok ? { ok: true, data: { outcome: r.data.outcome } } : r;
}

export async function completeStepAction(input: unknown) {
  return outcomeOf(completeStepMutation, input);
}

export async function uncompleteStepAction(input: unknown) {
  return outcomeOf(uncompleteStepMutation, input);
}

export async function noteStepAction(input: unknown) {
  return outcomeOf(noteStepMutation, input);
}

export async function transitionConnectorAction(input: unknown) {
  return outcomeOf(transitionConnectorMutation, input);
}
