"use server";

import { revalidatePath } from "next/cache";
import { runIdempotentMutation } from "@/lib/actions/idempotent-action";
import { checkImport, importTicketsMutation, type TImportPreview } from "@/lib/actions/support-import";
import { runFormAction, runProposeAction } from "@/lib/actions/server-action";
import {
  createTicketMutation,
  overridePriorityMutation,
  recordEventMutation,
  saveSupportSettingsMutation,
  type TCreatedTicket,
} from "@/lib/actions/support";
import { proposeReplyMutation } from "@/lib/actions/support-replies";
import { currentActor, requestId } from "@/lib/auth/session";
import { actorCan } from "@/lib/domain/auth/scopes";
import { MAX_IMPORT_BYTES } from "@/lib/domain/support/import";
import type { TResult } from "@/lib/errors";

/** The form sends a key made once per submission: a double submit creates one ticket (runIdempotentMutation). */
export async function createTicketAction(input: unknown, idempotencyKey?: unknown): Promise<TResult<TCreatedTicket>> {
  const r = await runIdempotentMutation(
    createTicketMutation,
    await currentActor(),
    input,
    idempotencyKey,
    await requestId(),
  );
  if (r.ok) revalidatePath("/", "layout");
  return r;
}

export async function recordEventAction(input: unknown) {
  return runFormAction(recordEventMutation, input);
}

export async function overridePriorityAction(input: unknown) {
  return runFormAction(overridePriorityMutation, input);
}

export async function proposeReplyAction(input: unknown) {
  return runProposeAction(proposeReplyMutation, input);
}

export async function importTicketsAction(input: unknown) {
  return runFormAction(importTicketsMutation, input);
}

export async function saveSupportSettingsAction(input: unknown) {
  return runFormAction(saveSupportSettingsMutation, input);
}

/** The import preview changes nothing, so it is a read; it still needs the right to import. */
export async function previewImportAction(csv: unknown): Promise<TResult<TImportPreview>> {
  const actor = await currentActor();
  if (!actor) return { ok: false, code: "unauthenticated" };
  if (!actorCan(actor, "tickets:write")) return { ok: false, code: "forbidden" };
  if (typeof csv !== "string") return { ok: false, code: "invalid_input" };
  // Bytes, as the file's size and the import's own check count them (not UTF-16 units).
  if (Buffer.byteLength(csv, "utf8") > MAX_IMPORT_BYTES) return { ok: false, code: "payload_too_large" };
  return { ok: true, data: await checkImport(csv, new Date()) };
}
