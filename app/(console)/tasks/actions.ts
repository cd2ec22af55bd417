"use server";

import {
  completeTaskMutation,
  deactivatePlanMutation,
  draftCheckInMutation,
  recomputeRiskMutation,
  savePlanMutation,
  skipTaskMutation,
} from "@/lib/actions/cadence";
import { runFormAction, runProposeAction } from "@/lib/actions/server-action";

export async function completeTaskAction(input: unknown) {
  return runFormAction(completeTaskMutation, input);
}

export async function skipTaskAction(input: unknown) {
  return runFormAction(skipTaskMutation, input);
}

export async function savePlanAction(input: unknown) {
  return runFormAction(savePlanMutation, input);
}

export async function deactivatePlanAction(input: unknown) {
  return runFormAction(deactivatePlanMutation, input);
}

export async function recomputeRiskAction(input: unknown) {
  return runFormAction(recomputeRiskMutation, input);
}

export async function draftCheckInAction(input: unknown) {
  return runProposeAction(draftCheckInMutation, input);
}
