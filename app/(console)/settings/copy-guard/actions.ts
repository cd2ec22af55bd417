"use server";

import { saveCopyGuardListsMutation } from "@/lib/actions/copy-guard";
import { runFormAction } from "@/lib/actions/server-action";

export async function saveCopyGuardListsAction(input: unknown) {
  return runFormAction(saveCopyGuardListsMutation, input);
}
