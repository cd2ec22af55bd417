import type { z } from "zod";
import { PHRASE_INVALID_CODE } from "./copy-guard/lists";
import { RECEIVED_AT_RANGE_CODE } from "./support/input";
import { BIDI_CONTROLS_CODE, CONTROL_CHARACTERS_CODE } from "./text/safe-text";

// Refinements that name their own code; any other refinement reads as `validation.invalid`.
const OWN_CODES = new Set<string>([
  CONTROL_CHARACTERS_CODE,
  BIDI_CONTROLS_CODE,
  RECEIVED_AT_RANGE_CODE,
  PHRASE_INVALID_CODE,
]);

/**
 * Maps zod issues to `{ field: "validation.<key>" }` message codes the client translates, so field
 * errors appear in the user's language. The first issue per field wins.
 */
export function fieldErrors(error: z.ZodError, input?: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    if (out[field]) continue;
    out[field] = `validation.${isBlank(valueAt(input, issue.path)) ? "required" : keyOf(issue)}`;
  }
  return out;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function keyOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "required" : "too_short";
    case "too_big":
      return "too_long";
    case "invalid_format":
      return issue.format === "email" ? "email" : "invalid";
    case "invalid_value":
      return "invalid_choice";
    case "custom":
      return OWN_CODES.has(issue.message) ? issue.message.slice("validation.".length) : "invalid";
    default:
      return "invalid";
  }
}
