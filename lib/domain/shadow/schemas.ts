import { z } from "zod";
import { HEARTBEAT_REASONING, TEMPLATES } from "./codes";
import { parseIsoTimestamp } from "./timestamp";

/**
 * The two log rows as the agreement report reads them (spec "Heuristic log" and `log_shadow_row`).
 * This is the authoritative check: the byte scanner (scan-line.ts) only takes the common shape and
 * hands every other line to these schemas, so what they accept or reject decides what is malformed.
 *
 * Leniency, on purpose: a reader of logs, unlike the tool that writes them, tolerates unknown keys
 * (dropped) and treats optional signals as absent. Types of the keys it knows are strict, so a
 * mistyped value is malformed rather than silently read as something else.
 */

const ZTimestamp = z
  .string()
  .refine((value) => !Number.isNaN(parseIsoTimestamp(value)), "expected an ISO-8601 timestamp with a zone");
const ZRunId = z.union([z.string(), z.number()]).nullish();
const ZDays = z.number().int().min(0).nullish();
const ZText = z.string().nullish();

// Missing flags read as false; a flag that is present must be a boolean.
const ZMilestoneFlags = z
  .object({
    welcomed: z.boolean().optional(),
    screen_paired: z.boolean().optional(),
    content_uploaded: z.boolean().optional(),
    playlist_created: z.boolean().optional(),
    schedule_created: z.boolean().optional(),
  })
  .nullish();
const ZNudgesSent = z
  .object({ day1: z.boolean().optional(), day3: z.boolean().optional(), day7: z.boolean().optional() })
  .nullish();

export const ZShadowLogRow = z.object({
  timestamp: ZTimestamp,
  run_id: ZRunId,
  // Present on every row; null only on a heartbeat (checked by `shadowRowKind`).
  organization_id: z.string().min(1).nullable(),
  tier: ZText,
  days_since_signup: ZDays,
  // Spec "Agreement": a shadow template missing or null reads as `none`.
  hermes_template: z.enum(TEMPLATES).nullish(),
  hermes_reasoning: ZText,
  input_signals: z.object({ milestone_flags: ZMilestoneFlags, nudges_sent: ZNudgesSent }).nullish(),
});
export type TShadowLogRow = z.output<typeof ZShadowLogRow>;

export const ZHeuristicLogRow = z.object({
  timestamp: ZTimestamp,
  run_id: ZRunId,
  organization_id: z.string().min(1),
  tier: ZText,
  days_since_signup: ZDays,
  heuristic_template: z.enum(TEMPLATES),
  heuristic_action: ZText,
  heuristic_reason: ZText,
  input_signals: z.object({ milestone_flags: ZMilestoneFlags }).nullish(),
});
export type THeuristicLogRow = z.output<typeof ZHeuristicLogRow>;

export type TRowCheck<T> = { ok: true; row: T } | { ok: false; reason: string };

/** Both checks, as the log readers take them (log-readers.ts TRowChecks). */
export const ROW_CHECKS = {
  shadow: (value: unknown) => checkShadowRow(value),
  heuristic: (value: unknown) => checkHeuristicRow(value),
};

/** Validates one parsed JSON value as a shadow row; the reason names the first bad key. Never throws. */
export function checkShadowRow(value: unknown): TRowCheck<TShadowLogRow> {
  const parsed = ZShadowLogRow.safeParse(value);
  if (!parsed.success) return { ok: false, reason: describe(parsed.error) };
  const row = parsed.data;
  if (row.organization_id === null && row.hermes_reasoning !== HEARTBEAT_REASONING) {
    return { ok: false, reason: `organization_id: null outside a heartbeat row ("${HEARTBEAT_REASONING}")` };
  }
  return { ok: true, row };
}

/** Validates one parsed JSON value as a heuristic log row. Never throws. */
export function checkHeuristicRow(value: unknown): TRowCheck<THeuristicLogRow> {
  const parsed = ZHeuristicLogRow.safeParse(value);
  return parsed.success ? { ok: true, row: parsed.data } : { ok: false, reason: describe(parsed.error) };
}

function describe(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return "invalid row";
  const where = first.path.length ? first.path.map(String).join(".") : "row";
  const more = rest.length ? ` (and ${rest.length} more)` : "";
  return `${where}: ${first.message}${more}`;
}
