"use server";

import {
  changeIncidentStatusMutation,
  checkPlanStepMutation,
  recordIncidentUpdateMutation,
  retriageIncidentMutation,
  savePostmortemMutation,
} from "@/lib/actions/incidents";
import { revalidatePath } from "next/cache";
import { openIncidentFromForm } from "@/lib/actions/incidents-form";
import { runFormAction } from "@/lib/actions/server-action";
import { currentActor, requestId } from "@/lib/auth/session";
import type { TResult } from "@/lib/errors";

/**
 * Accounts come as lines of names or ids; the mutation resolves them after the session is checked.
 * From a ticket that already has an incident, the answer is that incident (see openIncidentFromForm).
 */
export async function createIncidentAction(input: unknown): Promise<TResult<{ id: string; existing: boolean }>> {
  const r = await openIncidentFromForm(await currentActor(), input, await requestId());
  if (r.ok) revalidatePath("/", "layout");
  return r;
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
