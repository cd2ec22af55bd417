import { HEARTBEAT_REASONING, TEMPLATES, TIERS, type TTemplate, type TTier } from "./codes";
import { hasControlCharacters } from "../text/safe-text";
import { MILESTONES } from "../accounts/milestones";

/**
 * What `log_shadow_row` accepts and the exact line it writes (spec "Agent tools (MCP)"). This is the
 * writer's check, so it is strict where the reader (schemas.ts) is lenient: exactly six keys, no
 * unknown ones at any depth, every value of its type. Pure: the caller passes the clock.
 */

// The only log names a caller may use; a file name is never built from anything else.
export const SHADOW_LOG_NAMES = ["customer-lifecycle-shadow", "customer-lifecycle-live"] as const;
export type TShadowLogName = (typeof SHADOW_LOG_NAMES)[number];

// Spec: "The whole serialized line including the newline must be ≤ 4096 bytes" (one atomic write).
export const MAX_LINE_BYTES = 4096;
// Spec: `hermes_reasoning` is a string of at most 120 characters (counted as code points).
export const MAX_REASONING_CHARS = 120;

const FIELD_KEYS = [
  "organization_id",
  "tier",
  "days_since_signup",
  "hermes_template",
  "hermes_reasoning",
  "input_signals",
] as const;
// The server sets these two and overrides whatever the agent sent, so they are not "extra" keys.
const SERVER_KEYS = ["timestamp", "run_id"];
const SENT_KEYS = ["day1", "day3", "day7"] as const;

type TMilestones = Record<(typeof MILESTONES)[number], boolean>;
type TSent = Record<(typeof SENT_KEYS)[number], boolean>;

export type TLifecycleFields =
  | {
      organization_id: string;
      tier: TTier;
      days_since_signup: number;
      hermes_template: TTemplate;
      hermes_reasoning: string;
      input_signals: { milestone_flags: TMilestones; nudges_sent: TSent };
    }
  | {
      organization_id: null;
      tier: null;
      days_since_signup: null;
      hermes_template: null;
      hermes_reasoning: typeof HEARTBEAT_REASONING;
      input_signals: null;
    };

export type TLogRowError = { code: "invalid_input" | "payload_too_large"; key: string; message: string };
export type TCheck<T> = { ok: true; value: T } | { ok: false; error: TLogRowError };

const fail = (key: string, message: string, code: TLogRowError["code"] = "invalid_input") =>
  ({ ok: false, error: { code, key, message: `${key}: ${message}` } }) as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const describeType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** The allowlisted log name, or an invalid-input error. Path characters can never pass. */
export function checkLogName(value: unknown): TCheck<TShadowLogName> {
  if (typeof value === "string" && (SHADOW_LOG_NAMES as readonly string[]).includes(value))
    return { ok: true, value: value as TShadowLogName };
  return fail("log_name", `must be one of ${SHADOW_LOG_NAMES.join(", ")}`);
}

/** Exactly `keys` (plus `allowed` extras), else an error naming the first unknown or missing key. */
function checkKeys(obj: Record<string, unknown>, keys: readonly string[], path: string, allowed: string[] = []) {
  const extra = Object.keys(obj).find((k) => !keys.includes(k) && !allowed.includes(k));
  if (extra !== undefined) return fail(`${path}.${extra}`, "unknown key");
  const missing = keys.find((k) => !Object.hasOwn(obj, k));
  if (missing !== undefined) return fail(`${path}.${missing}`, "missing");
  return null;
}

function checkFlags<K extends string>(value: unknown, keys: readonly K[], path: string): TCheck<Record<K, boolean>> {
  if (!isPlainObject(value)) return fail(path, `expected an object, got ${describeType(value)}`);
  const keyError = checkKeys(value, keys, path);
  if (keyError) return keyError;
  const out = {} as Record<K, boolean>;
  for (const k of keys) {
    if (typeof value[k] !== "boolean") return fail(`${path}.${k}`, `expected a boolean, got ${describeType(value[k])}`);
    out[k] = value[k] as boolean;
  }
  return { ok: true, value: out };
}

const isHeartbeat = (f: Record<string, unknown>) =>
  f.hermes_reasoning === HEARTBEAT_REASONING && FIELD_KEYS.every((k) => k === "hermes_reasoning" || f[k] === null);

/**
 * Validates the agent's `fields` for a lifecycle log: a decision row or a heartbeat row (the same six
 * keys, all null but `hermes_reasoning: "heartbeat: 0 candidates"`). Returns a fresh object holding only
 * those keys, in the spec's order; the error names the first offending key (`fields.<key>`).
 */
