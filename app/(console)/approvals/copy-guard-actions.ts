"use server";

import { checkDraft } from "@/lib/actions/copy-guard";
import { currentActor } from "@/lib/auth/session";

/** The copy guard's findings on a draft as it is typed (a read: no ledger entry). */
export async function checkCopyAction(input: unknown) {
  return checkDraft(await currentActor(), input);
}
