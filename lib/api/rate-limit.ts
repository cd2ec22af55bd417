import { createRateLimiter } from "../domain/auth/rate-limit";

// 2 requests a second on average is generous for an agent or a script and still stops a runaway
// loop within a minute. In memory, per process (see README for several instances).
export const TOKEN_RATE_LIMIT = { limit: 120, windowMs: 60_000 };

const holder = globalThis as typeof globalThis & { __lifecycleApiRate?: Map<string, number[]> };
const limiter = createRateLimiter(TOKEN_RATE_LIMIT, (holder.__lifecycleApiRate ??= new Map()));

/**
 * Counts one request for `key` (a token id) in a sliding window. Refused requests are not counted,
 * so a client that honours `Retry-After` gets in as soon as the oldest request leaves the window.
 */
export function takeRequest(
  key: string,
  now = Date.now(),
): { allowed: true } | { allowed: false; retryAfterS: number } {
  const c = limiter.check(key, now);
  if (!c.allowed) return { allowed: false, retryAfterS: Math.max(1, Math.ceil(c.retryAfterMs / 1000)) };
  limiter.fail(key, now);
  return { allowed: true };
}
