"use server";

import { proposeCutoverMutation } from "@/lib/actions/cutover";
import { refuseUnlessPermitted, runAsSession } from "@/lib/actions/server-action";
import type { TResult } from "@/lib/errors";
import { ingestedReport } from "@/lib/shadow/ingest";

/** The report is recomputed here from the (freshly ingested) logs, never taken from the browser. */
export async function proposeCutoverAction(): Promise<TResult<null>> {
  // Ingesting reads the log files and writes rows: only for someone who may propose the cut-over.
  const refused = await refuseUnlessPermitted(proposeCutoverMutation);
  if (refused) return refused;
  const report = (await ingestedReport())?.report ?? null;
  if (!report) return { ok: false, code: "conflict", fields: { _: "validation.gates_not_passed" } };
  const r = await runAsSession(proposeCutoverMutation, { report });
  return r.ok ? { ok: true, data: null } : r;
}
