import "server-only";
import { z } from "zod";
import { appendShadowRow } from "../shadow/log-writer";
import { AppError } from "../errors";
import { defineMutation } from "./mutation";

/**
 * One shadow-log row (MCP `log_shadow_row`) through the mutation door: `shadow:write` (agents by that
 * scope; people by role, so never a read-only analyst), and one ledger entry per row written. A run
 * is one read plus up to 500 rows every 30 minutes; an entry per row keeps every line the agreement
 * counts attributable to the token that wrote it, at the cost of one chained INSERT per call (the
 * per-call MCP audit already costs one). The row is validated strictly by lib/domain/shadow/log-row.ts;
 * an invalid one writes nothing and is ledgered as `shadow.log.denied` (the fields, never the values). The append happens in
 * the door's transaction: if the commit failed after it, the line would stand without its entry — the
 * MCP audit still records that call.
 */
export const logShadowRowMutation = defineMutation({
  name: "shadow.log",
  permission: "shadow:write",
  input: z.object({ log_name: z.unknown(), fields: z.unknown() }),
  async run({ input }) {
    const r = await appendShadowRow({ logName: input.log_name, fields: input.fields, now: new Date() });
    if (!r.ok) throw new AppError(r.error.code, { [r.error.key]: r.error.message }, r.error.message);
    const f = input.fields as Record<string, unknown>;
    const what =
      typeof f.organization_id === "string"
        ? `${String(f.hermes_template)} for organization ${f.organization_id.slice(0, 100)}`
        : "heartbeat";
    return {
      result: r.value,
      ledger: {
        target: `shadow:${String(input.log_name)}`,
        summary: `logged ${what}: line ${r.value.line_count}, run ${r.value.run_id}`,
      },
    };
  },
});
