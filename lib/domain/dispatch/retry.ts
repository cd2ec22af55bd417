/**
 * When to try a failed send again, and when to give up (spec: retries with exponential backoff up to a
 * limit, then `failed`). Pure: attempts and time come in, a decision comes out.
 */

// Five attempts over about 7½ minutes (30 s, 1, 2 and 4 min between them) ride out a restarting mail
// relay without holding a customer message for hours; after that a person should look.
export const MAX_ATTEMPTS = 5;
export const BASE_DELAY_MS = 30_000;

// A claimed row is "sending" for at most this long. It must exceed the transport's own timeouts
// (SMTP: 30 s per phase, see lib/dispatch/smtp.ts) so a slow but live send is never taken for a crash.
export const LEASE_MS = 10 * 60_000;

export const INTERRUPTED_ERROR =
  "interrupted after handing to the transport; it may have been delivered — check before re-queueing";
export const PAYLOAD_CHANGED_ERROR = "payload changed after approval";

/** Delay before the next attempt after `attempts` failed ones (≥ 1): 30 s · 2^(attempts − 1). */
export function retryDelayMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be ≥ 1, got ${attempts}`);
  return BASE_DELAY_MS * 2 ** (attempts - 1);
}

export type TAfterFailure = { state: "queued"; nextAttemptAt: Date } | { state: "failed" };

/**
 * What a failed attempt leads to: queued again with backoff while attempts remain and the error may
 * pass, otherwise `failed`. `permanent` errors (the receiving server refused the message) fail at once.
 */
export function afterFailure(attempts: number, now: Date, permanent = false): TAfterFailure {
  if (permanent || attempts >= MAX_ATTEMPTS) return { state: "failed" };
  return { state: "queued", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** End of the lease taken when a row is claimed at `now`. */
export const leaseUntil = (now: Date): Date => new Date(now.getTime() + LEASE_MS);
