"use server";

import { saveCoolingOffMutation } from "@/lib/actions/approval-settings";
import { runFormAction } from "@/lib/actions/server-action";

export async function saveCoolingOffAction(input: unknown) {
  return runFormAction(saveCoolingOffMutation, input);
}
