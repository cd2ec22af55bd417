"use server";

import { updateJourneySettingsMutation } from "@/lib/actions/journeys";
import { runFormAction } from "@/lib/actions/server-action";

export async function updateJourneySettingsAction(input: unknown) {
  return runFormAction(updateJourneySettingsMutation, input);
}
