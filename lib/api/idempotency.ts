import "server-only";
import canonicalize from "canonicalize";
import { createHash } from "node:crypto";
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentResponse,
  type TStoredResponse,
} from "../data/idempotency";
import { apiError } from "./errors";

// A waiting duplicate polls this long for the first request's answer, then gets 409 and may retry.
export const IDEMPOTENCY_WAIT_MS = 5_000;
const POLL_MS = 50;

// Stripe's limit; enough for a UUID, a ULID or "<job>-<run>-<item>".
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function validIdempotencyKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Same method, path and JSON body (key order and whitespace aside) → same hash. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method.toUpperCase()} ${path}\n${canonicalize(body) ?? ""}`)
    .digest("hex");
}

const serialise = (r: { status: number; body: unknown }): TStoredResponse => ({
  status: r.status,
  body: JSON.stringify(r.body),
});

/**
 * Runs `run` at most once per (actor, key): the first request runs it and stores its response; a
 * repeat with the same body gets that response replayed byte for byte; a different body gets 422
 * `idempotency_mismatch`; a repeat while the first still runs waits for it (409 `conflict` after
 * IDEMPOTENCY_WAIT_MS). A 5xx answer is not stored, so a retry after a transient failure runs again.
 */
export async function idempotent(
  actorId: string,
  key: string,
  hash: string,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<TStoredResponse & { replayed: boolean }> {
  const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
  for (;;) {
    const claim = await claimIdempotencyKey(actorId, key, hash);
    if (claim.state === "claimed") {
      let response: TStoredResponse;
      try {
        response = serialise(await run());
      } catch (error) {
        await releaseIdempotencyKey(actorId, key).catch(() => undefined);
        throw error;
      }
      if (response.status >= 500) await releaseIdempotencyKey(actorId, key).catch(() => undefined);
      else await storeIdempotentResponse(actorId, key, response);
      return { ...response, replayed: false };
    }
    if (claim.state === "done") return { ...claim.response, replayed: true };
    if (claim.state === "mismatch")
      return {
        ...serialise(
          apiError("idempotency_mismatch", {
            message: "This Idempotency-Key was already used with a different request body.",
          }),
        ),
        replayed: false,
      };
    if (Date.now() >= deadline)
      return {
        ...serialise(
          apiError("conflict", { message: "A request with this Idempotency-Key is still in progress; retry later." }),
        ),
        replayed: false,
      };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
