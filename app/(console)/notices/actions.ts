"use server";

import { markNoticesReadMutation } from "@/lib/actions/notices";
import { runFormAction } from "@/lib/actions/server-action";

export async function markNoticesReadAction(input: unknown) {
  return runFormAction(markNoticesReadMutation, input);
}
