"use server";

import { proposeCutoverMutation } from "@/lib/actions/cutover";
import { runAsSession } from "@/lib/actions/server-action";
import type { TResult } from "@/lib/errors";
import { ingestedReport } from "@/lib/shadow/ingest";

/** The report is recomputed here from the (freshly ingested) logs, never taken from the browser. */
export async function proposeCutoverAction(): Promise<TResult<null>> {
  const report = (await ingestedReport())?.report ?? null;
  if (!report) return { ok: false, code: "conflict", fields: { _: "validation.gates_not_passed" } };
  const r = await runAsSession(proposeCutoverMutation, { report });
  return r.ok ? { ok: true, data: null } : r;
}
