"use server";

import {
  changeIncidentStatusMutation,
  checkPlanStepMutation,
  createIncidentMutation,
  recordIncidentUpdateMutation,
  retriageIncidentMutation,
  savePostmortemMutation,
} from "@/lib/actions/incidents";
import { runAsSession, runFormAction } from "@/lib/actions/server-action";
import { resolveAccounts } from "@/lib/data/incidents";
import type { TResult } from "@/lib/errors";

const MAX_ACCOUNT_LINES = 2000;

/**
 * The form names affected accounts by name or id, one per line; they are resolved here and unknown
 * ones named back to the user before anything is created.
 */
export async function createIncidentAction(input: unknown): Promise<TResult<{ id: string }>> {
  const raw = (input ?? {}) as { accounts?: unknown };
  const lines =
    typeof raw.accounts === "string"
      ? raw.accounts
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
      : [];
  if (lines.length > MAX_ACCOUNT_LINES)
    return { ok: false, code: "invalid_input", fields: { accounts: "validation.too_long" } };
  const { ids, unknown } = await resolveAccounts(lines);
  if (unknown.length > 0)
    return { ok: false, code: "invalid_input", fields: { accounts: "incidents.form.unknownAccounts" } };
  const { accounts: _accounts, ...rest } = raw as Record<string, unknown>;
  const r = await runAsSession(createIncidentMutation, { ...rest, account_ids: ids });
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
