"use server";

import {
  changeIncidentStatusMutation,
  checkPlanStepMutation,
  createIncidentFromFormMutation,
  recordIncidentUpdateMutation,
  retriageIncidentMutation,
  savePostmortemMutation,
} from "@/lib/actions/incidents";
import { runAsSession, runFormAction } from "@/lib/actions/server-action";
import type { TResult } from "@/lib/errors";

/** Accounts come as lines of names or ids; the mutation resolves them after the session is checked. */
export async function createIncidentAction(input: unknown): Promise<TResult<{ id: string }>> {
  const r = await runAsSession(createIncidentFromFormMutation, input);
  return r.ok ? { ok: true, data: { id: r.data.id } } : r;
}

export async function retriageAction(input: unknown) {
  return runFormAction(retriageIncidentMutation, input);
}

export async function recordUpdateAction(input: unknown) {
  return runFormAction(recordIncidentUpdateMutation, input);
}

export async function checkStepAction(input: unknown) {
  return runFormAction(checkPlanStepMutation, input);
}

export async function changeStatusAction(input: unknown) {
  return runFormAction(changeIncidentStatusMutation, input);
}

export async function savePostmortemAction(input: unknown) {
  return runFormAction(savePostmortemMutation, input);
}
