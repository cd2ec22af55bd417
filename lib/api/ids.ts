import type { TErrorCode } from "../errors";

type TFailure = { ok: false; code: TErrorCode; fields?: Record<string, string> };

/**
 * A path id that is not a UUID names nothing: answer 404 like an unknown id, not a 422 about a field
 * the caller never sent in the body.
 */
export function notFoundForBadId<R extends { ok: true } | TFailure>(result: R): R | TFailure {
  if (!result.ok && result.code === "invalid_input" && result.fields?.id) return { ok: false, code: "not_found" };
  return result;
}
