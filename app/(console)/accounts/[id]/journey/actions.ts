"use server";

import { completeTouchpointMutation, markCriterionMutation } from "@/lib/actions/journeys";
import { runFormAction } from "@/lib/actions/server-action";

export async function markCriterionAction(input: unknown) {
  return runFormAction(markCriterionMutation, input);
}

export async function completeTouchpointAction(input: unknown) {
  return runFormAction(completeTouchpointMutation, input);
}
