"use server";

import { proposeCutoverMutation } from "@/lib/actions/cutover";
import { runAsSession } from "@/lib/actions/server-action";
import type { TResult } from "@/lib/errors";
import { compareFiles, ShadowFileError } from "@/lib/shadow/read";
import { heuristicLogPath, shadowLogPath } from "@/lib/shadow/paths";

/** The report is recomputed here from the logs, never taken from the browser. */
export async function proposeCutoverAction(): Promise<TResult<null>> {
  const report = await compareFiles(shadowLogPath(), heuristicLogPath(), { threads: 1 }).then(
    (r) => r.report,
    (error: unknown) => {
      if (error instanceof ShadowFileError) return null;
      throw error;
    },
  );
  if (!report) return { ok: false, code: "conflict", fields: { _: "validation.gates_not_passed" } };
  const r = await runAsSession(proposeCutoverMutation, { report });
  return r.ok ? { ok: true, data: null } : r;
}
