import { z } from "zod";
import { TIERS, type TTier } from "../accounts/tiers";

/**
 * One onboarding candidate exactly as `list_onboarding_candidates` puts it on the wire (spec "Inputs:
 * an onboarding candidate"), and the `{ candidates, total }` document around it.
 *
 * Leniency, chosen on purpose: this schema reads *input* (a listing piped into `lifecycle decide`, a
 * tool result), so extra keys are tolerated and dropped (zod's default strip) — a newer listing with
 * more signals must not break an older reader. Required keys are strict: missing, mistyped, negative
 * or fractional values are rejected. The tool's *output* is a different matter (unknown keys never
 * leak); that is enforced where the tool builds its rows, not here.
 */

const isTier = (value: string): value is TTier => (TIERS as readonly string[]).includes(value);

// Spec: tier is `free | starter | pro | enterprise`, "anything else reads as free". Only strings are
// read that way; a number or null is a broken listing, not a tier we do not know yet.
const ZTier = z.string().transform((value): TTier => (isTier(value) ? value : "free"));

export const ZMilestoneFlags = z.object({
  welcomed: z.boolean(),
  screen_paired: z.boolean(),
  content_uploaded: z.boolean(),
  playlist_created: z.boolean(),
  schedule_created: z.boolean(),
});

export const ZNudgesSent = z.object({ day1: z.boolean(), day3: z.boolean(), day7: z.boolean() });

export const ZNudgeCandidate = z.object({
  organization_id: z.string().min(1),
  tier: ZTier,
  // Whole days, floor((now − signup) / 86 400 000 ms); the rules compare against integer windows.
  days_since_signup: z.number().int().min(0),
  milestone_flags: ZMilestoneFlags,
  nudges_sent: ZNudgesSent,
});

export type TNudgeCandidate = z.output<typeof ZNudgeCandidate>;

// `total` may differ from candidates.length: the listing is paged (`limit`), so it is not checked.
export const ZCandidatesDocument = z.object({
  candidates: z.array(ZNudgeCandidate),
  total: z.number().int().min(0),
});

export type TCandidatesDocument = z.output<typeof ZCandidatesDocument>;

/**
 * A fast yes for the common case: true only for a candidate that ZNudgeCandidate accepts and leaves
 * unchanged apart from dropping extra keys (a known tier, every required key of the right type), so a
 * large listing can skip zod's per-object work. False means "ask the schema", never "invalid": the
 * schema still decides and words the error. A test holds the two to this contract.
 */
export function isWellFormedCandidate(value: unknown): value is TNudgeCandidate {
  if (typeof value !== "object" || value === null) return false;
  const c = value as Record<string, unknown>;
  const days = c.days_since_signup;
  const flags = c.milestone_flags as Record<string, unknown> | null;
  const sent = c.nudges_sent as Record<string, unknown> | null;
  return (
    typeof c.organization_id === "string" &&
    c.organization_id !== "" &&
    typeof c.tier === "string" &&
    isTier(c.tier) &&
    typeof days === "number" &&
    Number.isSafeInteger(days) &&
    days >= 0 &&
    typeof flags === "object" &&
    flags !== null &&
    typeof flags.welcomed === "boolean" &&
    typeof flags.screen_paired === "boolean" &&
    typeof flags.content_uploaded === "boolean" &&
    typeof flags.playlist_created === "boolean" &&
    typeof flags.schedule_created === "boolean" &&
    typeof sent === "object" &&
    sent !== null &&
    typeof sent.day1 === "boolean" &&
    typeof sent.day3 === "boolean" &&
    typeof sent.day7 === "boolean"
  );
}

export type TParseCandidates = { ok: true; document: TCandidatesDocument } | { ok: false; error: string };

/**
 * Validates an already JSON-parsed document. Never throws; on failure the error names the first bad
 * field by path (`candidates[3].milestone_flags.screen_paired: expected boolean, got string`) and how
 * many more problems there are, so a person can find the candidate in a large listing.
 */
export function parseCandidatesDocument(input: unknown): TParseCandidates {
  const parsed = ZCandidatesDocument.safeParse(input);
  if (parsed.success) return { ok: true, document: parsed.data };
  const [first, ...rest] = parsed.error.issues;
  if (!first) return { ok: false, error: "document: invalid" };
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
  return { ok: false, error: `${formatPath(first.path)}: ${describeIssue(first, input)}${more}` };
}

/** `["candidates", 3, "tier"]` → `candidates[3].tier`; the root is called `document`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "document";
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return `expected a whole number, got ${value}`;
      if (value === undefined) return `missing (expected ${expectedLabel(issue.expected)})`;
      return `expected ${expectedLabel(issue.expected)}, got ${typeName(value)}`;
    case "too_small":
      return issue.origin === "string" ? "must not be empty" : `must be ≥ ${String(issue.minimum)}, got ${value}`;
    default:
      return issue.message;
  }
}

function expectedLabel(expected: string): string {
  if (expected === "object") return "an object";
  if (expected === "array") return "an array";
  return expected;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}