export function checkLifecycleFields(value: unknown): TCheck<TLifecycleFields> {
  if (!isPlainObject(value)) return fail("fields", `must be a JSON object, got ${describeType(value)}`);
  const keyError = checkKeys(value, FIELD_KEYS, "fields", SERVER_KEYS);
  if (keyError) return keyError;
  if (isHeartbeat(value)) {
    return {
      ok: true,
      value: {
        organization_id: null,
        tier: null,
        days_since_signup: null,
        hermes_template: null,
        hermes_reasoning: HEARTBEAT_REASONING,
        input_signals: null,
      },
    };
  }
  const v = value;
  const nullHint = ` (null only in a heartbeat row with hermes_reasoning "${HEARTBEAT_REASONING}")`;
  if (typeof v.organization_id !== "string" || v.organization_id === "")
    return fail(
      "fields.organization_id",
      `expected a non-empty string, got ${describeType(v.organization_id)}${v.organization_id === null ? nullHint : ""}`,
    );
  if (typeof v.tier !== "string" || !(TIERS as readonly string[]).includes(v.tier))
    return fail("fields.tier", `expected one of ${TIERS.join(", ")}`);
  if (typeof v.days_since_signup !== "number" || !Number.isSafeInteger(v.days_since_signup) || v.days_since_signup < 0)
    return fail("fields.days_since_signup", "expected an integer ≥ 0");
  if (typeof v.hermes_template !== "string" || !(TEMPLATES as readonly string[]).includes(v.hermes_template))
    return fail("fields.hermes_template", `expected one of ${TEMPLATES.join(", ")}`);
  if (typeof v.hermes_reasoning !== "string")
    return fail("fields.hermes_reasoning", `expected a string, got ${describeType(v.hermes_reasoning)}`);
  if (Array.from(v.hermes_reasoning).length > MAX_REASONING_CHARS)
    return fail("fields.hermes_reasoning", `longer than ${MAX_REASONING_CHARS} characters`);
  // A log line is one line: control characters would split it or break the readers (issue 10).
  if (hasControlCharacters(v.organization_id))
    return fail("fields.organization_id", "contains control characters (NUL, C0/C1, CR/LF or tab)");
  if (hasControlCharacters(v.hermes_reasoning))
    return fail("fields.hermes_reasoning", "contains control characters (NUL, C0/C1, CR/LF or tab)");
  const signals = v.input_signals;
  if (!isPlainObject(signals)) return fail("fields.input_signals", `expected an object, got ${describeType(signals)}`);
  const signalKeys = checkKeys(signals, ["milestone_flags", "nudges_sent"], "fields.input_signals");
  if (signalKeys) return signalKeys;
  const flags = checkFlags(signals.milestone_flags, MILESTONES, "fields.input_signals.milestone_flags");
  if (!flags.ok) return flags;
  const sent = checkFlags(signals.nudges_sent, SENT_KEYS, "fields.input_signals.nudges_sent");
  if (!sent.ok) return sent;
  return {
    ok: true,
    value: {
      organization_id: v.organization_id,
      tier: v.tier as TTier,
      days_since_signup: v.days_since_signup,
      hermes_template: v.hermes_template as TTemplate,
      hermes_reasoning: v.hermes_reasoning,
      input_signals: { milestone_flags: flags.value, nudges_sent: sent.value },
    },
  };
}

export type TLogLine = { line: string; bytes: number; timestamp: string; run_id: string };

/**
 * The line to append: server `timestamp` (ISO-8601 UTC) and `run_id` (epoch seconds as a string) first,
 * then the validated fields, then "\n". Rejected with its size when over MAX_LINE_BYTES.
 */
export function buildLogLine(fields: TLifecycleFields, now: Date): TCheck<TLogLine> {
  const timestamp = now.toISOString();
  const run_id = String(Math.floor(now.getTime() / 1000));
  const line = `${JSON.stringify({ timestamp, run_id, ...fields })}\n`;
  const bytes = new TextEncoder().encode(line).length;
  if (bytes > MAX_LINE_BYTES)
    return fail(
      "fields",
      `the line is ${bytes} bytes; the limit is ${MAX_LINE_BYTES} including the newline`,
      "payload_too_large",
    );
  return { ok: true, value: { line, bytes, timestamp, run_id } };
}

/** Both checks and the line, in the order the tool applies them. */
export function prepareLogRow(
  logName: unknown,
  fields: unknown,
  now: Date,
): TCheck<TLogLine & { logName: TShadowLogName }> {
  const name = checkLogName(logName);
  if (!name.ok) return name;
  const checked = checkLifecycleFields(fields);
  if (!checked.ok) return checked;
  const built = buildLogLine(checked.value, now);
  if (!built.ok) return built;
  return { ok: true, value: { ...built.value, logName: name.value } };
}
