import "server-only";
import { z } from "zod";
import { runMutation } from "../../actions/mutation";
import { logShadowRowMutation } from "../../actions/shadow-log";
import { messageOf } from "../../api/errors";
import { SHADOW_LOG_NAMES } from "../../domain/shadow/log-row";
import { toolError, type TTool } from "../types";

// Published schema only; the strict check (exactly six keys, named errors) is lib/domain/shadow/log-row.ts.
const ZArgs = z.strictObject({
  log_name: z.enum(SHADOW_LOG_NAMES).describe("Which log to append to."),
  fields: z
    .record(z.string(), z.unknown())
    .describe(
      "Exactly organization_id, tier, days_since_signup, hermes_template, hermes_reasoning (≤ 120 chars), " +
        'input_signals { milestone_flags, nudges_sent }. Heartbeat (0 candidates): all null except hermes_reasoning "heartbeat: 0 candidates".',
    ),
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const logShadowRowTool: TTool = {
  name: "log_shadow_row",
  description:
    "Appends one decision row (or a heartbeat row when there are no candidates) to a shadow log. The " +
    "server sets `timestamp` and `run_id`. Returns { written, line_count, timestamp, run_id }.",
  scope: "shadow:write",
  input: ZArgs,
  async run(args, ctx) {
    if (!isObject(args)) return toolError("invalid_input", "arguments: expected an object");
    const extra = Object.keys(args).find((k) => k !== "log_name" && k !== "fields");
    if (extra !== undefined) return toolError("invalid_input", `${extra}: unknown key`, { [extra]: "unknown key" });
    // Through the door: permission (shadow:write), one ledger entry per row written.
    const r = await runMutation(logShadowRowMutation, ctx.actor, args, ctx.requestId);
    if (!r.ok) return toolError(r.code, Object.values(r.fields ?? {})[0] ?? messageOf(r.code), r.fields);
    return { ok: true, data: r.data };
  },
};
