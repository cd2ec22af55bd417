import "server-only";
import canonicalize from "canonicalize";
import { createHash } from "node:crypto";
import {
  claimIdempotencyKey,
  purgeExpiredIdempotencyKeys,
  storeIdempotentResponse,
  type TStoredResponse,
} from "../data/idempotency";
import { withRequestTransaction } from "../data/tx";
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

// Thrown inside the request transaction to roll it back while still answering with `response`.
class RolledBack extends Error {
  constructor(readonly response: TStoredResponse) {
    super("rolled back");
  }
}

type TAttempt = { response: TStoredResponse; replayed: boolean } | { busy: true };

/**
 * Runs `run` at most once per (actor, key). The key row, everything `run` changes (its mutations join
 * the request transaction as savepoints, ledger entries included) and the response are committed in
 * one transaction: exactly once, also across a crash. A repeat with the same body gets the stored
 * response replayed byte for byte; a different body gets 422 `idempotency_mismatch`; a repeat while
 * the first still runs waits for it (409 `conflict` after IDEMPOTENCY_WAIT_MS). A 5xx answer rolls
 * the whole request back and is not stored, so a retry after a transient failure runs again.
 * Inside `run`, database work must go through `withTransaction`/`runMutation` (see withRequestTransaction).
 */
export async function idempotent(
  actorId: string,
  key: string,
  hash: string,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<TStoredResponse & { replayed: boolean }> {
  await purgeExpiredIdempotencyKeys(new Date());
  const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
  for (;;) {
    const attempt = await withRequestTransaction(async (tx): Promise<TAttempt> => {
      const claim = await claimIdempotencyKey(tx, actorId, key, hash);
      if (claim.state === "running") return { busy: true };
      if (claim.state === "done") return { response: claim.response, replayed: true };
      if (claim.state === "mismatch") {
        const refusal = apiError("idempotency_mismatch", {
          message: "This Idempotency-Key was already used with a different request body.",
        });
        return { response: serialise(refusal), replayed: false };
      }
      const response = serialise(await run());
      if (response.status >= 500) throw new RolledBack(response);
      await storeIdempotentResponse(tx, actorId, key, response);
      return { response, replayed: false };
    }).catch((error: unknown): TAttempt => {
      if (error instanceof RolledBack) return { response: error.response, replayed: false };
      throw error;
    });
    if (!("busy" in attempt)) return { ...attempt.response, replayed: attempt.replayed };
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
