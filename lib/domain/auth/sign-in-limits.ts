/**
 * Sign-in limiting: counted attempts with a growing delay, never a hard lock. Each attempt must pass
 * three counters (all shared in the database, see lib/data/rate-counters.ts):
 *
 * - (account, address): tight. 5 attempts per quiet window; then each further attempt waits
 *   1, 2, 4, … s (capped at 5 min) after the previous one. A success clears it.
 * - account: loose. 20 attempts from all addresses together, then the same growing delay. An
 *   attacker at one address exhausts only his own (account, address) counter, so the owner at another
 *   address signs in at once; only a spread-out attack on one account slows the owner, by minutes.
 * - address: 50 attempts over all accounts (password spraying from one address), then the delay.
 *
 * A counter forgets after 15 quiet minutes (no admitted attempt). Attempts are counted when admitted,
 * before the password is checked, so a parallel burst gets exactly the limit through.
 * Pure: `now` is a parameter.
 */
export type TAttemptRule = { limit: number; quietMs: number; maxDelayMs: number };

const QUIET_MS = 15 * 60_000;
// 2^8 s ≈ 4 min: after 13 attempts from one address the pace is one guess per 5 minutes.
const MAX_DELAY_MS = 5 * 60_000;

export const SIGN_IN_RULES = {
  accountAddress: { limit: 5, quietMs: QUIET_MS, maxDelayMs: MAX_DELAY_MS },
  account: { limit: 20, quietMs: QUIET_MS, maxDelayMs: MAX_DELAY_MS },
  address: { limit: 50, quietMs: QUIET_MS, maxDelayMs: MAX_DELAY_MS },
} as const satisfies Record<string, TAttemptRule>;

/** Delay before the next attempt once `count` attempts were admitted: 0 under the limit, then 2^(count-limit) s, capped. */
export function attemptDelayMs(count: number, rule: TAttemptRule): number {
  if (count < rule.limit) return 0;
  return Math.min(2 ** Math.min(count - rule.limit, 30) * 1000, rule.maxDelayMs);
}

export type TCounterState = { count: number; lastAt: number } | null;

/**
 * Whether an attempt at `now` is admitted, and the counter after it. The SQL in
 * lib/data/rate-counters.ts implements the same rule atomically; this is its reference.
 */
export function admitAttempt(
  state: TCounterState,
  now: number,
  rule: TAttemptRule,
): { admitted: boolean; retryAfterMs: number; next: TCounterState } {
  if (!state || now - state.lastAt >= rule.quietMs)
    return { admitted: true, retryAfterMs: 0, next: { count: 1, lastAt: now } };
  const readyAt = state.lastAt + attemptDelayMs(state.count, rule);
  if (now >= readyAt) return { admitted: true, retryAfterMs: 0, next: { count: state.count + 1, lastAt: now } };
  return { admitted: false, retryAfterMs: readyAt - now, next: state };
}

// RFC 5321 caps a path at 256 octets including the brackets: 254 for the address.
const EMAIL_MAX = 254;
const EMAIL_SHAPE =
  /^[^\s@<>()[\]\\,;:"\p{Cc}\p{Cf}]+@[^\s@<>()[\]\\,;:"\p{Cc}\p{Cf}]+\.[^\s@<>()[\]\\,;:"\p{Cc}\p{Cf}]+$/u;
/** What the ledger and the counters see instead of text that is not an e-mail address. */
export const NOT_AN_EMAIL = "(not-an-email)";

/**
 * The typed e-mail as the ledger and the counters may see it: trimmed, lower-cased, at most 254
 * characters and shaped like an address; anything else is one fixed marker, so attacker text never
 * becomes a ledger actor or a fresh counter key.
 */
export function normaliseSignInEmail(typed: unknown): string {
  const email = String(typed ?? "")
    .normalize("NFKC")
    .trim()
    .toLowerCase();
  return email.length <= EMAIL_MAX && EMAIL_SHAPE.test(email) ? email : NOT_AN_EMAIL;
}

/** At most one ledger entry per (account, address) per minute; the rest are counted into the next one. */
export const SIGN_IN_LEDGER_INTERVAL_MS = 60_000;
